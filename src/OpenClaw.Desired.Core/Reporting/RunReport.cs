namespace OpenClaw.Desired.Reporting;

/// <summary>
/// The report of one run, as written to JSON (schemas/report.schema.json) and rendered to text and Markdown.
/// Holds display strings only: secret values appear as fingerprints, and the whole report is scrubbed.
/// </summary>
public sealed record RunReport
{
    public const string CurrentSchemaVersion = "1";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string RunId { get; init; }
    public required string Mode { get; init; }
    public required string ToolVersion { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    public required string Result { get; init; }
    public int ExitCode { get; init; }
    public PostureInfo? Posture { get; init; }
    public required HostInfo Host { get; init; }
    public ReportSummary Summary { get; init; } = new();
    public IReadOnlyList<ChangeReport> Changes { get; init; } = [];
    public IReadOnlyList<UnknownReport> Unknowns { get; init; } = [];
    public IReadOnlyList<FindingReport> Findings { get; init; } = [];
    public IReadOnlyList<ChangeReport> NotConverged { get; init; } = [];
    public IReadOnlyList<string> Diagnostics { get; init; } = [];
    public IReadOnlyList<RestoredReport> Restored { get; init; } = [];
    public InterruptedRun? Interrupted { get; init; }
    public string? StaleLock { get; init; }

    /// <summary>Pull-request dry runs (<c>--base</c>): how the desired posture changes between two commits.</summary>
    public PostureDiffReport? PostureDiff { get; init; }

    /// <summary>Every waiver of the posture: whether it holds, expired, or matches nothing (stale).</summary>
    public IReadOnlyList<WaiverReport> Waivers { get; init; } = [];

    /// <summary>The host's security score from what the probes saw (docs/score.md); a dry run adds the score after its plan.</summary>
    public ScoreReport? Score { get; init; }

    /// <summary>Refused outbound connections the owned firewall table counted, with the top destinations.</summary>
    public ConnectionsReport? Connections { get; init; }

    public Timings Timings { get; init; } = new();
}

/// <summary>Why an item is waived, on the item itself in every report.</summary>
public sealed record WaivedInfo(string Reason, string Owner, string Until);

/// <summary>One waiver after the plan: status active, expired or stale, and how many items it matched.</summary>
public sealed record WaiverReport(string Match, string Reason, string Owner, string Until, string Status, int Matched, string Where)
{
    public string? Path { get; init; }
}

public sealed record PostureInfo(string Path, string Digest, string Tier, SourceInfo? Source = null)
{
    /// <summary>Where sections of the posture start (<c>agent.skills</c> → file, line, column): SARIF points results there. Not part of the JSON report.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, Posture.PostureSpot>? Sections { get; init; }
}

/// <summary>Where a Git-sourced posture came from, how fresh it is, and whether its commit may be applied.</summary>
public sealed record SourceInfo(string Repo, string Ref, string Commit, DateTimeOffset CommitTime, string Author)
{
    /// <summary>The files merged into the posture, in merge order (posture, includes, group and host overlays).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The remote could not be reached; the commit is the cache's last good one.</summary>
    public bool Stale { get; init; }

    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>How long ago the remote last answered, e.g. "2h 5m"; set only when stale.</summary>
    public string? StaleFor { get; init; }

    /// <summary>verified, unsigned, bad-signature, untrusted, error or not-required.</summary>
    public string Verification { get; init; } = "not-required";

    /// <summary>The fingerprint of the key that signed the commit, when gpg could tell.</summary>
    public string? SignedBy { get; init; }

    /// <summary>The last commit an applying run converged this host to.</summary>
    public string? LastApplied { get; init; }
}

/// <summary>The desired values that differ between the posture at a base commit and at the head commit.</summary>
public sealed record PostureDiffReport(string Base, string BaseCommit, string Head, string HeadCommit, IReadOnlyList<PostureChangeReport> Changes)
{
    public int Tightens => Changes.Count(c => c.Effect == "tightens");

    public int Loosens => Changes.Count(c => c.Effect == "loosens");
}

/// <summary>One desired value changed by a posture commit; unset before or after when it was added or removed.</summary>
public sealed record PostureChangeReport(string Path, string? Before, string? After, string Effect);

public sealed record HostInfo(string Root, string? OpenClawUser, string? StateDir);

public sealed record ReportSummary
{
    public int Changes { get; init; }
    public int Tightens { get; init; }
    public int Loosens { get; init; }
    public int Manual { get; init; }
    public int Unknown { get; init; }
    public int Applied { get; init; }
    public int Failed { get; init; }
    public int NotConverged { get; init; }

    /// <summary>Applied but held until confirmed (the firewall's commit-confirm): not failed, not yet done.</summary>
    public int Waiting { get; init; }

    /// <summary>Changes and findings a waiver accepts; never counted in the other numbers.</summary>
    public int Waived { get; init; }
}

public sealed record ChangeReport(
    string Kind,
    string Resource,
    string Action,
    string Reason,
    string? Before,
    string? After,
    string Effect,
    string? Outcome = null,
    string? Message = null)
{
    /// <summary>Set when a waiver accepts this change: it is shown, not applied, and not counted by the gate.</summary>
    public WaivedInfo? Waived { get; init; }

    public string Id => $"{Kind}/{Resource}";

    /// <summary>OpenClaw security-audit check ids the change closes; null (left out of the JSON) when none.</summary>
    public IReadOnlyList<string>? Checks { get; init; }
}

public sealed record UnknownReport(string Kind, string Resource, string Reason);

public sealed record FindingReport(string Kind, string Resource, string Rule, string Severity, string Location, string Why)
{
    /// <summary>Stable across runs while the finding stays where it is; a waiver's <c>match</c> may name it.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The host path of the file, when the finding is in one.</summary>
    public string? Path { get; init; }

    public WaivedInfo? Waived { get; init; }
}

public sealed record RestoredReport(string Path, string Action);

public sealed record InterruptedRun(string RunId, IReadOnlyList<RestoredReport> Files);

public sealed record Timings
{
    public double TotalMs { get; init; }
    public double LoadMs { get; init; }
    public double PlanMs { get; init; }
    public double ApplyMs { get; init; }
    public double VerifyMs { get; init; }

    /// <summary>Probe and diff time of each kind in the (first) plan; kinds probe concurrently.</summary>
    public IReadOnlyDictionary<string, double>? Kinds { get; init; }
}
