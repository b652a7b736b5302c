namespace OpenClaw.Desired.Planning;

public enum OutcomeStatus
{
    Applied,
    Skipped,
    Waiting,
    Stalled,
    Failed,
}

/// <summary>How applying one change ended. Returned, never thrown; messages never hold secret values.</summary>
public sealed record ChangeOutcome(string ChangeId, OutcomeStatus Status, string Message)
{
    public static ChangeOutcome Applied(PlannedChange change, string message = "applied") => new(change.Id, OutcomeStatus.Applied, message);

    public static ChangeOutcome Skipped(PlannedChange change, string message) => new(change.Id, OutcomeStatus.Skipped, message);

    public static ChangeOutcome Stalled(PlannedChange change, string message) => new(change.Id, OutcomeStatus.Stalled, message);

    /// <summary>Done, but held until someone confirms it (a firewall change under commit-confirm); not a failure.</summary>
    public static ChangeOutcome Waiting(PlannedChange change, string message) => new(change.Id, OutcomeStatus.Waiting, message);

    public static ChangeOutcome Failed(PlannedChange change, string message) => new(change.Id, OutcomeStatus.Failed, message);
}
