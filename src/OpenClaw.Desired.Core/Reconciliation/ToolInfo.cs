using System.Reflection;

namespace OpenClaw.Desired.Reconciliation;

/// <summary>What build of the tool this is: version, the commit it was built from, and when.</summary>
public static class ToolInfo
{
    private static readonly Assembly Assembly = typeof(ToolInfo).Assembly;

    // The SDK writes "VERSION+COMMIT" into the informational version when it builds inside a Git checkout.
    private static readonly string[] Informational =
        (Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+', 2);

    /// <summary>The release version (semantic version, without the commit).</summary>
    public static string Version { get; } = Informational[0];

    /// <summary>The full commit id the build came from, or "unknown" outside a Git checkout.</summary>
    public static string Commit { get; } = Informational.Length > 1 && Informational[1].Length > 0 ? Informational[1] : "unknown";

    /// <summary>When the build ran (UTC, ISO 8601), or SOURCE_DATE_EPOCH for a reproducible build.</summary>
    public static string BuildDate { get; } =
        Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BuildDate")?.Value ?? "unknown";

    /// <summary>The line <c>--version</c> prints.</summary>
    public static string Describe() => $"openclaw-desired {Version} (commit {Commit}, built {BuildDate})";
}
