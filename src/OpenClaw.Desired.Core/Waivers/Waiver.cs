using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Waivers;

/// <summary>A checked waiver: its place in the posture (for positioned messages) and its last day.</summary>
public sealed record Waiver(int Index, string Match, string? Path, string Reason, string Owner, DateOnly Until, string File, int Line, int Column)
{
    /// <summary>A waiver holds through its last day (UTC) and is expired from the day after.</summary>
    public bool ExpiredOn(DateOnly today) => today > Until;

    public string UntilText => Until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A message positioned at this waiver in its posture file.</summary>
    public Diagnostic At(string message, string field = "", Severity severity = Severity.Error) =>
        new(File, Line, Column, message, $"waivers[{Index}]{(field.Length > 0 ? "." + field : string.Empty)}", severity);
}

/// <summary>How long a waiver may run, per tier: the stricter the tier, the sooner a risk is looked at again.</summary>
public static class WaiverPolicy
{
    public static int MaxDays(Tier tier) => tier switch
    {
        Tier.Paranoid => 30,
        Tier.Standard => 90,
        _ => 180,
    };
}
