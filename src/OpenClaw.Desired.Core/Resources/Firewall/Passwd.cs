using System.Globalization;
using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>User lookups in the host's own /etc/passwd under the root, so a scratch root carries its users.</summary>
internal static class Passwd
{
    /// <summary>uid and gid of a user name, or of a numeric uid as given (gid = uid then); null when unknown.</summary>
    public static (int Uid, int Gid)? Lookup(HostRoot root, string user)
    {
        if (int.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
        {
            return (numeric, numeric);
        }

        var passwd = new Host.Fs.HostFs(root).TryReadAllText("/etc/passwd", 16 * 1024 * 1024);
        if (passwd is null)
        {
            return user == "root" ? (0, 0) : null;
        }

        foreach (var line in passwd.Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == user
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
                && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                return (uid, gid);
            }
        }

        return user == "root" ? (0, 0) : null;
    }
}
