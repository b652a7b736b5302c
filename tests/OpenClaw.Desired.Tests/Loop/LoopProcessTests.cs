using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Source.GitPostures;

namespace OpenClaw.Desired.Tests.Loop;

/// <summary>The loop as a real process: ticks on a short interval, picks up commits, stops cleanly on SIGTERM.</summary>
public sealed class LoopProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_ShortInterval_ConvergesToEachNewCommitAndExitsCleanlyOnSigterm()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var first = repo.Commit("posture.yaml", Standard(ask: "on-miss"));
        var socketPath = Path.Combine(host.Folder, "notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        var messages = new List<string>();
        var listening = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (true)
            {
                var n = await notify.ReceiveAsync(buffer, SocketFlags.None);
                lock (messages)
                {
                    messages.Add(Encoding.UTF8.GetString(buffer, 0, n));
                }
            }
        });

        using var loop = CliRunner.Start(new Dictionary<string, string> { ["NOTIFY_SOCKET"] = socketPath },
            "run", "--interval", "1s", "--jitter", "0", "--repo", repo.Path, "--root", host.Root, "--state-dir", host.StateDir, "--hostname", "web1", "--no-color");
        var stdout = loop.StandardOutput.ReadToEndAsync();
        var stderr = loop.StandardError.ReadToEndAsync();
        try
        {
            await WaitForAsync(() => AppliedRevision(host) == first, loop);
            Assert.Contains("\"on-miss\"", File.ReadAllText(host.ConfigPath));
            var second = repo.Commit("posture.yaml", Standard(ask: "always"));
            await WaitForAsync(() => AppliedRevision(host) == second, loop);
            Assert.Contains("\"always\"", File.ReadAllText(host.ConfigPath));
            await WaitForAsync(() => Field(host, "result") == "in-sync", loop);

            await new ProcessCommandRunner().RunAsync("kill", ["-TERM", loop.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
            using var exit = new CancellationTokenSource(Patience);
            await loop.WaitForExitAsync(exit.Token);
        }
        finally
        {
            if (!loop.HasExited)
            {
                loop.Kill();
            }
        }

        var output = await stdout + await stderr;
        Assert.Equal(0, loop.ExitCode);
        Assert.Contains("in sync: in sync", output);
        Assert.DoesNotContain(Canary, output);
        // The lock is free: another run takes it at once.
        using (await RunLock.AcquireAsync(host.StateDir, "probe", TimeSpan.Zero, TimeProvider.System, CancellationToken.None))
        {
        }

        var status = JsonDocument.Parse(File.ReadAllText(Path.Combine(host.StateDir, StatusFile.FileName))).RootElement;
        Assert.Equal(JsonValueKind.Null, status.GetProperty("nextRun").ValueKind);
        lock (messages)
        {
            Assert.Equal("READY=1", messages.First());
            Assert.Contains(messages, m => m.StartsWith("STATUS=", StringComparison.Ordinal));
            Assert.Equal("STOPPING=1", messages.Last());
        }

        GC.KeepAlive(listening);
    }

    private static string? AppliedRevision(ScratchHost host) => Field(host, "appliedRevision");

    private static string? Field(ScratchHost host, string name)
    {
        var path = Path.Combine(host.StateDir, StatusFile.FileName);
        try
        {
            return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty(name).GetString() : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, System.Diagnostics.Process loop)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.False(loop.HasExited, "the loop exited early");
            Assert.True(DateTime.UtcNow < deadline, "the loop did not get there in time");
            await Task.Delay(100);
        }
    }
}
