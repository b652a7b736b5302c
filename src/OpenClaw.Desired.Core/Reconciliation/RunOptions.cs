namespace OpenClaw.Desired.Reconciliation;

/// <summary>What one reconcile or rollback run is asked to do.</summary>
public sealed record RunOptions
{
    public required string PosturePath { get; init; }
    public string Root { get; init; } = "/";
    public string? StateDir { get; init; }
    public bool DryRun { get; init; } = true;
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Asked before an applying run changes anything, with the plan as a report and the run's redactor (anything
    /// shown must pass it); false leaves the host as it is. Null applies without asking (the loop, <c>--yes</c>).
    /// </summary>
    public Func<Reporting.RunReport, Redaction.SecretRedactor, CancellationToken, Task<bool>>? Confirm { get; init; }

    /// <summary>Git source settings from the command line; null or empty reads <see cref="PosturePath"/> as before.</summary>
    public Source.SourceRequest? Source { get; init; }

    /// <summary>The state dir a run uses when none is given: /var/lib/openclaw-desired under the root for root, else under the user's home.</summary>
    public string ResolveStateDir(Host.HostRoot root)
    {
        if (StateDir is { } explicitDir)
        {
            return Path.GetFullPath(explicitDir);
        }

        if (Safety.Native.IsRoot || !root.IsRealRoot)
        {
            return root.Resolve("/var/lib/openclaw-desired");
        }

        var home = Environment.GetEnvironmentVariable("HOME") ?? "/tmp";
        return Path.Combine(home, ".local", "state", "openclaw-desired");
    }
}
