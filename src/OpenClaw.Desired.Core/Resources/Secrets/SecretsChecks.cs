using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>Checks of the secrets section the schema cannot express.</summary>
internal static class SecretsChecks
{
    public static void Run(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        var secrets = document.Secrets;
        if (secrets is null)
        {
            return;
        }

        var store = secrets.Store;
        if (store is { Kind: "vault", Vault: null })
        {
            diagnostics.Add(at.At("secrets.store", "a vault store needs secrets.store.vault (at least its address)"));
        }

        if (store is { Kind: not "vault", Vault: not null })
        {
            diagnostics.Add(at.At("secrets.store.vault", $"vault settings are ignored by a {store.Kind} store", Severity.Warning));
        }

        if (store is { Kind: "env", Path: not null })
        {
            diagnostics.Add(at.At("secrets.store.path", "the env store is always OpenClaw's <state>/.env; path applies to the file store", Severity.Warning));
        }

        if (store?.Vault?.Auth is { Method: "token", RoleIdEnv: not null } or { Method: "token", SecretIdEnv: not null })
        {
            diagnostics.Add(at.At("secrets.store.vault.auth", "roleIdEnv and secretIdEnv are for approle; token auth reads tokenEnv", Severity.Warning));
        }

        for (var i = 0; i < (secrets.Declared?.Count ?? 0); i++)
        {
            var declared = secrets.Declared![i];
            if (declared.Value?.Store is { } name && name != declared.Name)
            {
                diagnostics.Add(at.At($"secrets.declared[{i}].value", $"a declared secret lives in the store under its own name: use {{store: {declared.Name}}} or leave value out"));
            }

            if (declared.Value?.Literal is not null)
            {
                diagnostics.Add(at.At($"secrets.declared[{i}].value", "a literal secret in the posture ends up in Git; prefer {env: NAME} or {file: PATH}", Severity.Warning));
            }
        }
    }
}
