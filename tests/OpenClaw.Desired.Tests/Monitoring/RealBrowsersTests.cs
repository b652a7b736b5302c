using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Monitoring.Processes;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Resources.Monitoring;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>
/// Real headless Chromium (Debian's chromium) run as an unprivileged user (nobody): one owned by a process
/// that calls itself openclaw-gateway, one orphaned. The check reads the real /proc; the reaper ends the
/// orphan and nothing else.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RealBrowsersTests : IDisposable
{
    private const string User = "nobody";
    private readonly string _home = Directory.CreateTempSubdirectory("ocd-chromium-").FullName;
    private readonly string _state = Directory.CreateTempSubdirectory("ocd-reap-state-").FullName;
    private readonly List<int> _started = [];
    private readonly int _uid;

    public RealBrowsersTests()
    {
        Assert.True(HostFiles.IsRoot, "these tests start processes as another user and need root");
        _uid = AgentAccounts.Uid(new Desired.Host.Fs.HostFs(new HostRoot("/")), User) ?? throw new InvalidOperationException("no user nobody");
        HostFiles.Lchown(_home, _uid, _uid);
        File.SetUnixFileMode(_home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute | UnixFileMode.OtherRead);
    }

    public void Dispose()
    {
        // Whatever this test started and the reaper did not end: every process of the user that names this test's folder.
        var fs = new Desired.Host.Fs.HostFs(new HostRoot("/"));
        foreach (var process in ProcessTable.Read(fs, uid => uid == _uid).All.Where(p => p.Uid == _uid && p.Args.Any(a => a.Contains(_home, StringComparison.Ordinal))))
        {
            _ = MonitoringNative.Kill(process.Pid, MonitoringNative.SigKill);
        }

        foreach (var pid in _started)
        {
            _ = MonitoringNative.Kill(pid, MonitoringNative.SigKill);
        }

        Thread.Sleep(300);
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // A browser may still be writing its profile as it dies; the temp folder is left to the system.
        }

        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task Check_SeesBothBrowsers_AndTheReaperEndsOnlyTheOrphan()
    {
        var gateway = StartOwned();
        StartOrphan();
        WaitFor(() => Browsers() is { Count: 2 } b && b.All(x => x.Processes.Count > 2), "two headless browsers and their helpers to start");
        var owned = Browsers().Single(b => !b.Orphaned);
        var orphan = Browsers().Single(b => b.Orphaned);
        Assert.Equal(gateway, owned.OwnerPid);
        Assert.True(orphan.Processes.Count > 1, "the orphan's helpers count with it");

        var posture = HealthHarness.Load(MonitoringPostures.With("browsers:\n  reap: true\nchecks:\n  browsers: { max: 5 }").Replace("user: claw", $"user: {User}", StringComparison.Ordinal));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2));
        var host = new HostContext(new HostRoot("/"), new ProcessCommandRunner(), clock, new HttpClient(), new SecretRedactor()) { StateDir = _state };

        var check = HealthHarness.Run(new BrowsersCheck(), new HealthContext(posture, host));
        Assert.Equal(HealthStatus.Failed, check.Status);
        Assert.Contains($"1 orphaned (pid {orphan.Main.Pid})", check.Message);

        var kind = new MonitoringKind();
        var plan = await kind.PlanAsync(posture, host, CancellationToken.None);
        var change = Assert.Single(plan.Changes);
        Assert.Equal($"browser/{orphan.Main.Pid}", change.Resource);

        var runId = StateDirectory.NewRunId(TimeProvider.System);
        var state = new StateDirectory(_state);
        var runDirectory = state.CreateRun(runId);
        OutcomeStatus status;
        using (var journal = RunJournal.Create(runDirectory, TimeProvider.System))
        {
            var outcome = await kind.ApplyAsync(change, new ApplyContext(host, new FileChanger(new HostRoot("/"), state, runId, journal), posture), CancellationToken.None);
            status = outcome.Status;
        }

        Assert.Equal(OutcomeStatus.Applied, status);
        WaitFor(() => Browsers().Count == 1, "the orphan to end");
        Assert.Equal(owned.Main.Pid, Browsers().Single().Main.Pid);
        var signals = RunJournal.Read(Path.Combine(runDirectory, RunJournal.FileName)).Where(e => e.Event == JournalEvents.ProcessSignal).ToList();
        Assert.Equal(((ReapBrowser)change.Payload!).Processes.Count, signals.Count);
        Assert.All(signals, s => Assert.Contains($"(uid {_uid})", s.Detail));
        Assert.Empty((await kind.PlanAsync(posture, host, CancellationToken.None)).Changes);
    }

    private string Describe()
    {
        var fs = new Desired.Host.Fs.HostFs(new HostRoot("/"));
        var table = ProcessTable.Read(fs, uid => uid == _uid);
        return string.Join(" | ", table.All.Where(p => p.Uid == _uid).Select(p => $"{p.Pid}<{p.ParentPid} {p.Comm} [{string.Join(' ', p.Args.Take(2))}]"));
    }

    private IReadOnlyList<HeadlessBrowser> Browsers()
    {
        var fs = new Desired.Host.Fs.HostFs(new HostRoot("/"));
        return HeadlessBrowsers.Find(ProcessTable.Read(fs, uid => uid == _uid), _uid, DateTimeOffset.UtcNow)
            .Where(b => b.Main.Args.Any(a => a.Contains(_home, StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>A headless Chromium under a process named openclaw-gateway (a shell script that waits for it).</summary>
    private int StartOwned()
    {
        var script = Path.Combine(_home, "openclaw-gateway");
        File.WriteAllText(script, $"#!/bin/sh\nchromium {Flags("owned")} >/dev/null 2>&1 &\nwait\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var process = AsUser(script);
        _started.Add(process.Id);
        return process.Id;
    }

    /// <summary>A headless Chromium whose starter exited at once: its parent is gone.</summary>
    private void StartOrphan()
    {
        using var process = AsUser("/bin/sh", "-c", $"chromium {Flags("orphan")} >/dev/null 2>&1 &");
        process.WaitForExit(10_000);
    }

    private string Flags(string name) =>
        $"--headless=new --no-sandbox --disable-gpu --no-first-run --user-data-dir={_home}/{name} --remote-debugging-port=0 about:blank";

    private Process AsUser(string program, params string[] args)
    {
        var info = new ProcessStartInfo("setpriv") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { $"--reuid={_uid}", $"--regid={_uid}", "--clear-groups", "env", $"HOME={_home}", "PATH=/usr/bin:/bin", program }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("setpriv did not start");
    }

    private void WaitFor(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"timed out waiting for {what}: " + Describe());
            }

            Thread.Sleep(250);
        }
    }
}
