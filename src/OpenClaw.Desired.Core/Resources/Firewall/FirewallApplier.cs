using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Applies a table transaction under commit-confirm: save the current table, check both the new and the restore
/// file with <c>nft -c</c>, arm the detached rollback, load the new table atomically, then confirm it only if the
/// reconciler can still reach its Git remote and health targets.
/// </summary>
internal static class FirewallApplier
{
    /// <summary>Test hook: <c>OPENCLAW_DESIRED_TEST_HOLD=firewall-applied:1</c> stops the process right after the load.</summary>
    public const string AppliedHold = "firewall-applied";

    public static async Task<ChangeOutcome> ApplyAsync(PlannedChange change, FirewallTransaction transaction, ApplyContext context, CancellationToken cancellationToken)
    {
        var host = context.Host;
        var confirm = new CommitConfirm(host.Root, host.Commands, host.Clock);
        if (confirm.Awaiting().FirstOrDefault() is { } waiting)
        {
            return ChangeOutcome.Waiting(change, $"firewall change {waiting.Id} still awaits confirmation (until {waiting.Deadline:HH:mm:ss}Z): run `openclaw-desired confirm` or let it roll back, then reconcile again");
        }

        // An operator on SSH must not lock themselves out: refused before anything is saved or loaded.
        var settings = FirewallSettings.From(context.Posture);
        if (settings.Level != FirewallLevel.Off && context.Posture.Document.Firewall?.AcknowledgeNoSsh != true
            && SshLockout.Closed(context.Posture.Document.Firewall, SshLockout.Ports(host.Fs)) is { Count: > 0 } closed)
        {
            return ChangeOutcome.Stalled(change, $"refused: this host's sshd listens on tcp {string.Join(", ", closed)}, and no inbound rule lets it in; nothing was changed. {SshLockout.Fix(closed[0])}");
        }

        var commands = new FirewallCommands(host.Commands, transaction.Prefix);
        var (saved, problem) = await SaveCurrentAsync(commands, transaction.Table, cancellationToken);
        if (problem is not null)
        {
            return ChangeOutcome.Failed(change, $"could not save the current table, so nothing was changed: {problem}");
        }

        var directory = confirm.Prepare(transaction.Script, NftScript.Restore(transaction.Table, saved));
        var check = await commands.NftAsync(["-c", "-f", Path.Combine(directory, CommitConfirm.ApplyFile)], cancellationToken);
        if (!check.Succeeded)
        {
            CommitConfirm.TryDecide(directory, Decisions.Cancelled);
            return ChangeOutcome.Failed(change, $"nft rejected the new table, nothing was changed: {NftAvailability.FirstLine(check.StandardError)}");
        }

        var checkRestore = await commands.NftAsync(["-c", "-f", Path.Combine(directory, CommitConfirm.RestoreFile)], cancellationToken);
        if (!checkRestore.Succeeded)
        {
            CommitConfirm.TryDecide(directory, Decisions.Cancelled);
            return ChangeOutcome.Failed(change, $"the current table would not load back, so there would be no way back; nothing was changed: {NftAvailability.FirstLine(checkRestore.StandardError)}");
        }

        var useSystemd = host.Root.IsRealRoot && Directory.Exists("/run/systemd/system");
        var (pending, armProblem) = await RollbackHelper.ArmAsync(confirm, directory, transaction.Table, transaction.Prefix, transaction.ConfirmTimeout, useSystemd, cancellationToken);
        if (pending is null)
        {
            CommitConfirm.TryDecide(directory, Decisions.Cancelled);
            return ChangeOutcome.Failed(change, $"{armProblem}; nothing was changed");
        }

        var applied = await commands.NftAsync(["-f", Path.Combine(directory, CommitConfirm.ApplyFile)], cancellationToken);
        if (!applied.Succeeded)
        {
            CommitConfirm.TryDecide(directory, Decisions.Cancelled);
            return ChangeOutcome.Failed(change, $"nft -f failed and the table is unchanged: {NftAvailability.FirstLine(applied.StandardError)}");
        }

        TestHold.FromEnvironment(directory)?.MaybeHold(AppliedHold, 1);
        return await ConfirmAsync(change, transaction, confirm, pending, commands, context, cancellationToken);
    }

    private static async Task<ChangeOutcome> ConfirmAsync(
        PlannedChange change, FirewallTransaction transaction, CommitConfirm confirm, PendingChange pending, FirewallCommands commands, ApplyContext context, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromTicks(Math.Min(transaction.ConfirmTimeout.Ticks / 4, TimeSpan.FromSeconds(10).Ticks));
        var unreachable = transaction.Checks.Count == 0
            ? null
            : await Reachability.FirstUnreachableAsync(commands, transaction.Checks, window, context.Host.Clock, cancellationToken);
        if (unreachable is not null)
        {
            return ChangeOutcome.Waiting(change, $"applied as change {pending.Id} but not confirmed: cannot reach {unreachable}. Run `openclaw-desired confirm` before {pending.Deadline:HH:mm:ss}Z to keep it; otherwise the previous table comes back by itself");
        }

        var decision = await confirm.ConfirmAsync(pending, cancellationToken);
        if (decision != Decisions.Confirmed)
        {
            return ChangeOutcome.Failed(change, $"applied as change {pending.Id}, but it was {decision} before it could be confirmed");
        }

        var checkedWhat = transaction.Checks.Count == 0 ? "no Git remote or health target to check" : "reached " + string.Join(", ", transaction.Checks);
        return ChangeOutcome.Applied(change, $"applied in one transaction as change {pending.Id} and confirmed ({checkedWhat})");
    }

    /// <summary>The owned table as <c>nft list table</c> prints it (loadable by nft -f), or null when there is none.</summary>
    private static async Task<(string? Saved, string? Problem)> SaveCurrentAsync(FirewallCommands commands, string table, CancellationToken cancellationToken)
    {
        var (tables, problem) = await NftAvailability.ProbeAsync(commands, cancellationToken);
        if (tables is null)
        {
            return (null, problem);
        }

        var parts = table.Split(' ');
        if (!NftJsonReader.ReadTables(tables).Contains((parts[0], parts[1])))
        {
            return (null, null);
        }

        var listing = await commands.NftAsync(["list", "table", parts[0], parts[1]], cancellationToken);
        return listing.Succeeded ? (listing.StandardOutput, null) : (null, NftAvailability.FirstLine(listing.StandardError));
    }
}
