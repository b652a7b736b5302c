using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Secrets;

/// <summary>The OpenClaw user's uid and gid, from the host's own /etc/passwd under the root.</summary>
public static class AgentUser
{
    public static (int Uid, int Gid)? Lookup(HostRoot root, string user)
    {
        var text = new Host.Fs.HostFs(root).TryReadAllText("/etc/passwd", 16 * 1024 * 1024);
        if (text is null)
        {
            return null;
        }

        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == user
                && int.TryParse(fields[2], System.Globalization.CultureInfo.InvariantCulture, out var uid)
                && int.TryParse(fields[3], System.Globalization.CultureInfo.InvariantCulture, out var gid))
            {
                return (uid, gid);
            }
        }

        return null;
    }
}
