namespace OpenClaw.Desired.Scoring;

/// <summary>The guide's categories; the model takes more (a row names its category).</summary>
public static class ScoreCategories
{
    public const string Backup = "backup";
    public const string AccessControl = "accessControl";
    public const string Monitoring = "monitoring";
    public const string IncidentResponse = "incidentResponse";
    public const string Network = "network";
    public const string Secrets = "secrets";

    /// <summary>In the order reports list them.</summary>
    public static readonly IReadOnlyList<string> All = [Backup, AccessControl, Monitoring, IncidentResponse, Network, Secrets];
}

/// <summary>How one criterion stands: met, not met, or unknown (null; counted as not met), and why.</summary>
public readonly record struct Verdict(bool? Met, string Why)
{
    public static Verdict Of(bool met, string why) => new(met, why);

    public static Verdict Unknown(string why) => new(null, why);
}

/// <summary>
/// One row of the score: what earns its weight, which probe's observation decides it, and how to earn it back.
/// <see cref="Judge"/> reads only observations (never the posture), so the same row scores the host now and the
/// host after a plan.
/// </summary>
public sealed record Criterion(
    string Id,
    string Category,
    int Weight,
    string Source,
    string Observes,
    string Means,
    string EarnBack,
    Func<ObservationSet, Verdict> Judge);
