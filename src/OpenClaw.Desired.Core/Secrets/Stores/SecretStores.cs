using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Secrets.Vault;

namespace OpenClaw.Desired.Secrets.Stores;

/// <summary>Opens the store the posture names (secrets.store), or says why it cannot.</summary>
public static class SecretStores
{
    public const string DefaultFileAlias = "desired";
    public const string DefaultVaultAlias = "vault";
    public const string DefaultResolver = "/usr/local/bin/openclaw-desired";

    /// <summary>The store, or a problem that makes it unusable (reported as unknown, never as "in sync").</summary>
    public static (ISecretStore? Store, string? Problem) Open(EffectivePosture posture, HostContext host, OpenClawPaths paths, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var spec = posture.Document.Secrets?.Store ?? new SecretStoreSpec("env", null, null, null);
        var owner = AgentUser.Lookup(host.Root, paths.User);
        switch (spec.Kind)
        {
            case "file":
                var path = spec.Path is { } p ? host.Homes.Expand(p, paths.User) : paths.StateDir + "/secrets.json";
                return (new FileSecretStore(host.Root, path, spec.Provider ?? DefaultFileAlias, owner), null);
            case "vault":
                return OpenVault(spec, host, environment);
            default:
                return (new EnvSecretStore(host.Root, paths.StateDir + "/.env", owner), null);
        }
    }

    private static (ISecretStore?, string?) OpenVault(SecretStoreSpec spec, HostContext host, Func<string, string?> environment)
    {
        var vault = spec.Vault;
        if (vault is null)
        {
            return (null, "secrets.store.kind is vault but secrets.store.vault is missing");
        }

        var method = vault.Auth?.Method ?? "token";
        var tokenEnv = vault.Auth?.TokenEnv ?? "VAULT_TOKEN";
        var roleEnv = vault.Auth?.RoleIdEnv ?? "VAULT_ROLE_ID";
        var secretEnv = vault.Auth?.SecretIdEnv ?? "VAULT_SECRET_ID";
        VaultAuth auth;
        if (method == "approle")
        {
            var (role, secret) = (environment(roleEnv), environment(secretEnv));
            if (string.IsNullOrEmpty(role) || string.IsNullOrEmpty(secret))
            {
                return (null, $"Vault AppRole login needs {roleEnv} and {secretEnv} in the environment");
            }

            host.Redactor.Add(secret);
            auth = new VaultAppRoleAuth(role, secret);
        }
        else
        {
            var token = environment(tokenEnv);
            if (string.IsNullOrEmpty(token))
            {
                return (null, $"Vault token login needs {tokenEnv} in the environment");
            }

            host.Redactor.Add(token);
            auth = new VaultTokenAuth(token);
        }

        var address = vault.Address.EndsWith('/') ? vault.Address : vault.Address + "/";
        var mount = vault.Mount ?? "secret";
        var basePath = (vault.Path ?? "openclaw").Trim('/');
        var settings = new VaultSettings(new Uri(address), vault.Namespace, mount, auth);
        var args = new JArray("secrets", "resolve", "--address", vault.Address, "--mount", mount, "--path", basePath, "--auth", method);
        if (vault.Namespace is { Length: > 0 } ns)
        {
            args.Add("--namespace");
            args.Add(ns);
        }

        JArray passEnv;
        if (method == "approle")
        {
            args.Add("--role-id-env");
            args.Add(roleEnv);
            args.Add("--secret-id-env");
            args.Add(secretEnv);
            passEnv = [roleEnv, secretEnv];
        }
        else
        {
            args.Add("--token-env");
            args.Add(tokenEnv);
            passEnv = [tokenEnv];
        }

        var block = new JObject
        {
            ["source"] = "exec",
            ["command"] = vault.Resolver ?? DefaultResolver,
            ["args"] = args,
            ["passEnv"] = passEnv,
            ["jsonOnly"] = true,
        };
        var client = new VaultKvClient(host.Http, settings);
        return (new VaultSecretStore(client, basePath, spec.Provider ?? DefaultVaultAlias, block, vault.Address), null);
    }
}
