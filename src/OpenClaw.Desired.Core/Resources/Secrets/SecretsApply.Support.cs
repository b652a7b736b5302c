using System.Text;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Audit;
using OpenClaw.Desired.Secrets.Rotation;
using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Secrets.Stores;

namespace OpenClaw.Desired.Resources.Secrets;

internal sealed partial class SecretsApply
{
    private async Task<ChangeOutcome> RewriteAsync(PlannedChange change, RewriteReference reference, CancellationToken cancellationToken)
    {
        var store = OpenStore();
        if (!(await store.ReadAsync(cancellationToken)).ContainsKey(reference.Name))
        {
            return ChangeOutcome.Failed(change, $"{reference.Name} is not in {store.Description} yet, so the reference stays; run again after it moved");
        }

        var document = OpenClawConfig.Parse(Host.Fs.ReadAllText(reference.HostPath, ConfigObservation.MaxConfigBytes));
        switch (reference.Location)
        {
            case JsonLocation json:
                document.Set(json.Pointer, store.ConfigReference(reference.Name));
                FileRewriter.EnsureProvider(document, store);
                break;
            case AuthProfileLocation profile when document.GetNode(JsonPointer.Of("profiles", profile.ProfileId)) is System.Text.Json.Nodes.JsonObject:
                document.Set(JsonPointer.Of("profiles", profile.ProfileId, profile.Field), store.SecretRef(reference.Name));
                break;
            default:
                return ChangeOutcome.Failed(change, "the reference is no longer where the plan saw it; run again");
        }

        context.Files.Write(reference.HostPath, Encoding.UTF8.GetBytes(document.ToJson()), change.Id);
        _audit.Append(context.Files.RunId, AuditOps.Referenced, reference.Name, null, change.Resource, $"now refers to {store.Description}");
        return ChangeOutcome.Applied(change, $"refers to {store.Description}");
    }

    private ChangeOutcome Fix(PlannedChange change, FixPermissions fix)
    {
        var stat = Host.Fs.Stat(fix.HostPath);
        if (!stat.Exists)
        {
            return ChangeOutcome.Skipped(change, "gone");
        }

        if (!stat.IsFile && !stat.IsDirectory)
        {
            return ChangeOutcome.Stalled(change, $"{fix.HostPath} is {HostStat.Describe(stat.Type)}; its target is left alone (a link the agent user made is never followed)");
        }

        var ownerWrong = fix.Owner is { } wanted && wanted != (stat.Uid, stat.Gid);
        if ((UnixFileMode)stat.PermissionBits == fix.Mode && !ownerWrong)
        {
            return ChangeOutcome.Skipped(change, "already in place");
        }

        var canChown = Safety.Native.IsRoot;
        context.Files.SetPermissions(fix.HostPath, fix.Mode, ownerWrong && canChown ? fix.Owner : null, change.Id);
        _audit.Append(context.Files.RunId, AuditOps.Permissions, null, null, fix.HostPath, SecretsDisplay.Mode(fix.Mode));
        return ownerWrong && !canChown
            ? ChangeOutcome.Stalled(change, "mode set; changing the owner needs root")
            : ChangeOutcome.Applied(change, $"{SecretsDisplay.Mode(fix.Mode)} {SecretsDisplay.Owner(fix.Owner)}");
    }

    private async Task<ChangeOutcome> TrackAsync(PlannedChange change, TrackRotation track, CancellationToken cancellationToken)
    {
        var current = (await OpenStore().ReadAsync(cancellationToken)).GetValueOrDefault(track.Name);
        if (current is null || Host.Redactor.Fingerprint(current.Value) != track.Fingerprint)
        {
            return ChangeOutcome.Failed(change, $"{track.Name} changed in the store since the plan; run again");
        }

        var records = Records();
        var record = records.Get(track.Name);
        if (!track.Observed)
        {
            if (record is not null)
            {
                return ChangeOutcome.Skipped(change, "already tracked");
            }

            records.Set(track.Name, new RotationRecord { Type = SecretTypes.Name(track.Type), TrackedSince = Now, Fingerprint = track.Fingerprint });
            _audit.Append(context.Files.RunId, AuditOps.RotationTracked, track.Name, track.Fingerprint, null, SecretTypes.Name(track.Type));
            return ChangeOutcome.Applied(change, "rotation clock started");
        }

        records.Set(track.Name, (record ?? new RotationRecord { Type = SecretTypes.Name(track.Type), TrackedSince = Now }) with { RotatedAt = Now, Fingerprint = track.Fingerprint });
        _audit.Append(context.Files.RunId, AuditOps.RotationObserved, track.Name, track.Fingerprint, null, "new value in the store");
        return ChangeOutcome.Applied(change, "rotation recorded");
    }

    /// <summary>Stores the value unless the store has it; a different value under the name is a conflict (returned).</summary>
    private async Task<string?> EnsureStoredAsync(ISecretStore store, string name, string value, SecretType type, string changeId, CancellationToken cancellationToken)
    {
        var current = (await store.ReadAsync(cancellationToken)).GetValueOrDefault(name);
        if (current is not null)
        {
            return current.Value == value ? null : $"the store holds another value under {name} now; run again";
        }

        await store.PutAsync(name, value, context.Files, changeId, cancellationToken);
        var fingerprint = Host.Redactor.Fingerprint(value);
        _audit.Append(context.Files.RunId, AuditOps.Stored, name, fingerprint, store.Description, "found");
        var records = Records();
        if (records.Get(name) is null)
        {
            records.Set(name, new RotationRecord { Type = SecretTypes.Name(type), TrackedSince = Now, Fingerprint = fingerprint });
        }

        return null;
    }

    private void MarkSuspected(string name, SecretType type, string fingerprint, string where)
    {
        var records = Records();
        var record = records.Get(name) ?? new RotationRecord { Type = SecretTypes.Name(type), TrackedSince = Now, Fingerprint = fingerprint };
        if (record.Suspected && record.SuspectedFingerprint == fingerprint)
        {
            return;
        }

        records.Set(name, record with { SuspectedAt = Now, SuspectedWhere = where, SuspectedFingerprint = fingerprint });
    }

    private async Task<string?> DeclaredValueAsync(string name, CancellationToken cancellationToken)
    {
        var declared = context.Posture.Document.Secrets?.Declared?.FirstOrDefault(d => d.Name == name);
        return declared is null ? null : (await DeclaredValue.ResolveAsync(declared, Host, Paths, cancellationToken)).Value;
    }

    private Task<string?> FindAgainAsync(string? hostPath, string fingerprint)
    {
        if (hostPath is null)
        {
            return Task.FromResult<string?>(null);
        }

        var (file, _) = FileSecretScanner.ScanFile(Host.Fs, hostPath, Host.Redactor.Fingerprint);
        return Task.FromResult(file?.Findings.FirstOrDefault(f => f.Fingerprint == fingerprint)?.Value);
    }
}
