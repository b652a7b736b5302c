using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>
/// Every openclaw.json control the posture converges, one row each, grouped by family in the partial files
/// beside this one. Kinds plan the rows they own (<see cref="ControlRow.Owner"/>); docs/openclaw-audit.md is
/// generated from these rows and <see cref="AuditChecks"/>.
/// </summary>
public static partial class ControlCatalog
{
    private static IReadOnlyList<ControlRow>? _all;

    /// <summary>Every row, in planning order (built on first use: the families live in fields of several files).</summary>
    public static IReadOnlyList<ControlRow> All => _all ??=
    [
        .. Exec, .. Tools, .. Gateway, .. ControlUi, .. Hooks, .. Channels, .. Plugins, .. Sandbox, .. Browser, .. Models, .. Misc,
    ];

    public static IEnumerable<ControlRow> OwnedBy(string kind) => All.Where(r => r.Owner == kind);

    private static bool True(JToken? token) => token is JValue { Type: JTokenType.Boolean } v && (bool)v;

    private static bool False(JToken? token) => token is JValue { Type: JTokenType.Boolean } v && !(bool)v;

    private static bool Str(JToken? token, params string[] values) => Rules.Is(token, values);

    private static JValue V(string value) => new(value);

    private static JValue V(bool value) => new(value);

    /// <summary>The JSON object a scope stands for (the whole file at the top level).</summary>
    private static JToken? NodeOf(ControlScope scope, ControlContext context) => scope.Node ?? context.ConfigToken;

    private static JToken? At(JToken? node, params string[] path)
    {
        foreach (var segment in path)
        {
            node = node is JObject o ? o[segment] : null;
        }

        return node;
    }

    private static IEnumerable<string> Strings(JToken? token) =>
        (token as JArray ?? []).OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!);
}
