using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>Reads OpenClaw's JSON files for literal credentials at credential keys.</summary>
internal static class JsonFields
{
    /// <summary>openclaw.json (JSON5) or models.json: every string at a credential key that is not a reference.</summary>
    public static StructuredFields Config(string text)
    {
        JObject root;
        try
        {
            root = (JObject)JsonNodes.ToToken(OpenClawConfig.Parse(text).Root);
        }
        catch (OpenClawConfigException)
        {
            return StructuredFields.None;
        }

        var fields = new List<StructuredField>();
        var strings = new List<(string, string)>();
        foreach (var value in root.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String))
        {
            var text2 = (string)value!;
            var pointer = JsonPaths.PointerOf(value);
            strings.Add((pointer, text2));
            if (value.Parent is JProperty property && SecretKeys.IsSecretKey(property.Name) && IsLiteralCredential(text2))
            {
                fields.Add(new StructuredField(text2, new JsonLocation(pointer, true), null));
            }
        }

        return new StructuredFields(fields, [], strings);
    }

    /// <summary>auth-profiles.json: api_key keys and token tokens; OAuth material is OpenClaw's to rotate.</summary>
    public static StructuredFields AuthProfiles(string text)
    {
        JObject root;
        try
        {
            root = (JObject)JsonNodes.ToToken(OpenClawConfig.Parse(text).Root);
        }
        catch (OpenClawConfigException)
        {
            return StructuredFields.None;
        }

        var fields = new List<StructuredField>();
        var managed = new List<string>();
        foreach (var profile in (root["profiles"] as JObject)?.Properties() ?? [])
        {
            if (profile.Value is not JObject body)
            {
                continue;
            }

            var type = (string?)body["type"];
            var provider = (string?)body["provider"] ?? profile.Name.Split(':')[0];
            if (type == "oauth")
            {
                managed.AddRange(body.Properties().Where(p => p.Value.Type == JTokenType.String).Select(p => (string)p.Value!));
                continue;
            }

            var field = type == "token" ? "token" : "key";
            if (body[field] is JValue { Type: JTokenType.String } literal && IsLiteralCredential((string)literal!))
            {
                fields.Add(new StructuredField((string)literal!, new AuthProfileLocation(profile.Name, provider, field), null));
            }
        }

        return new StructuredFields(fields, managed, []);
    }

    /// <summary>Not a reference, not a placeholder, not an environment variable's name.</summary>
    internal static bool IsLiteralCredential(string value) =>
        value.Length >= 4
        && !value.Contains("${", StringComparison.Ordinal)
        && !ValueHeuristics.IsPlaceholder(value)
        && !value.StartsWith("[secret moved", StringComparison.Ordinal)
        && !value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');
}
