using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Commit-confirm for firewall changes. Each change gets a folder under <see cref="HostDirectory"/> holding the
/// file that applies it, the file that restores the table saved before it, and a detached helper that runs the
/// restore at the deadline unless the change was decided first. Deciding is a symlink created atomically, so the
/// helper and a confirm can race without both winning. /run is right: a reboot clears the ruleset too.
/// </summary>
public sealed class CommitConfirm(HostRoot root, ICommandRunner runner, TimeProvider clock)
{
    public const string HostDirectory = "/run/openclaw-desired/firewall";
    public const string ApplyFile = "apply.nft";
    public const string RestoreFile = "restore.nft";
    public const string RecordFile = "pending.json";
    public const string DecidedLink = "decided";
    public const string RestoredOk = "restored.ok";
    public const string RestoreFailed = "restore.failed";

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string DirectoryPath => root.Resolve(HostDirectory);

    public ICommandRunner Runner => runner;

    public TimeProvider Clock => clock;

    /// <summary>Every recorded change, oldest first, with how it was decided.</summary>
    public IReadOnlyList<PendingChange> All()
    {
        if (!Directory.Exists(DirectoryPath))
        {
            return [];
        }

        var changes = new List<PendingChange>();
        foreach (var directory in Directory.GetDirectories(DirectoryPath).Order(StringComparer.Ordinal))
        {
            var record = Path.Combine(directory, RecordFile);
            try
            {
                if (File.Exists(record) && JsonSerializer.Deserialize(File.ReadAllText(record), StateJsonContext.Default.PendingChange) is { } change)
                {
                    changes.Add(change with { Directory = directory, Decision = ReadDecision(directory) });
                }
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                // A record torn by a crash before the helper started holds no rollback to wait for.
            }
        }

        return changes;
    }

    public IReadOnlyList<PendingChange> Awaiting() => All().Where(c => c.Awaiting).ToList();

    /// <summary>A new change folder with the apply and restore files, not yet armed.</summary>
    public string Prepare(string applyScript, string restoreScript)
    {
        Prune();
        var directory = Path.Combine(DirectoryPath, StateDirectory.NewRunId(clock));
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(Path.Combine(directory, ApplyFile), Encoding.UTF8.GetBytes(applyScript), Private);
        AtomicFile.Write(Path.Combine(directory, RestoreFile), Encoding.UTF8.GetBytes(restoreScript), Private);
        return directory;
    }

    /// <summary>Keeps the newest decided records (each holds the table saved before its change) and drops older ones.</summary>
    private void Prune()
    {
        const int Keep = 20;
        if (!Directory.Exists(DirectoryPath))
        {
            return;
        }

        var decided = Directory.GetDirectories(DirectoryPath).Where(d => ReadDecision(d) is not null).Order(StringComparer.Ordinal).ToList();
        foreach (var old in decided.Take(Math.Max(0, decided.Count - Keep)))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    public void Record(PendingChange change) =>
        AtomicFile.Write(Path.Combine(change.Directory, RecordFile), JsonSerializer.SerializeToUtf8Bytes(change, StateJsonContext.Default.PendingChange), Private);

    /// <summary>Claims the decision; false when someone (the helper, a confirm) decided first.</summary>
    public static bool TryDecide(string directory, string decision)
    {
        try
        {
            File.CreateSymbolicLink(Path.Combine(directory, DecidedLink), decision);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static string? ReadDecision(string directory)
    {
        var link = new FileInfo(Path.Combine(directory, DecidedLink));
        return link.LinkTarget;
    }

    /// <summary>Confirms a change: the helper will find it decided and leave the table alone.</summary>
    public async Task<string> ConfirmAsync(PendingChange change, CancellationToken cancellationToken)
    {
        if (!TryDecide(change.Directory, Decisions.Confirmed))
        {
            return ReadDecision(change.Directory) ?? Decisions.Confirmed;
        }

        await StopTimerAsync(change, cancellationToken);
        return Decisions.Confirmed;
    }

    /// <summary>Restores the saved table now instead of waiting for the deadline. Null error means it worked.</summary>
    public async Task<(string Decision, string? Error)> RestoreNowAsync(PendingChange change, CancellationToken cancellationToken)
    {
        if (!TryDecide(change.Directory, Decisions.RestoredByOperator))
        {
            return (ReadDecision(change.Directory) ?? "decided", null);
        }

        await StopTimerAsync(change, cancellationToken);
        var commands = new FirewallCommands(runner, change.Prefix.ToValueList());
        var result = await commands.NftAsync(["-f", Path.Combine(change.Directory, RestoreFile)], cancellationToken);
        var marker = Path.Combine(change.Directory, result.Succeeded ? RestoredOk : RestoreFailed);
        await File.WriteAllTextAsync(marker, result.StandardError, cancellationToken);
        return (Decisions.RestoredByOperator, result.Succeeded ? null : NftAvailability.FirstLine(result.StandardError));
    }

    private async Task StopTimerAsync(PendingChange change, CancellationToken cancellationToken)
    {
        RollbackHelper.Wake(change.Directory);
        if (change.Unit is { } unit)
        {
            // Best effort: the helper checks the decision anyway, so a timer that still fires does nothing.
            await runner.RunAsync("systemctl", ["stop", unit + ".timer"], TimeSpan.FromSeconds(10), cancellationToken: cancellationToken);
        }
    }
}
