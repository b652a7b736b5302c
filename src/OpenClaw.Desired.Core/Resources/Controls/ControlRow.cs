using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>Where a catalog row's key lives in openclaw.json.</summary>
public enum Scope
{
    /// <summary>One absolute key, e.g. <c>gateway.bind</c>.</summary>
    Global,

    /// <summary>The key at the top level (<c>tools.exec.security</c>) and in every agent entry (<c>agents.list[ops].tools.exec.security</c>).</summary>
    GlobalAndAgents,

    /// <summary>The key under <c>agents.defaults</c> and in every agent entry (<c>sandbox.mode</c>).</summary>
    DefaultsAndAgents,

    /// <summary>Only in agent entries: an override of what the defaults hold (<c>model</c>).</summary>
    Agents,
}

/// <summary>An OpenClaw audit check a row closes; <see cref="When"/> narrows it to the values that trigger it.</summary>
public sealed record CheckRef(string Id, Func<JToken?, bool>? When = null)
{
    /// <summary>Narrows the check to scopes and hosts where OpenClaw would report it (an open channel, a configured docker block).</summary>
    public Func<RuleInput, bool>? If { get; init; }

    /// <summary>The tier from which the row closes this check, when later than the row's own (a row active from basic may close an info check only at paranoid).</summary>
    public Tier? From { get; init; }

    public static implicit operator CheckRef(string id) => new(id);

    /// <summary>The id with the row's wildcard captures filled in: channels.{0}.dm.open → channels.telegram.dm.open.</summary>
    public string Format(IReadOnlyList<string> captures) =>
        captures.Count == 0 ? Id : string.Format(System.Globalization.CultureInfo.InvariantCulture, Id, captures.Cast<object>().ToArray());
}

/// <summary>
/// One row of the control catalog: an openclaw.json key (a <c>*</c> segment matches every child), where it lives,
/// from which tier the posture governs it, what it must hold (<see cref="Wants"/>, as the docs table says it; the
/// <see cref="Rule"/> decides it), why, and which of OpenClaw's audit checks it closes. The engine turns rows into
/// changes for every scope (the top level or <c>agents.defaults</c>, and every agent), the docs generator into a table.
/// </summary>
public sealed record ControlRow(string Key, Scope Scope, Tier From, string Wants, ControlRule Rule, string Why, params CheckRef[] Checks)
{
    /// <summary>The kind that plans this row.</summary>
    public string Owner { get; init; } = "agent";

    /// <summary>Values from weakest to strictest: judges loosen/tighten, and lets an agent keep a stricter override.</summary>
    public string[]? Order { get; init; }

    /// <summary>What OpenClaw assumes when the key is unset (top level and defaults only).</summary>
    public JToken? Default { get; init; }

    /// <summary>Written out even when the desired value equals OpenClaw's default (defaults that changed between versions).</summary>
    public bool Explicit { get; init; }

    /// <summary>Only where this holds (e.g. hooks enabled); unset means always once the tier is reached.</summary>
    public Func<ControlScope, ControlContext, bool>? When { get; init; }

    /// <summary>The effect of a change; unset: ranked by <see cref="Order"/>, else tightening.</summary>
    public Func<JToken?, JToken, PostureEffect>? Effect { get; init; }

    /// <summary>Shows a value in a plan when the generic form would be hard to read.</summary>
    public Func<JToken, string>? Format { get; init; }

    /// <summary>Holds a secret: shown as a fingerprint unless it is a reference.</summary>
    public bool Secret { get; init; }

    /// <summary>Checks the rule names itself in some changes (a dropped entry, a denied tool), declared for the docs table.</summary>
    public string[] AlsoCloses { get; init; } = [];

    /// <summary>Every check id this row can name, as templates ({0} for what a * matched).</summary>
    public IEnumerable<string> Closes => Checks.Select(c => c.Id).Concat(AlsoCloses).Distinct(StringComparer.Ordinal);

    /// <summary>The tier from which the row closes a check it names.</summary>
    public Tier ClosesFrom(string check) => Checks.FirstOrDefault(c => c.Id == check)?.From is { } later && later > From ? later : From;
}

/// <summary>Decides what a key must become in one scope; null leaves it as it is.</summary>
public delegate Outcome? ControlRule(RuleInput input);

/// <summary>
/// What the rule sees: the current value, the scope it is in, what the key's <c>*</c> segments matched, and the
/// plan's context.
/// </summary>
public sealed record RuleInput(JToken? Current, ControlScope Scope, IReadOnlyList<string> Captures, ControlContext Context, ControlRow Row)
{
    public string? Text => Current is JValue { Type: JTokenType.String } v ? (string?)v : null;

    public ControlChoices Choices => Context.Choices;
}

/// <summary>
/// What a rule decided: a new value, removal of the key, or a manual action whose text says the exact fix.
/// <see cref="Checks"/> overrides the row's checks when the rule knows better which ones it closes.
/// </summary>
public sealed record Outcome(JToken? Value, bool Remove = false, string? ManualFix = null)
{
    public IReadOnlyList<string>? Checks { get; init; }

    /// <summary>Overrides the row's judgement of loosen/tighten when the rule knows the context (say, a sandbox that was off).</summary>
    public PostureEffect? Effect { get; init; }

    /// <summary>Checks closed on top of the row's own (say, an allowlist check per channel the change makes private).</summary>
    public IReadOnlyList<string>? ExtraChecks { get; init; }

    public static Outcome Set(JToken value) => new(value);

    public static Outcome Unset(JToken? fallsBackTo = null) => new(fallsBackTo, Remove: true);

    public static Outcome Manual(string fix) => new(null, ManualFix: fix);
}
