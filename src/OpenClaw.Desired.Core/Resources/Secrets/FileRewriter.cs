using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Secrets.Stores;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// Takes one secret out of one file's text: a reference in openclaw.json, a keyRef/tokenRef in an auth profile,
/// a commented-out line in a .env file, a note in anything else. Returns the new text.
/// </summary>
internal static class FileRewriter
{
    public static string Rewrite(FileRole role, string text, IReadOnlyList<FoundSecret> hits, string value, string name, ISecretStore store) => role switch
    {
        FileRole.Config => Config(text, hits, value, name, store),
        FileRole.AuthProfiles => AuthProfiles(text, hits, name, store),
        FileRole.DotEnv => DotEnvFile(text, hits, value, name, store),
        FileRole.Text => TextFile(text, hits, value, SecretsDisplay.Note(store.Kind, name)),
        _ => throw new InvalidOperationException("OpenClaw writes this file itself; the reconciler leaves it alone"),
    };

    /// <summary>
    /// A note in place of the value. A long value is replaced wherever it appears (a token quoted twice goes twice);
    /// a short one (a password such as <c>guest</c> in a connection string) only where it was found, so the same
    /// word elsewhere in the prose stays.
    /// </summary>
    private static string TextFile(string text, IReadOnlyList<FoundSecret> hits, string value, string note)
    {
        if (value.Length >= ShortValue)
        {
            return text.Replace(value, note, StringComparison.Ordinal);
        }

        var result = text;
        foreach (var hit in hits.Where(h => h.Length == value.Length).OrderByDescending(h => h.Offset).DistinctBy(h => h.Offset))
        {
            if (hit.Offset + hit.Length <= result.Length && string.CompareOrdinal(result, hit.Offset, value, 0, value.Length) == 0)
            {
                result = string.Concat(result.AsSpan(0, hit.Offset), note, result.AsSpan(hit.Offset + hit.Length));
            }
        }

        return result;
    }

    /// <summary>Below this length a value may well be an ordinary word of the text around it.</summary>
    private const int ShortValue = 16;

    private static string Config(string text, IReadOnlyList<FoundSecret> hits, string value, string name, ISecretStore store)
    {
        var config = OpenClawConfig.Parse(text);
        foreach (var hit in hits)
        {
            if (hit.Location is not JsonLocation json)
            {
                throw new InvalidOperationException("the value sits outside any field (a comment?) of openclaw.json");
            }

            // env.NAME holding exactly the secret: the env store now provides NAME itself. A secret inside a longer
            // env string is replaced in place like any other, so the rest of the string (and any other secret) stays.
            if (JsonPointer.Segments(json.Pointer) is ["env", ..] && json.WholeValue)
            {
                config.Set(json.Pointer, null);
            }
            else if (json.WholeValue)
            {
                config.Set(json.Pointer, store.ConfigReference(name));
            }
            else if (config.Get(json.Pointer) is JValue { Type: JTokenType.String } current)
            {
                config.Set(json.Pointer, new JValue(((string)current!).Replace(value, "${" + name + "}", StringComparison.Ordinal)));
            }
        }

        EnsureProvider(config, store);
        return config.ToJson();
    }

    /// <summary>Declares the store's secret provider in openclaw.json when references to it need one.</summary>
    public static void EnsureProvider(OpenClawConfig config, ISecretStore store)
    {
        if (store.Provider is { } provider)
        {
            var pointer = JsonPointer.Of("secrets", "providers", provider.Alias);
            if (!JToken.DeepEquals(config.Get(pointer), provider.Block))
            {
                config.Set(pointer, provider.Block);
            }
        }
    }

    private static string AuthProfiles(string text, IReadOnlyList<FoundSecret> hits, string name, ISecretStore store)
    {
        var document = OpenClawConfig.Parse(text);
        foreach (var hit in hits)
        {
            if (hit.Location is not AuthProfileLocation location || document.GetNode(JsonPointer.Of("profiles", location.ProfileId)) is not System.Text.Json.Nodes.JsonObject)
            {
                throw new InvalidOperationException("the value is not the key or token of an auth profile");
            }

            document.Set(JsonPointer.Of("profiles", location.ProfileId, location.Field), null);
            document.Set(JsonPointer.Of("profiles", location.ProfileId, location.Field + "Ref"), store.SecretRef(name));
        }

        return document.ToJson();
    }

    private static string DotEnvFile(string text, IReadOnlyList<FoundSecret> hits, string value, string name, ISecretStore store)
    {
        var note = SecretsDisplay.Note(store.Kind, name);
        foreach (var hit in hits)
        {
            if (hit.Location is EnvLineLocation { WholeValue: true } line)
            {
                text = DotEnv.CommentOut(text, line.LineIndex, note);
            }
        }

        return text.Replace(value, note, StringComparison.Ordinal);
    }
}
