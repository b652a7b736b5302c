using System.Globalization;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Monitoring.Processes;

/// <summary>Looks a user up in the host's own <c>/etc/passwd</c> under the root, read through the safe filesystem.</summary>
public static class AgentAccounts
{
    public static int? Uid(HostFs fs, string user)
    {
        var passwd = fs.TryReadAllText("/etc/passwd", 4L * 1024 * 1024);
        foreach (var line in passwd?.Split('\n') ?? [])
        {
            var fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == user && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
            {
                return uid;
            }
        }

        return null;
    }
}
