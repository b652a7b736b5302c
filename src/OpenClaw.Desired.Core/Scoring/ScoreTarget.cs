using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Scoring;

/// <summary>
/// The score a host should reach: <c>score.target</c>, else the tier's default. Standard takes the hardening
/// guide's 9.0 and paranoid asks for more; basic, the entry tier, sets no target of its own (0: the score is
/// reported, the gate is off) until the posture names one.
/// </summary>
public static class ScoreTarget
{
    public static double Default(Tier tier) => tier switch
    {
        Tier.Paranoid => 9.5,
        Tier.Standard => 9.0,
        _ => 0,
    };

    public static double Of(EffectivePosture posture) => posture.Document.Score?.Target ?? Default(posture.Tier);
}
