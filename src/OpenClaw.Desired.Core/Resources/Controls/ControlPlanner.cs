using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>
/// Turns catalog rows into changes: each row is expanded to its scopes (the top level or agents.defaults, and
/// every agent) and to every key its <c>*</c> segments match, its rule decides, and the decision becomes a
/// <see cref="ConfigControl"/> change (one per scope and key) naming the audit checks it closes.
/// </summary>
public static class ControlPlanner
{
    /// <param name="top">Names the top level in resources when the file is not openclaw.json (exec-approvals.json).</param>
    public static List<PlannedChange> Plan(string kind, IEnumerable<ControlRow> rows, ControlContext context, ConfigObservation observed, ControlScope? top = null)
    {
        var changes = new List<PlannedChange>();
        foreach (var row in rows.Where(r => context.Tier >= r.From))
        {
            foreach (var scope in ScopesOf(row, context, top ?? ControlScope.Top))
            {
                if (row.When is { } when && !when(scope, context))
                {
                    continue;
                }

                foreach (var (relative, dotted, captures) in Expand(row.Key, scope, context.Config))
                {
                    var current = scope.Get(context.Config, relative);
                    var input = new RuleInput(current, scope, captures, context, row);
                    if (row.Rule(input) is { } outcome && ToChange(kind, row, input, relative, dotted, outcome, observed) is { } change)
                    {
                        changes.Add(change);
                    }
                }
            }
        }

        return Merge(changes);
    }

    private static IEnumerable<ControlScope> ScopesOf(ControlRow row, ControlContext context, ControlScope top) => row.Scope switch
    {
        Scope.Global => [top],
        Scope.GlobalAndAgents => [top, .. context.Agents],
        Scope.DefaultsAndAgents => [ControlScope.Defaults(context.Config), .. context.Agents],
        _ => context.Agents,
    };

    /// <summary>The concrete keys a row names in one scope: itself, or each existing child a <c>*</c> matches.</summary>
    private static IEnumerable<(string Pointer, string Dotted, IReadOnlyList<string> Captures)> Expand(string key, ControlScope scope, OpenClawConfig config)
    {
        var partial = new List<(string Pointer, string Dotted, List<string> Captures)> { (string.Empty, string.Empty, []) };
        foreach (var segment in key.Split('.'))
        {
            var next = new List<(string, string, List<string>)>();
            foreach (var (pointer, dotted, captures) in partial)
            {
                if (segment != "*")
                {
                    next.Add((pointer + JsonPointer.Of(segment), Join(dotted, segment), captures));
                    continue;
                }

                switch (scope.Get(config, pointer))
                {
                    case JObject o:
                        next.AddRange(o.Properties().Select(p => (pointer + JsonPointer.Of(p.Name), Join(dotted, p.Name), new List<string>(captures) { p.Name })));
                        break;
                    case JArray a:
                        next.AddRange(Enumerable.Range(0, a.Count).Select(i => (pointer + "/" + i, $"{dotted}[{i}]", new List<string>(captures) { i.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
                        break;
                }
            }

            partial = next;
        }

        return partial.Select(p => (p.Pointer, p.Dotted, (IReadOnlyList<string>)p.Captures));
    }

    private static string Join(string dotted, string segment) => dotted.Length == 0 ? segment : $"{dotted}.{segment}";

    private static PlannedChange? ToChange(string kind, ControlRow row, RuleInput input, string relative, string dotted, Outcome outcome, ConfigObservation observed)
    {
        var checks = (outcome.Checks ?? row.Checks.Where(c => (c.When is null || c.When(input.Current)) && (c.If is null || c.If(input))).Select(c => c.Format(input.Captures)).ToList())
            .Concat(outcome.ExtraChecks ?? []).Distinct(StringComparer.Ordinal).ToValueList();
        var scope = input.Scope;
        var resource = scope.ResourceOf(dotted);
        if (outcome.ManualFix is { } fix)
        {
            return new PlannedChange(kind, resource, ChangeAction.Manual, fix, Show(input.Current), row.Wants, PostureEffect.Tightens) { Checks = checks };
        }

        var pointer = scope.PointerOf(relative);
        var effect = outcome.Effect is { } fixedEffect ? (_, _) => fixedEffect : Effect(row, scope);
        var control = new ConfigControl(pointer, outcome.Value ?? JValue.CreateNull(), row.Why, effect,
            Default: scope.IsAgent ? null : row.Default, Explicit: row.Explicit, Secret: row.Secret)
        {
            Remove = outcome.Remove,
            Checks = checks,
            Format = row.Format,
        };
        if (control.Diff(kind, observed) is not { } change)
        {
            return null;
        }

        change = change with { Resource = resource };
        if (scope.ListEntry is { } entry && change.Payload is JsonEdit edit)
        {
            change = change with { Payload = new AgentEdit(edit.HostPath, entry.ListPointer, scope.AgentId!, entry.Index, relative, edit.NewValueJson) };
        }

        return change;
    }

    private static Func<JToken?, JToken, PostureEffect> Effect(ControlRow row, ControlScope scope)
    {
        if (row.Effect is { } effect)
        {
            return effect;
        }

        if (row.Order is { } order)
        {
            var unset = scope.IsAgent ? null : row.Default is JValue d ? d.Type == JTokenType.Boolean ? ((bool)d ? "true" : "false") : (string?)d : null;
            return (current, desired) =>
            {
                var from = current is null ? Array.FindIndex(order, o => o == unset) : Rules.Rank(order, current);
                var to = desired.Type == JTokenType.Null ? from : Rules.Rank(order, desired);
                return from < 0 || to > from ? PostureEffect.Tightens : to < from ? PostureEffect.Loosens : PostureEffect.Neutral;
            };
        }

        return Effects.Tightens;
    }

    private static string Show(JToken? value) => value switch
    {
        null => "unset",
        JValue { Type: JTokenType.String } v => (string)v!,
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };

    /// <summary>Two rows deciding the same key the same way make one change naming both rows' checks; the first row wins otherwise.</summary>
    private static List<PlannedChange> Merge(List<PlannedChange> changes) =>
        changes.GroupBy(c => c.Resource, StringComparer.Ordinal)
            .Select(g => g.Skip(1).Aggregate(g.First(), (kept, other) =>
                kept.After == other.After && kept.Action == other.Action
                    ? kept with { Checks = kept.Checks.Concat(other.Checks).Distinct(StringComparer.Ordinal).ToValueList() }
                    : kept))
            .ToList();
}

/// <summary>
/// A key inside one entry of <c>agents.list[]</c>, addressed by the agent's id: apply finds the entry again in the
/// file as it is then, so an agent added or moved in between is not mistaken for another.
/// </summary>
public sealed record AgentEdit(string HostPath, string ListPointer, string AgentId, int Index, string RelativePointer, string? NewValueJson) : ChangePayload;
