using System.Diagnostics;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Safety;

/// <summary>
/// A reconcile in its own process, stopped by the test hold at a named point (a journal event or a checkpoint), so a
/// test can race it (swap a folder for a link) or kill it there. Killed on dispose: nothing is left running.
/// </summary>
internal sealed class HeldRun : IDisposable
{
    private readonly Process _process;
    private readonly string _stateDir;

    private HeldRun(Process process, string stateDir)
    {
        _process = process;
        _stateDir = stateDir;
    }

    public string? Marker { get; private set; }

    public static async Task<HeldRun> StartAsync(ScratchHost host, string holdAt, params string[] args)
    {
        var process = CliRunner.Start(new Dictionary<string, string> { [TestHold.Variable] = holdAt }, args);
        var run = new HeldRun(process, host.StateDir);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            var runs = Path.Combine(host.StateDir, "runs");
            run.Marker = Directory.Exists(runs) ? Directory.GetFiles(runs, TestHold.MarkerName, SearchOption.AllDirectories).FirstOrDefault() : null;
            if (run.Marker is not null)
            {
                return run;
            }

            await Task.Delay(25);
        }

        var output = process.HasExited ? await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync() : "still running";
        run.Dispose();
        throw new InvalidOperationException($"the run never reached {holdAt}: {output}");
    }

    /// <summary>Lets the held run go on, and waits for its end.</summary>
    public async Task<CliResult> ReleaseAsync()
    {
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Marker!)!, TestHold.ReleaseName), string.Empty);
        var stdout = _process.StandardOutput.ReadToEndAsync();
        var stderr = _process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await _process.WaitForExitAsync(timeout.Token);
        return new CliResult(_process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Kills the run where it stands, as a power cut would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
