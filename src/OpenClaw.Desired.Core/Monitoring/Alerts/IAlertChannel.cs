namespace OpenClaw.Desired.Monitoring.Alerts;

/// <summary>One try at sending: delivered, or why not, and whether trying again can help (and when).</summary>
public sealed record ChannelAttempt(bool Delivered, bool Retryable, TimeSpan? RetryAfter, string? Error)
{
    public static readonly ChannelAttempt Ok = new(true, false, null, null);

    public static ChannelAttempt Retry(string error, TimeSpan? after = null) => new(false, true, after, error);

    public static ChannelAttempt Fail(string error) => new(false, false, null, error);
}

/// <summary>
/// A place alerts go. Implementations make exactly one attempt per call and never throw for the channel's
/// own failures (they return them); the dispatcher retries. Errors never hold a secret (token, URL path).
/// </summary>
public interface IAlertChannel
{
    /// <summary>telegram or webhook: the key of its dedupe state and of the metrics' <c>channel</c> label.</summary>
    string Name { get; }

    /// <summary>Where it goes, without credentials: "telegram (api.telegram.org)".</summary>
    string Description { get; }

    Task<ChannelAttempt> SendOnceAsync(AlertNotice notice, string deliveryId, CancellationToken cancellationToken);
}
