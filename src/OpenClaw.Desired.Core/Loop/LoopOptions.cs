using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Loop;

/// <summary>How the converge loop paces itself. Defaults: every 15 minutes ± 10%, failures retried after 30 s, 1 min, 2 min, … up to 1 h.</summary>
public sealed record LoopOptions
{
    /// <summary>What each tick runs (the posture or Git source, root, state dir). DryRun here is ignored; see <see cref="DetectOnly"/>.</summary>
    public required RunOptions Run { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Each wait is spread by up to this fraction either way, so a fleet does not fetch in step.</summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>One tick, then exit with its code (for timers and cron).</summary>
    public bool Once { get; init; }

    /// <summary>Plan and report every tick, never apply.</summary>
    public bool DetectOnly { get; init; }

    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromHours(1);
}
