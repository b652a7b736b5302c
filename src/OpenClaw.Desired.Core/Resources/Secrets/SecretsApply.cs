using System.Text;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Secrets.Audit;
using OpenClaw.Desired.Secrets.Rotation;
using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Secrets.Stores;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// Set for the secrets kind. Every change that removes plaintext first makes sure the value is in the store,
/// so nothing is lost whatever order changes run in; files change only through the run's FileChanger; each
/// operation is written to the audit trail with the secret's fingerprint, never its value.
/// </summary>
internal sealed partial class SecretsApply(ApplyContext context)
{
    private readonly AuditTrail _audit = AuditTrail.For(context.Files.State, context.Host.Clock);

    private HostContext Host => context.Host;

    private OpenClawPaths Paths => Host.PathsFor(context.Posture);

    private DateTimeOffset Now => Host.Clock.GetUtcNow();

    public async Task<ChangeOutcome> ApplyAsync(PlannedChange change, CancellationToken cancellationToken) => change.Payload switch
    {
        MoveSecret move => await MoveAsync(change, move, cancellationToken),
        StoreSecret store => await StoreAsync(change, store, cancellationToken),
        RewriteReference reference => await RewriteAsync(change, reference, cancellationToken),
        FixPermissions permissions => Fix(change, permissions),
        TrackRotation track => await TrackAsync(change, track, cancellationToken),
        JsonEdit edit => await JsonEditApplier.ApplyAsync(change, edit, context, cancellationToken),
        _ => ChangeOutcome.Skipped(change, "manual action: not applied by the reconciler"),
    };

    private async Task<ChangeOutcome> MoveAsync(PlannedChange change, MoveSecret move, CancellationToken cancellationToken)
    {
        var store = OpenStore();
        // Read once: the text scanned is the text rewritten, whatever the agent writes meanwhile.
        byte[] bytes;
        try
        {
            bytes = Host.Fs.ReadAllBytes(move.HostPath, FileSecretScanner.MaxBytes);
        }
        catch (IOException e)
        {
            return ChangeOutcome.Failed(change, $"cannot read {move.HostPath}: {(e is Host.Fs.UnsafePathException u ? u.Detail : e.Message)}");
        }

        var (file, skipped) = FileSecretScanner.ScanBytes(bytes, move.HostPath, Host.Redactor.Fingerprint);
        if (file is null)
        {
            return ChangeOutcome.Failed(change, $"cannot read {move.HostPath}: {skipped?.Reason}");
        }

        var hits = file.Findings.Where(f => f.Fingerprint == move.Fingerprint).ToList();
        if (hits.Count == 0)
        {
            return ChangeOutcome.Skipped(change, "no plaintext left here");
        }

        var value = hits[0].Value;
        Host.Redactor.Add(value);
        foreach (var hit in hits)
        {
            _audit.Append(context.Files.RunId, AuditOps.Detected, move.Name, move.Fingerprint, hit.Where, SecretKinds.Get(hit.Kind).Id);
        }

        if (await EnsureStoredAsync(store, move.Name, value, move.Type, change.Id, cancellationToken) is { } conflict)
        {
            return ChangeOutcome.Failed(change, conflict);
        }

        var text = Encoding.UTF8.GetString(bytes);
        var rewritten = FileRewriter.Rewrite(move.Role, text, hits, value, move.Name, store);
        context.Files.Write(move.HostPath, Encoding.UTF8.GetBytes(rewritten), change.Id);
        var op = move.Role is FileRole.Config or FileRole.AuthProfiles ? AuditOps.Referenced : AuditOps.Scrubbed;
        _audit.Append(context.Files.RunId, op, move.Name, move.Fingerprint, move.Where);
        MarkSuspected(move.Name, move.Type, move.Fingerprint, move.Where);
        return ChangeOutcome.Applied(change, $"moved to {store.Description} as {move.Name}");
    }

    private async Task<ChangeOutcome> StoreAsync(PlannedChange change, StoreSecret put, CancellationToken cancellationToken)
    {
        var store = OpenStore();
        var current = (await store.ReadAsync(cancellationToken)).GetValueOrDefault(put.Name);
        if (current is not null && Host.Redactor.Fingerprint(current.Value) == put.Fingerprint)
        {
            // A move of the same secret, earlier in this run, stored it already.
            return ChangeOutcome.Skipped(change, "already in the store");
        }

        var value = put.Declared ? await DeclaredValueAsync(put.Name, cancellationToken) : await FindAgainAsync(put.FoundIn, put.Fingerprint);
        if (value is null || Host.Redactor.Fingerprint(value) != put.Fingerprint)
        {
            return ChangeOutcome.Failed(change, "the value is no longer what the plan saw; run again");
        }

        if (current is not null && !put.Declared)
        {
            return ChangeOutcome.Failed(change, $"the store holds another value under {put.Name} now; run again");
        }

        await store.PutAsync(put.Name, value, context.Files, change.Id, cancellationToken);
        _audit.Append(context.Files.RunId, AuditOps.Stored, put.Name, put.Fingerprint, store.Description, put.Declared ? "declared" : "found");
        var records = Records();
        var record = records.Get(put.Name);
        records.Set(put.Name, record is null
            ? new RotationRecord { Type = global::OpenClaw.Desired.Secrets.SecretTypes.Name(put.Type), TrackedSince = Now, Fingerprint = put.Fingerprint }
            : record with { RotatedAt = Now, Fingerprint = put.Fingerprint });
        if (put.SuspectedWhere is { } where)
        {
            MarkSuspected(put.Name, put.Type, put.Fingerprint, where);
        }

        return ChangeOutcome.Applied(change, $"{put.Name} is in {store.Description}");
    }

    private ISecretStore OpenStore()
    {
        var (store, problem) = SecretStores.Open(context.Posture, Host, Paths);
        return store ?? throw new InvalidOperationException(problem);
    }

    private RotationRecords Records() => RotationRecords.Load(context.Files.State);
}
