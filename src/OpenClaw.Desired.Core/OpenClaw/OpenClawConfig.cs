using System.Globalization;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>
/// OpenClaw's <c>openclaw.json</c> (and OpenClaw's other JSON files): read as JSON5, every form the spec allows.
/// <see cref="ToJson"/> writes back the smallest edit of the text it was read from: lines the posture did not
/// change keep their bytes, comments and formatting, so the diff a user sees is the change the plan named.
/// A config that did not exist is written as plain two-space JSON, like OpenClaw writes it.
/// </summary>
public sealed class OpenClawConfig
{
    private readonly string? _text;
    private readonly Json5Syntax? _syntax;

    private OpenClawConfig(JsonObject root, string? text, Json5Syntax? syntax)
    {
        Root = root;
        _text = text;
        _syntax = syntax;
    }

    /// <summary>The document as it is now. Changes made to it (or through <see cref="SetNode"/>) are what <see cref="ToJson"/> writes.</summary>
    public JsonObject Root { get; }

    public static OpenClawConfig Empty() => new(new JsonObject(), null, null);

    /// <summary>Parses JSON5 text; throws <see cref="OpenClawConfigException"/> with a position on bad input.</summary>
    public static OpenClawConfig Parse(string text)
    {
        Json5Syntax syntax;
        try
        {
            syntax = Json5Reader.Parse(text);
        }
        catch (Json5Exception e)
        {
            throw new OpenClawConfigException(e.Message);
        }

        return syntax is Json5Object ? new OpenClawConfig((JsonObject)syntax.ToNode()!, text, syntax) : throw new OpenClawConfigException("the top level is not an object");
    }

    /// <summary>The value at a JSON Pointer; null when absent or JSON null (see <see cref="Contains"/>).</summary>
    public JsonNode? GetNode(string pointer) => Find(pointer, out var node) ? node : null;

    /// <summary>True when the pointer names a value that is present (JSON null included).</summary>
    public bool Contains(string pointer) => Find(pointer, out _);

    /// <summary>The value as a Newtonsoft token (JSON null as a null token), or null when absent.</summary>
    public JToken? Get(string pointer) => Find(pointer, out var node) ? JsonNodes.ToToken(node) : null;

    /// <summary>Sets a value (a null token is JSON null), or with null removes the key. Parents are made as in <see cref="SetNode"/>.</summary>
    public void Set(string pointer, JToken? value)
    {
        if (value is null)
        {
            Remove(pointer);
        }
        else
        {
            SetNode(pointer, JsonNodes.FromToken(value));
        }
    }

    /// <summary>
    /// Sets a value (null is JSON null), creating parent objects; a parent that is neither an object nor an array
    /// holding that index is replaced by an object.
    /// </summary>
    public void SetNode(string pointer, JsonNode? value)
    {
        var segments = JsonPointer.Segments(pointer);
        if (segments.Count == 0)
        {
            throw new ArgumentException("the root of the document cannot be replaced", nameof(pointer));
        }

        JsonNode current = Root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var next = Child(current, segments[i]);
            if (next is not (JsonObject or JsonArray))
            {
                next = new JsonObject();
                Assign(current, segments[i], next);
            }

            current = next;
        }

        Assign(current, segments[^1], value?.DeepClone());
    }

    /// <summary>Removes the key (or array element) at the pointer, when it is there.</summary>
    public void Remove(string pointer)
    {
        var segments = JsonPointer.Segments(pointer);
        if (segments.Count == 0 || !Find(JsonPointer.Of([.. segments.Take(segments.Count - 1)]), out var parent))
        {
            return;
        }

        switch (parent)
        {
            case JsonObject o:
                o.Remove(segments[^1]);
                break;
            case JsonArray a when Index(a, segments[^1]) is { } index:
                a.RemoveAt(index);
                break;
        }
    }

    /// <summary>The text to write: the smallest edit of the text read, or plain JSON for a new file.</summary>
    public string ToJson()
    {
        if (_text is null || _syntax is null)
        {
            return Json5Writer.Write(Root, Json5Style.Default, string.Empty, multiline: true) + "\n";
        }

        var style = Json5Style.Detect(_text, _syntax);
        return Json5Editor.Edit(_text, _syntax, Root, style)
            ?? Json5Writer.Write(Root, style, string.Empty, multiline: true) + style.NewLine;
    }

    /// <summary>The minimal edit, or null when it could not be made (tests hold the editor to never needing the fallback).</summary>
    internal string? MinimalEdit() =>
        _text is null || _syntax is null ? null : Json5Editor.Edit(_text, _syntax, Root, Json5Style.Detect(_text, _syntax));

    /// <summary>Every string value at a key that holds credentials, for the redactor.</summary>
    public IEnumerable<string> SecretValues() => Strings(Root)
        .Where(s => SecretKeys.IsSecretKey(s.Key) && !SecretKeys.IsReference(s.Value))
        .Select(s => s.Value);

    private static IEnumerable<(string Key, string Value)> Strings(JsonNode? node, string key = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    foreach (var found in Strings(child, name))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray a:
                foreach (var found in a.SelectMany(child => Strings(child, key)))
                {
                    yield return found;
                }

                break;
            case JsonValue when JsonNodes.String(node) is { } text:
                yield return (key, text);
                break;
        }
    }

    private bool Find(string pointer, out JsonNode? node)
    {
        node = Root;
        foreach (var segment in JsonPointer.Segments(pointer))
        {
            switch (node)
            {
                case JsonObject o when o.TryGetPropertyValue(segment, out var child):
                    node = child;
                    break;
                case JsonArray a when Index(a, segment) is { } index:
                    node = a[index];
                    break;
                default:
                    node = null;
                    return false;
            }
        }

        return true;
    }

    private static JsonNode? Child(JsonNode parent, string segment) => parent switch
    {
        JsonObject o => o[segment],
        JsonArray a when Index(a, segment) is { } index => a[index],
        _ => null,
    };

    private static void Assign(JsonNode parent, string segment, JsonNode? value)
    {
        switch (parent)
        {
            case JsonObject o:
                o[segment] = value;
                break;
            case JsonArray a when Index(a, segment) is { } index:
                a[index] = value;
                break;
            case JsonArray a when segment == "-" || segment == a.Count.ToString(CultureInfo.InvariantCulture):
                a.Add(value);
                break;
            default:
                throw new ArgumentException($"{segment} is not an index of the array", nameof(segment));
        }
    }

    private static int? Index(JsonArray array, string segment) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count ? index : null;
}

public sealed class OpenClawConfigException(string message) : Exception(message);

/// <summary>RFC 6901 pointers: "/agents/defaults/model"; "~1" is "/", "~0" is "~".</summary>
public static class JsonPointer
{
    public static IReadOnlyList<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();

    public static string Of(params string[] segments) =>
        string.Concat(segments.Select(s => "/" + s.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));

    /// <summary>The dotted form people read in plans: agents.defaults.model.</summary>
    public static string Dotted(string pointer) => string.Join('.', Segments(pointer));
}

/// <summary>Which keys of OpenClaw's files hold credentials.</summary>
public static class SecretKeys
{
    private static readonly string[] Names =
    [
        "token", "apikey", "api_key", "password", "secret", "bottoken", "apptoken", "signingsecret", "access", "refresh",
        "key", "privatekey", "clientsecret", "webhooksecret", "passphrase",
    ];

    public static bool IsSecretKey(string name)
    {
        var lower = name.ToLowerInvariant();
        return Names.Contains(lower) || lower.EndsWith("token", StringComparison.Ordinal) || lower.EndsWith("secret", StringComparison.Ordinal)
            || lower.EndsWith("password", StringComparison.Ordinal) || lower.EndsWith("apikey", StringComparison.Ordinal);
    }

    /// <summary>"${VAR}" is a reference OpenClaw resolves from the environment, not a secret itself.</summary>
    public static bool IsReference(string value) =>
        value.Length > 3 && value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}');
}
