using System.Globalization;
using System.Text;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Starts the process that holds a change's rollback, detached from the reconciler so that killing the reconciler
/// does not cancel it. Under systemd a transient timer (<c>systemd-run --on-active</c>), since systemd kills a
/// service's leftover processes when it stops; elsewhere a <c>setsid</c> shell that sleeps until the deadline.
/// Either way the helper restores only if it wins the decision.
/// </summary>
internal static class RollbackHelper
{
    public const string ScriptFile = "rollback.sh";
    public const string StartedFile = "started";
    public const string SleepFile = "sleep.pid";

    /// <summary>Arms the rollback for a prepared change folder and records it as pending. Returns the problem, if any.</summary>
    public static async Task<(PendingChange? Change, string? Problem)> ArmAsync(
        CommitConfirm confirm, string directory, string table, ValueList<string> prefix, TimeSpan timeout, bool useSystemd, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
        var commands = new FirewallCommands(confirm.Runner, prefix);
        var script = Path.Combine(directory, ScriptFile);
        var unit = useSystemd ? $"openclaw-desired-firewall-{Path.GetFileName(directory)}" : null;
        AtomicFile.Write(script, Encoding.UTF8.GetBytes(Script(directory, commands, useSystemd ? null : seconds)), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var now = confirm.Clock.GetUtcNow();
        var change = new PendingChange(Path.GetFileName(directory), table, now, now + TimeSpan.FromSeconds(seconds), prefix, unit) { Directory = directory };
        confirm.Record(change);

        var started = useSystemd
            ? await confirm.Runner.RunAsync(
                "systemd-run",
                [$"--unit={unit}", $"--on-active={seconds.ToString(CultureInfo.InvariantCulture)}s", "--timer-property=AccuracySec=1s", "--collect",
                 "--description=openclaw-desired: restore the firewall table unless the change is confirmed", "/bin/sh", script],
                TimeSpan.FromSeconds(15),
                cancellationToken: cancellationToken)
            : await confirm.Runner.RunAsync(
                "/bin/sh", ["-c", "setsid -f /bin/sh \"$1\" </dev/null >/dev/null 2>&1", "sh", script], TimeSpan.FromSeconds(15), cancellationToken: cancellationToken);
        if (!started.Succeeded)
        {
            return (null, $"could not start the rollback helper: {NftAvailability.FirstLine(started.StandardError)}");
        }

        // A setsid helper proves it runs by writing its pid; applying without a live helper would give up the safety net.
        if (!useSystemd && !await WaitForAsync(Path.Combine(directory, StartedFile), TimeSpan.FromSeconds(5), confirm.Clock, cancellationToken))
        {
            return (null, "the rollback helper did not start within 5s");
        }

        return (change, null);
    }

    private static string Script(string directory, FirewallCommands commands, int? sleepSeconds)
    {
        var text = new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append("# openclaw-desired: puts the firewall table saved before this change back, unless the change is confirmed first.\n")
            .Append("cd ").Append(FirewallCommands.ShellQuote(directory)).Append(" || exit 1\n")
            .Append("echo $$ > ").Append(StartedFile).Append('\n');
        if (sleepSeconds is { } seconds)
        {
            // The sleep runs as a child whose pid is recorded, so a confirm can end the wait early.
            text.Append("sleep ").Append(seconds.ToString(CultureInfo.InvariantCulture)).Append(" &\n")
                .Append("echo $! > ").Append(SleepFile).Append('\n')
                .Append("wait $!\n");
        }

        return text
            .Append("ln -s ").Append(Decisions.Restored).Append(' ').Append(CommitConfirm.DecidedLink).Append(" 2>/dev/null || exit 0\n")
            .Append("if ").Append(commands.ShellLine("nft", "-f", CommitConfirm.RestoreFile)).Append(" >restore.log 2>&1; then\n")
            .Append("  : > ").Append(CommitConfirm.RestoredOk).Append('\n')
            .Append("else\n")
            .Append("  : > ").Append(CommitConfirm.RestoreFailed).Append('\n')
            .Append("fi\n")
            .ToString();
    }

    private static async Task<bool> WaitForAsync(string path, TimeSpan limit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + limit;
        while (!File.Exists(path))
        {
            if (clock.GetUtcNow() > until)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), clock, cancellationToken);
        }

        return true;
    }

    /// <summary>Ends a decided change's helper early by stopping its sleep (checked to still be that sleep).</summary>
    public static void Wake(string directory)
    {
        try
        {
            var pidFile = Path.Combine(directory, SleepFile);
            if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return;
            }

            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            if (commandLine.StartsWith("sleep\0", StringComparison.Ordinal))
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // The sleep already ended: the helper finds the change decided and exits on its own.
        }
    }
}
