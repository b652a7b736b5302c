using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Tests.Host;

/// <summary>
/// What a child process gets from root and what it can do to root: some of them (OpenClaw's own audit) run code the
/// agent user wrote, as that user. They inherit no open file of the reconciler's, and cannot hold a run forever.
/// </summary>
public sealed class ChildProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocd-child-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task FileOpenedThroughHostFs_IsNotInheritedByAChild()
    {
        var secret = Path.Combine(_folder, "root-only.key");
        File.WriteAllText(secret, "k");
        var fs = new HostFs(new HostRoot("/"));
        using var reading = fs.OpenRead(secret);

        var child = await new ProcessCommandRunner().RunAsync("sh", ["-c", "ls -l /proc/self/fd/"], TimeSpan.FromSeconds(30));

        Assert.True(child.Succeeded, child.StandardError);
        Assert.DoesNotContain(secret, child.StandardOutput);
    }

    [Fact]
    public async Task ChildThatLeavesABackgroundProcessHoldingItsOutput_StillEnds()
    {
        // What an agent-written `openclaw` can do: print its report, leave a process behind that keeps stdout open.
        var watch = Stopwatch.StartNew();
        var run = new ProcessCommandRunner().RunAsync("sh", ["-c", "sleep 45 & echo '{\"findings\":[]}'"], TimeSpan.FromSeconds(5));

        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(40))) == run;

        Assert.True(finished, $"still waiting after {watch.Elapsed}");
        Assert.Contains("findings", (await run).StandardOutput);
    }

    [Fact]
    public async Task ChildThatPrintsWithoutEnd_IsCappedNotHeldInMemory()
    {
        var result = await new ProcessCommandRunner().RunAsync("sh", ["-c", "head -c 100000000 /dev/zero | tr '\\0' x"], TimeSpan.FromSeconds(60));

        Assert.True(result.StandardOutput.Length <= ProcessCommandRunner.MaxOutputChars, $"{result.StandardOutput.Length} characters kept");
    }
}
