using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Monitoring.Cron;

/// <summary>Where OpenClaw keeps its cron store and run logs, as host paths.</summary>
public static partial class CronPaths
{
    public static string DirectoryOf(string hostPath)
    {
        var slash = hostPath.LastIndexOf('/');
        return slash <= 0 ? "/" : hostPath[..slash];
    }

    public static string Join(string folder, string name) => folder.TrimEnd('/') + "/" + name;

    /// <summary>
    /// A job id safe to make a file name of (<c>runs/ID.jsonl</c>). Ids come from a file the agent can write,
    /// so anything that could climb out of the folder is refused.
    /// </summary>
    public static bool SafeId(string id) => id.Length <= 200 && SafeIdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeIdPattern();
}
