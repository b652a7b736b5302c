using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources;

/// <summary>
/// One openclaw.json key the posture governs: where it is, what it should be, and how to judge whether a
/// change tightens or loosens. An unset key counts as OpenClaw's <see cref="Default"/> unless the control is
/// <see cref="Explicit"/> (defaults that changed between OpenClaw versions are written out).
/// Kinds that converge openclaw.json describe themselves as lists of these.
/// </summary>
public sealed record ConfigControl(
    string Pointer,
    JToken Desired,
    string Reason,
    Func<JToken?, JToken, PostureEffect> Effect,
    JToken? Default = null,
    bool Explicit = false,
    bool Secret = false)
{
    /// <summary>How to show a value in a plan when the generic form would be hard to read.</summary>
    public Func<JToken, string>? Format { get; init; }

    /// <summary>OpenClaw security-audit check ids the change closes (see the control catalog).</summary>
    public ValueList<string> Checks { get; init; } = ValueList<string>.Empty;

    /// <summary>The key is to be removed (the value of <see cref="Desired"/> is then only shown as what it falls back to).</summary>
    public bool Remove { get; init; }

    /// <summary>The change that brings the observed value to the desired one, or null when they agree.</summary>
    public PlannedChange? Diff(string kind, ConfigObservation observed)
    {
        var current = observed.Config!.Get(Pointer);
        if (Remove)
        {
            return current is null ? null : new PlannedChange(
                kind,
                JsonPointer.Dotted(Pointer),
                ChangeAction.Remove,
                Reason,
                Display(current, observed.Fingerprint, null),
                Desired.Type == JTokenType.Null ? "unset" : $"unset ({Display(Desired, observed.Fingerprint, null)})",
                Effect(current, Desired),
                new JsonEdit(observed.HostPath, Pointer, null))
            { Checks = Checks };
        }

        if (JToken.DeepEquals(current, Desired) || (current is null && !Explicit && Default is not null && JToken.DeepEquals(Default, Desired)))
        {
            return null;
        }

        return new PlannedChange(
            kind,
            JsonPointer.Dotted(Pointer),
            current is null ? ChangeAction.Create : ChangeAction.Update,
            Reason,
            Display(current, observed.Fingerprint, Default is null ? null : Display(Default, observed.Fingerprint, null)),
            Display(Desired, observed.Fingerprint, null),
            Effect(current, Desired),
            new JsonEdit(observed.HostPath, Pointer, Desired.ToString(Formatting.None)))
        { Checks = Checks };
    }

    private string Display(JToken? value, Func<string, string> fingerprint, string? fallback)
    {
        if (value is null || value.Type == JTokenType.Null)
        {
            return fallback is null ? "unset" : $"unset (OpenClaw default: {fallback})";
        }

        if (Format is not null)
        {
            return Format(value);
        }

        if (Secret && value.Type == JTokenType.String)
        {
            var text = (string)value!;
            return SecretKeys.IsReference(text) ? text : fingerprint(text);
        }

        return value.Type switch
        {
            JTokenType.String => (string)value!,
            JTokenType.Array => "[" + string.Join(", ", value.Select(v => v.Type == JTokenType.String ? (string)v! : v.ToString(Formatting.None))) + "]",
            _ => value.ToString(Formatting.None),
        };
    }
}

/// <summary>Ways to judge a change's effect on posture.</summary>
public static class Effects
{
    /// <summary>Values ordered from weakest to strictest; unset counts as <paramref name="unsetMeans"/>.</summary>
    public static Func<JToken?, JToken, PostureEffect> Ranked(string? unsetMeans, params string[] weakestFirst) => (current, desired) =>
    {
        var from = Array.IndexOf(weakestFirst, current?.Type == JTokenType.String ? (string)current! : current?.ToString(Formatting.None) ?? unsetMeans);
        var to = Array.IndexOf(weakestFirst, desired.Type == JTokenType.String ? (string)desired! : desired.ToString(Formatting.None));
        return to > from ? PostureEffect.Tightens : to < from ? PostureEffect.Loosens : PostureEffect.Neutral;
    };

    /// <summary>A flag whose safe value is <paramref name="safe"/>; unset counts as <paramref name="unsetMeans"/>.</summary>
    public static Func<JToken?, JToken, PostureEffect> Flag(bool safe, bool unsetMeans) => (current, desired) =>
    {
        var from = current?.Type == JTokenType.Boolean ? (bool)current : unsetMeans;
        var to = (bool)desired;
        return from == to ? PostureEffect.Neutral : to == safe ? PostureEffect.Tightens : PostureEffect.Loosens;
    };

    public static PostureEffect Neutral(JToken? current, JToken desired) => PostureEffect.Neutral;

    /// <summary>For lists that only grow (deny lists): adding tightens.</summary>
    public static PostureEffect Tightens(JToken? current, JToken desired) => PostureEffect.Tightens;

    /// <summary>For allowlists: fewer entries tightens, more loosens, a swap is neutral.</summary>
    public static PostureEffect Allowlist(JToken? current, JToken desired)
    {
        if (current is not JArray before)
        {
            return PostureEffect.Tightens;
        }

        var was = before.Select(t => t.ToString()).ToHashSet();
        var now = desired.Select(t => t.ToString()).ToHashSet();
        return now.IsSubsetOf(was) ? PostureEffect.Tightens : now.IsSupersetOf(was) ? PostureEffect.Loosens : PostureEffect.Neutral;
    }
}
