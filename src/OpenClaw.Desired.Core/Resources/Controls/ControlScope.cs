using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>
/// One place a row applies: the top level, <c>agents.defaults</c>, or one agent entry (<c>agents.list[]</c> in
/// the file-based era, <c>agents.entries.&lt;id&gt;</c> in later ones).
/// </summary>
public sealed record ControlScope(string Name, string Pointer, string? AgentId, JToken? Node)
{
    public static readonly ControlScope Top = new(string.Empty, string.Empty, null, null);

    public bool IsAgent => AgentId is not null;

    /// <summary>For an agent of <c>agents.list[]</c>: the list and the index the agent had when probed.</summary>
    public (string ListPointer, int Index)? ListEntry { get; init; }

    public string PointerOf(string relative) => Pointer + relative;

    /// <summary>How a key in this scope is named in plans: gateway.bind, agents.defaults.sandbox.mode, agents.list[ops].model.</summary>
    public string ResourceOf(string dottedKey) => Name.Length == 0 ? dottedKey : $"{Name}.{dottedKey}";

    public JToken? Get(OpenClawConfig config, string relativePointer) => config.Get(Pointer + relativePointer);

    /// <summary>agents.defaults, and every agent the file lists, in file order.</summary>
    public static ControlScope Defaults(OpenClawConfig config) => new("agents.defaults", "/agents/defaults", null, config.Get("/agents/defaults"));

    public static IReadOnlyList<ControlScope> Agents(OpenClawConfig config)
    {
        var scopes = new List<ControlScope>();
        if (config.Get("/agents/list") is JArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JObject entry && entry["id"] is JValue { Type: JTokenType.String } id && ((string?)id)?.Length > 0)
                {
                    scopes.Add(new ControlScope($"agents.list[{(string)id!}]", $"/agents/list/{i}", (string)id!, entry) { ListEntry = ("/agents/list", i) });
                }
            }
        }

        if (config.Get("/agents/entries") is JObject entries)
        {
            foreach (var property in entries.Properties().Where(p => p.Value is JObject))
            {
                scopes.Add(new ControlScope($"agents.entries.{property.Name}", JsonPointer.Of("agents", "entries", property.Name), property.Name, property.Value));
            }
        }

        return scopes;
    }
}
