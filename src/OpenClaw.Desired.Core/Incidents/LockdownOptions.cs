namespace OpenClaw.Desired.Incidents;

/// <summary>What <c>lockdown</c> and <c>lockdown --release</c> are asked to do.</summary>
public sealed record LockdownOptions
{
    /// <summary>Where the posture comes from (local file or Git, like reconcile): it says where OpenClaw lives.</summary>
    public required Reconciliation.RunOptions Run { get; init; }

    public string Reason { get; init; } = string.Empty;

    /// <summary>Release only: put back the rotation records of secrets the lockdown marked (a false alarm).</summary>
    public bool ClearSuspected { get; init; }

    /// <summary>Who asks (the login name, or the sudo user).</summary>
    public string By { get; init; } = Environment.GetEnvironmentVariable("SUDO_USER") ?? Environment.UserName;
}
