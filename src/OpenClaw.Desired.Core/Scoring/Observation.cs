using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Scoring;

/// <summary>
/// One fact a probe saw on the host, as the score reads it: a key (<c>agent:exec.security</c>), its value (null when
/// the probe could not see it), where it comes from and what it was. When a planned change would alter it,
/// <see cref="ConvergedBy"/> names the change ids and <see cref="Desired"/> the value it would have afterwards: the
/// score after a plan is the score of the observations with those changes' effects applied.
/// </summary>
public sealed record Observation(string Key, string? Value, string Source, string Detail)
{
    /// <summary>The change ids any one of which, applied, leaves <see cref="Desired"/> here.</summary>
    public ValueList<string> ConvergedBy { get; init; } = ValueList<string>.Empty;

    /// <summary>The value once a change of <see cref="ConvergedBy"/> is applied.</summary>
    public string? Desired { get; init; }

    /// <summary>What the fact would say then (defaults to a generic line).</summary>
    public string? DesiredDetail { get; init; }

    /// <summary>The value of an item (a skill, a plaintext secret) that a change takes away.</summary>
    public const string Absent = "absent";

    public bool Known => Value is not null;

    public static Observation Unknown(string key, string source, string why) => new(key, null, source, why);

    /// <summary>The same fact after a change of <paramref name="convergedBy"/> sets it to <paramref name="desired"/>.</summary>
    public Observation Converging(IEnumerable<string> convergedBy, string? desired, string? desiredDetail = null)
    {
        var ids = convergedBy.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToValueList();
        return ids.Count == 0 || desired == Value ? this : this with { ConvergedBy = ids, Desired = desired, DesiredDetail = desiredDetail };
    }
}

/// <summary>Pseudo change ids: effects every applying run has, whatever its plan.</summary>
public static class RunEffects
{
    /// <summary>An applying run: it journals, records the integrity baseline at its end and counts as a reconcile.</summary>
    public const string Apply = "run:apply";
}
