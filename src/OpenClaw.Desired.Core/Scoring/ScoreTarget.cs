using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Scoring;

/// <summary>
/// The score a host should reach: <c>score.target</c>, else the tier's default. Standard takes the hardening
/// guide's 9.0; basic asks for less, paranoid for more. A target of 0 turns the gate off.
/// </summary>
public static class ScoreTarget
{
    public static double Default(Tier tier) => tier switch
    {
        Tier.Paranoid => 9.5,
        Tier.Standard => 9.0,
        _ => 6.0,
    };

    public static double Of(EffectivePosture posture) => posture.Document.Score?.Target ?? Default(posture.Tier);
}
