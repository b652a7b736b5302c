using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>Removes the entries of a list that match, naming the check each removal closes.</summary>
public sealed record Dropper(string Describe, Func<string, RuleInput, bool> Matches, string Check);

/// <summary>The ways a catalog row can decide a key, combined into <see cref="ControlRule"/>s.</summary>
public static class Rules
{
    /// <summary>
    /// The key holds the posture's value (null: the row is not active). An agent override only changes when it is
    /// weaker than the value by the row's order (an agent may be stricter than the posture); without an order, when it differs.
    /// </summary>
    public static ControlRule Want(Func<RuleInput, JToken?> value) => input =>
    {
        var desired = value(input);
        if (desired is null)
        {
            return null;
        }

        if (input.Scope.IsAgent)
        {
            if (input.Current is null || JToken.DeepEquals(input.Current, desired))
            {
                return null;
            }

            if (input.Row.Order is { } order && Rank(order, input.Current) >= Rank(order, desired))
            {
                return null;
            }
        }

        return Outcome.Set(desired);
    };

    public static ControlRule Want(Func<ControlChoices, string?> value) => Want(input => value(input.Choices) is { } v ? new JValue(v) : null);

    public static ControlRule Want(JToken value) => Want(_ => value);

    /// <summary>A value that must never be held: replaced by <paramref name="replacement"/>, or removed when that is null.</summary>
    public static ControlRule Never(Func<JToken, bool> bad, Func<RuleInput, JToken?>? replacement = null) => input =>
    {
        if (input.Current is null || !bad(input.Current))
        {
            return null;
        }

        return replacement?.Invoke(input) is { } value ? Outcome.Set(value) : Outcome.Unset();
    };

    public static ControlRule Never(string bad, string? replacement = null) =>
        Never(current => Is(current, bad), replacement is null ? null : _ => new JValue(replacement));

    /// <summary>A flag that must not be true (unset counts as off): set to false.</summary>
    public static ControlRule NotTrue() => Never(current => current.Type == JTokenType.Boolean && (bool)current, _ => new JValue(false));

    /// <summary>A flag that must not be false (unset counts as on): set to true.</summary>
    public static ControlRule NotFalse() => Never(current => current.Type == JTokenType.Boolean && !(bool)current, _ => new JValue(true));

    /// <summary>Removes the entries of a list that any dropper matches; the change names the checks of the droppers that fired.</summary>
    public static ControlRule Drop(params Dropper[] droppers) => input =>
    {
        if (input.Current is not JArray list)
        {
            return null;
        }

        var fired = new List<string>();
        var kept = new JArray();
        foreach (var item in list)
        {
            var text = item.Type == JTokenType.String ? (string)item! : item.ToString(Newtonsoft.Json.Formatting.None);
            var matched = droppers.Where(d => d.Matches(text, input)).ToList();
            if (matched.Count == 0)
            {
                kept.Add(item.DeepClone());
            }

            fired.AddRange(matched.Select(d => d.Check));
        }

        if (kept.Count == list.Count)
        {
            return null;
        }

        return Outcome.Set(kept) with { Checks = fired.Where(c => c.Length > 0).Select(c => new CheckRef(c).Format(input.Captures)).Distinct(StringComparer.Ordinal).ToList() };
    };

    /// <summary>A list that must hold some entries: the missing ones are appended, keeping what is there.</summary>
    public static ControlRule Ensure(Func<RuleInput, IEnumerable<(string Entry, string Check)>> required) => input =>
    {
        var current = input.Current as JArray ?? [];
        var have = current.Select(t => t.Type == JTokenType.String ? (string)t! : string.Empty).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = required(input).Where(r => !have.Contains(r.Entry)).DistinctBy(r => r.Entry, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var desired = new JArray(current.Select(t => t.DeepClone()).Concat(missing.Select(m => new JValue(m.Entry))));
        return Outcome.Set(desired) with { Checks = missing.Select(m => m.Check).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList() };
    };

    /// <summary>A key that must be present: set to the value when missing, kept when the file has one.</summary>
    public static ControlRule IfMissing(Func<RuleInput, JToken?> value) => input =>
        input.Current is null || input.Current.Type == JTokenType.Null || (input.Current is JArray { Count: 0 }) ? value(input) is { } v ? Outcome.Set(v) : null : null;

    /// <summary>Nothing the reconciler may decide: a manual action with the exact fix, when <paramref name="fix"/> says one is needed.</summary>
    public static ControlRule Report(Func<RuleInput, string?> fix) => input => fix(input) is { } text ? Outcome.Manual(text) : null;

    /// <summary>The first rule that decides something.</summary>
    public static ControlRule First(params ControlRule[] rules) => input =>
    {
        foreach (var rule in rules)
        {
            if (rule(input) is { } outcome)
            {
                return outcome;
            }
        }

        return null;
    };

    public static bool Is(JToken? token, params string[] values) =>
        token is JValue { Type: JTokenType.String } v && values.Contains((string?)v, StringComparer.OrdinalIgnoreCase);

    public static int Rank(string[] order, JToken? value)
    {
        var text = value is JValue { Type: JTokenType.String or JTokenType.Boolean } v ? v.Type == JTokenType.Boolean ? ((bool)v ? "true" : "false") : (string)v! : null;
        return text is null ? -1 : Array.FindIndex(order, o => string.Equals(o, text, StringComparison.OrdinalIgnoreCase));
    }

    public static JArray Strings(IEnumerable<string> values) => new(values.Select(v => new JValue(v)));
}
