namespace OpenClaw.Desired.Reporting;

/// <summary>The process exit codes, documented in the README and relied on by PR gates.</summary>
public static class ExitCodes
{
    /// <summary>In sync (dry run) or applied and converged.</summary>
    public const int Ok = 0;

    /// <summary>Bad input or an error that stopped the run; nothing was changed.</summary>
    public const int Error = 1;

    /// <summary>Dry run: the host differs from the posture.</summary>
    public const int Changes = 2;

    /// <summary>Something failed, did not converge, or could not be seen (unknown).</summary>
    public const int FailedOrUnknown = 3;

    /// <summary>Dry run: the plan would loosen the host's posture.</summary>
    public const int Loosens = 4;

    /// <summary>Dry run: the security score after the plan stays below score.target (graver results, 3 and 4, win).</summary>
    public const int BelowTarget = 5;
}
