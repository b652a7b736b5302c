using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Apply data shared by every table change of one plan: the nft file that replaces the owned table, and what the
/// commit-confirm needs. The plan shows the table rule by rule; apply loads it in one transaction.
/// </summary>
public sealed record FirewallTransaction(
    string Table,
    string Script,
    ValueList<string> Prefix,
    TimeSpan ConfirmTimeout,
    ValueList<Endpoint> Checks) : ChangePayload;

/// <summary>Set these keys in a dotenv file, keeping every other line as it is.</summary>
public sealed record EnvFileEdit(string HostPath, ValueList<KeyValuePair<string, string>> Values, string Owner) : ChangePayload;

/// <summary>Write a whole file the reconciler owns (the systemd drop-in).</summary>
public sealed record OwnedFileWrite(string HostPath, string Content, string Owner) : ChangePayload;
