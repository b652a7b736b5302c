using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>How the plan names things: paths relative to OpenClaw's state dir, locations in dotted form.</summary>
internal static class SecretsDisplay
{
    public static string Relative(OpenClawPaths paths, string hostPath) =>
        hostPath == paths.StateDir ? "."
        : hostPath.StartsWith(paths.StateDir + "/", StringComparison.Ordinal) ? hostPath[(paths.StateDir.Length + 1)..]
        : hostPath;

    public static string Resource(OpenClawPaths paths, FoundSecret found) => found.Location switch
    {
        // Two credentials inside one string are two changes: the place in the file tells them apart.
        JsonLocation { WholeValue: false } json => $"{Relative(paths, found.Path)}:{JsonPointer.Dotted(json.Pointer)}@{found.Line}:{found.Column}",
        JsonLocation json => $"{Relative(paths, found.Path)}:{JsonPointer.Dotted(json.Pointer)}",
        AuthProfileLocation profile => $"{Relative(paths, found.Path)}:{profile.ProfileId}",
        EnvLineLocation env => $"{Relative(paths, found.Path)}:{env.Name}",
        _ => $"{Relative(paths, found.Path)}:{found.Line}:{found.Column}",
    };

    public static string Resource(OpenClawPaths paths, EnvReference reference) => reference.Location switch
    {
        JsonLocation json => $"{Relative(paths, reference.HostPath)}:{JsonPointer.Dotted(json.Pointer)}",
        AuthProfileLocation profile => $"{Relative(paths, reference.HostPath)}:{profile.ProfileId}",
        _ => Relative(paths, reference.HostPath),
    };

    /// <summary>The text that takes a secret's place in Markdown and other text files.</summary>
    public static string Note(string storeKind, string name) => $"[secret moved to the {storeKind} store as {name}]";

    public static string Mode(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    public static string Owner((int Uid, int Gid)? owner, string? user = null) =>
        owner is { } o ? user is null ? $"{o.Uid}:{o.Gid}" : $"{user} ({o.Uid}:{o.Gid})" : "owner unknown";
}
