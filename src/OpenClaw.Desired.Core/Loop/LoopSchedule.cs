namespace OpenClaw.Desired.Loop;

/// <summary>
/// When the next tick runs: the interval after a good tick; after n failures in a row, the backoff base
/// doubled n-1 times, capped. Either way spread by the jitter.
/// </summary>
public static class LoopSchedule
{
    public static TimeSpan Next(LoopOptions options, int consecutiveFailures, Random random)
    {
        var delay = consecutiveFailures == 0 ? options.Interval : Backoff(options, consecutiveFailures);
        var spread = options.Jitter <= 0 ? 0 : ((random.NextDouble() * 2) - 1) * options.Jitter;
        return TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(delay.Ticks * (1 + spread))));
    }

    public static TimeSpan Backoff(LoopOptions options, int consecutiveFailures)
    {
        // 2^20 times any sane base is past any sane cap; stop doubling there so nothing overflows.
        var factor = Math.Pow(2, Math.Min(consecutiveFailures - 1, 20));
        var backoff = TimeSpan.FromTicks((long)Math.Min(options.BackoffBase.Ticks * factor, options.BackoffMax.Ticks));
        return backoff < options.BackoffMax ? backoff : options.BackoffMax;
    }
}
