using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>The name a secret has (or gets) in the store, and its rotation type.</summary>
public sealed record SecretIdentity(string Name, SecretType Type, bool InStore);

/// <summary>
/// Gives every distinct secret value a store name, deterministically: the name the store already has it under;
/// a declared name; else one from where it was found (TELEGRAM_BOT_TOKEN for channels.telegram.botToken,
/// the variable of a .env line, ANTHROPIC_API_KEY for an auth profile) or its format (GITHUB_TOKEN),
/// with _2, _3 … when a name is taken by another value.
/// </summary>
internal static class StoreNames
{
    private static readonly HashSet<string> VagueNames = new(StringComparer.Ordinal)
    {
        "KEY", "TOKEN", "SECRET", "API_KEY", "APIKEY", "PASSWORD", "PASS", "PWD", "ACCESS_TOKEN", "AUTH_TOKEN", "SECRET_KEY", "CREDENTIAL",
        "CREDENTIALS", "BEARER", "PRIVATE_KEY", "CLIENT_SECRET",
    };

    public static IReadOnlyDictionary<string, SecretIdentity> Assign(
        IReadOnlyList<FoundSecret> findings, StoreView store, IReadOnlyList<DeclaredState> declared)
    {
        var result = new Dictionary<string, SecretIdentity>(StringComparer.Ordinal);
        var used = new HashSet<string>(store.Entries.Keys, StringComparer.Ordinal);
        used.UnionWith(declared.Select(d => d.Name));
        foreach (var entry in store.Entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            result.TryAdd(entry.Fingerprint, new SecretIdentity(entry.Name, entry.Type ?? SecretTypes.FromName(entry.Name), true));
        }

        foreach (var state in declared.Where(d => d.Fingerprint is not null))
        {
            var inStore = store.Entries.TryGetValue(state.Name, out var entry) && entry.Fingerprint == state.Fingerprint;
            result[state.Fingerprint!] = new SecretIdentity(state.Name, state.Type, inStore);
        }

        foreach (var group in findings.GroupBy(f => f.Fingerprint).OrderBy(g => g.First().Path, StringComparer.Ordinal).ThenBy(g => g.First().Offset))
        {
            if (result.ContainsKey(group.Key))
            {
                continue;
            }

            var best = group.OrderBy(Rank).First();
            var candidate = Propose(best);
            var name = candidate;
            for (var i = 2; used.Contains(name); i++)
            {
                name = $"{candidate}_{i}";
            }

            used.Add(name);
            result[group.Key] = new SecretIdentity(name, TypeOf(best), false);
        }

        return result;
    }

    /// <summary>Structured places name secrets best, then .env lines, then assignments, then formats.</summary>
    private static int Rank(FoundSecret found) => found.Location switch
    {
        JsonLocation or AuthProfileLocation => 0,
        EnvLineLocation => 1,
        _ => found.NameHint is not null ? 2 : 3,
    };

    public static string Propose(FoundSecret found)
    {
        var kind = SecretKinds.Get(found.Kind);
        switch (found.Location)
        {
            case JsonLocation json when found.Role == FileRole.Config:
                return ConfigName(json.Pointer);
            case AuthProfileLocation profile:
                var label = profile.ProfileId.Contains(':', StringComparison.Ordinal) ? profile.ProfileId[(profile.ProfileId.IndexOf(':', StringComparison.Ordinal) + 1)..] : "default";
                var suffix = profile.Field == "token" ? "TOKEN" : "API_KEY";
                return label == "default" ? Env($"{profile.Provider}_{suffix}") : Env($"{profile.Provider}_{label}_{suffix}");
            case EnvLineLocation env:
                return Env(env.Name);
        }

        if (found.NameHint is { } hint)
        {
            var fromHint = Env(hint);
            if (!VagueNames.Contains(fromHint) || kind.Id is SecretKinds.Generic or SecretKinds.Password or SecretKinds.ConfigSecret)
            {
                return fromHint;
            }
        }

        return kind.DefaultName;
    }

    /// <summary>OpenClaw's own variable names where it has them, else the field's path.</summary>
    public static string ConfigName(string pointer)
    {
        var s = JsonPointer.Segments(pointer);
        return s switch
        {
            ["gateway", "auth", "token"] => "OPENCLAW_GATEWAY_TOKEN",
            ["gateway", "auth", "password"] => "OPENCLAW_GATEWAY_PASSWORD",
            ["gateway", "remote", var field] => Env($"OPENCLAW_GATEWAY_REMOTE_{field}"),
            ["hooks", "token"] => "OPENCLAW_HOOKS_TOKEN",
            ["channels", var channel, "token"] => Env($"{channel}_BOT_TOKEN"),
            ["channels", var channel, var field] => Env($"{channel}_{field}"),
            ["channels", var channel, "accounts", var account, "token"] => Env($"{channel}_{account}_BOT_TOKEN"),
            ["channels", var channel, "accounts", var account, var field] => Env($"{channel}_{account}_{field}"),
            ["models", "providers", var provider, "apiKey"] => Env($"{provider}_API_KEY"),
            ["skills", "entries", var skill, "apiKey"] => Env($"{skill}_API_KEY"),
            ["skills", "entries", _, "env", var variable] => Env(variable),
            ["env", "vars", var variable] => Env(variable),
            ["env", var variable] => Env(variable),
            _ => Env(string.Join('_', s.Where(x => !x.All(char.IsAsciiDigit)))),
        };
    }

    public static SecretType TypeOf(FoundSecret found)
    {
        if (found.Location is JsonLocation json && found.Role == FileRole.Config)
        {
            var segments = JsonPointer.Segments(json.Pointer);
            if (segments is ["gateway", ..] or ["hooks", "token"])
            {
                return SecretType.Password;
            }

            if (segments[^1] is "botToken" or "appToken" || segments is ["channels", _, "token"] or ["channels", _, "accounts", _, "token"])
            {
                return SecretType.BotToken;
            }
        }

        if (found.Location is AuthProfileLocation { Field: "token" })
        {
            return SecretType.OAuth;
        }

        var kind = SecretKinds.Get(found.Kind);
        return kind.Id is SecretKinds.Generic or SecretKinds.ConfigSecret ? SecretTypes.FromName(Propose(found)) : kind.Type;
    }

    private static string Env(string identifier) => SecretNames.ToEnvName(identifier);
}
