using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>
/// OpenClaw's <c>openclaw.json</c>: read as JSON5 (comments, trailing commas, unquoted keys, single quotes),
/// written as plain two-space JSON like OpenClaw itself writes it. Only keys the posture governs are touched.
/// </summary>
public sealed class OpenClawConfig
{
    private OpenClawConfig(JObject root) => Root = root;

    public JObject Root { get; }

    public static OpenClawConfig Empty() => new(new JObject());

    /// <summary>Parses JSON5 text; throws <see cref="OpenClawConfigException"/> with a position on bad input.</summary>
    public static OpenClawConfig Parse(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new OpenClawConfigException($"unexpected content after the top-level object at line {reader.LineNumber}");
                }
            }

            return token is JObject root ? new OpenClawConfig(root) : throw new OpenClawConfigException("the top level is not an object");
        }
        catch (JsonReaderException e)
        {
            throw new OpenClawConfigException($"not valid JSON5 at line {e.LineNumber}, column {e.LinePosition}");
        }
    }

    public JToken? Get(string pointer)
    {
        JToken? current = Root;
        foreach (var segment in JsonPointer.Segments(pointer))
        {
            current = current switch
            {
                JObject o => o[segment],
                JArray a when int.TryParse(segment, out var index) && index >= 0 && index < a.Count => a[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Sets a value, creating parent objects; a parent that is not an object is replaced.</summary>
    public void Set(string pointer, JToken? value)
    {
        var segments = JsonPointer.Segments(pointer);
        var current = Root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            if (current[segments[i]] is not JObject next)
            {
                next = new JObject();
                current[segments[i]] = next;
            }

            current = next;
        }

        if (value is null)
        {
            current.Remove(segments[^1]);
        }
        else
        {
            current[segments[^1]] = value.DeepClone();
        }
    }

    public string ToJson()
    {
        var builder = new StringBuilder();
        using (var writer = new JsonTextWriter(new StringWriter(builder)) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            Root.WriteTo(writer);
        }

        return builder.Append('\n').ToString();
    }

    /// <summary>Every string value at a key that holds credentials, for the redactor.</summary>
    public IEnumerable<string> SecretValues() =>
        Root.Descendants().OfType<JProperty>()
            .Where(p => SecretKeys.IsSecretKey(p.Name) && p.Value.Type == JTokenType.String)
            .Select(p => (string)p.Value!)
            .Where(v => !SecretKeys.IsReference(v));
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
