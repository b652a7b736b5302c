using System.Diagnostics;
using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// Stands in for the OpenClaw gateway, which cannot be installed here: a real process (busybox nc) listening on the
/// gateway port inside a network namespace as the demo's OpenClaw user (uid 1000), answering each connection with a
/// child process, as the gateway runs its agents. Killed on dispose if it is still running.
/// </summary>
public sealed class FakeGateway : IDisposable
{
    public const int Port = 18789;

    private FakeGateway(Process process, string netns)
    {
        Process = process;
        Netns = netns;
    }

    public Process Process { get; }

    public string Netns { get; }

    public static async Task<FakeGateway> StartAsync(string netns)
    {
        var info = new ProcessStartInfo("nsenter") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { $"--net=/run/netns/{netns}", "--setuid", "1000", "--setgid", "1000", "--", "busybox", "nc", "-ll", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", "/bin/cat" })
        {
            info.ArgumentList.Add(arg);
        }

        var gateway = new FakeGateway(Process.Start(info)!, netns);
        var runner = new ProcessCommandRunner();
        for (var i = 0; i < 100; i++)
        {
            var listening = await runner.RunAsync("nsenter", [$"--net=/run/netns/{netns}", "--", "ss", "-H", "-l", "-t", "-n", "sport", "=", $":{Port}"], TimeSpan.FromSeconds(5));
            if (listening.StandardOutput.Contains($":{Port}", StringComparison.Ordinal))
            {
                return gateway;
            }

            await Task.Delay(50);
        }

        gateway.Dispose();
        throw new InvalidOperationException("the fake gateway did not start listening");
    }

    public bool Stopped => Process.WaitForExit(TimeSpan.FromSeconds(5));

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}
