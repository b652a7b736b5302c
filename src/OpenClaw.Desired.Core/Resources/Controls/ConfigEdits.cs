using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>
/// Applies the catalog's edits of openclaw.json through <see cref="JsonEditApplier"/>. A key inside a list
/// (an entry of agents.list[], hooks.mappings[]) is edited by handing over the whole list as it is in the file
/// at apply time with that one key changed, so no other entry is touched and nothing planned earlier is lost.
/// </summary>
public static class ConfigEdits
{
    public static Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken)
    {
        var (hostPath, pointer, value) = change.Payload switch
        {
            JsonEdit edit => (edit.HostPath, edit.Pointer, edit.NewValueJson),
            AgentEdit agent => (agent.HostPath, null, agent.NewValueJson),
            _ => (null, null, null),
        };
        if (hostPath is null)
        {
            return Task.FromResult(ChangeOutcome.Skipped(change, "manual action: not applied by the reconciler"));
        }

        OpenClawConfig config;
        try
        {
            config = context.Host.Fs.TryReadAllText(hostPath) is { } text ? OpenClawConfig.Parse(text) : OpenClawConfig.Empty();
        }
        catch (OpenClawConfigException e)
        {
            return Task.FromResult(ChangeOutcome.Stalled(change, $"{hostPath} is {e.Message}; fix it by hand, then run again"));
        }

        if (change.Payload is AgentEdit entry)
        {
            var index = IndexOf(config, entry);
            if (index is null)
            {
                return Task.FromResult(ChangeOutcome.Stalled(change, $"agent '{entry.AgentId}' is no longer in {JsonPointer.Dotted(entry.ListPointer)}; run again to plan anew"));
            }

            pointer = $"{entry.ListPointer}/{index}{entry.RelativePointer}";
        }

        var (target, lifted) = Lift(config, pointer!, value);
        return JsonEditApplier.ApplyAsync(change, new JsonEdit(hostPath, target, lifted), context, cancellationToken);
    }

    private static int? IndexOf(OpenClawConfig config, AgentEdit edit)
    {
        if (config.Get(edit.ListPointer) is not JArray list)
        {
            return null;
        }

        bool Is(int i) => i >= 0 && i < list.Count && list[i] is JObject o && (string?)o["id"] == edit.AgentId;
        return Is(edit.Index) ? edit.Index : Enumerable.Range(0, list.Count).Where(Is).Select(i => (int?)i).FirstOrDefault();
    }

    /// <summary>A pointer through a list becomes an edit of the outermost list holding the new value.</summary>
    private static (string Pointer, string? Value) Lift(OpenClawConfig config, string pointer, string? valueJson)
    {
        var segments = JsonPointer.Segments(pointer);
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var prefix = JsonPointer.Of([.. segments.Take(i + 1)]);
            if (config.Get(prefix) is JArray list)
            {
                var copy = (JArray)list.DeepClone();
                Set(copy, segments.Skip(i + 1).ToList(), valueJson is null ? null : JToken.Parse(valueJson));
                return (prefix, copy.ToString(Formatting.None));
            }
        }

        return (pointer, valueJson);
    }

    private static void Set(JToken container, IReadOnlyList<string> path, JToken? value)
    {
        var current = container;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var next = Child(current, path[i]);
            if (next is not (JObject or JArray))
            {
                next = new JObject();
                if (current is JObject o)
                {
                    o[path[i]] = next;
                }
            }

            current = next;
        }

        switch (current)
        {
            case JObject o when value is null:
                o.Remove(path[^1]);
                break;
            case JObject o:
                o[path[^1]] = value;
                break;
            case JArray a when int.TryParse(path[^1], out var index) && index >= 0 && index < a.Count && value is not null:
                a[index] = value;
                break;
        }
    }

    private static JToken? Child(JToken token, string segment) => token switch
    {
        JObject o => o[segment],
        JArray a when int.TryParse(segment, out var index) && index >= 0 && index < a.Count => a[index],
        _ => null,
    };
}
