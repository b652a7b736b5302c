namespace OpenClaw.Desired.Secrets.Vault;

/// <summary>How to log in to Vault. Credentials never show in <see cref="ToString"/>.</summary>
public abstract record VaultAuth;

/// <summary>A token, sent as X-Vault-Token.</summary>
public sealed record VaultTokenAuth(string Token) : VaultAuth
{
    public override string ToString() => "token";
}

/// <summary>AppRole: role id and secret id exchanged for a token at auth/approle/login.</summary>
public sealed record VaultAppRoleAuth(string RoleId, string SecretId, string MountPath = "approle") : VaultAuth
{
    public override string ToString() => $"approle ({MountPath})";
}

/// <summary>Where Vault is and how to talk to it.</summary>
public sealed record VaultSettings(Uri Address, string? Namespace, string Mount, VaultAuth Auth);
