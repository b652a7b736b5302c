using System.Diagnostics;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Tests.Engine;

/// <summary>Probes run on threads of their own, continuations included, and are timed there.</summary>
public sealed class ProbeThreadTests
{
    [Fact]
    public async Task RunAsync_WorkAndItsContinuations_StayOnOneThreadThatIsNotThePools()
    {
        var seen = new List<(int Thread, bool Pool)>();

        var (result, _) = await OwnThread.RunAsync("probe test", async () =>
        {
            seen.Add((Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread));
            await Task.Delay(20);
            seen.Add((Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread));
            await Task.Yield();
            seen.Add((Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread));
            return 42;
        });

        Assert.Equal(42, result);
        Assert.Single(seen.Select(s => s.Thread).Distinct());
        Assert.All(seen, s => Assert.False(s.Pool));
    }

    [Fact]
    public async Task RunAsync_QuickWorkBesideBusyThreads_IsNotChargedForTheirCpu()
    {
        // Many threads spinning on two cores: the quick one waits for a CPU, and that wait is not its work.
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var busy = Enumerable.Range(0, 4 * Environment.ProcessorCount)
            .Select(i => OwnThread.RunAsync($"busy {i}", () => Task.FromResult(Spin(stop.Token))))
            .ToList();

        var (_, took) = await OwnThread.RunAsync("quick", () => Task.FromResult(0));
        await Task.WhenAll(busy);

        Assert.True(took < TimeSpan.FromMilliseconds(50), $"the quick work was charged {took.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task RunAsync_BlockingWait_CountsAsTheWorksOwnTime()
    {
        var (_, took) = await OwnThread.RunAsync("sleeper", () =>
        {
            Thread.Sleep(150);
            return Task.FromResult(0);
        });

        Assert.True(took >= TimeSpan.FromMilliseconds(140), $"{took.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task RunAsync_Failure_ReachesTheCaller() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => OwnThread.RunAsync<int>("failing", () => throw new InvalidOperationException("probe broke")));

    [Fact]
    public async Task ForEach_InsideAProbe_ReturnsResultsInOrderWithoutThePool()
    {
        var items = Enumerable.Range(0, 200).ToList();

        var (results, _) = await OwnThread.RunAsync("probe", () => Task.FromResult(OwnThread.ForEach(items, 4, i => (i * 2, Thread.CurrentThread.IsThreadPoolThread))));

        Assert.Equal(items.Select(i => i * 2), results.Select(r => r.Item1));
        Assert.DoesNotContain(results, r => r.Item2);
    }

    [Fact]
    public void ForEach_Cancelled_ThrowsTheCancellationItself()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => OwnThread.ForEach(Enumerable.Range(0, 10).ToList(), 2, i =>
        {
            cancelled.Token.ThrowIfCancellationRequested();
            return i;
        }));
    }

    private static int Spin(CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        var n = 0;
        while (!stop.IsCancellationRequested && watch.ElapsedMilliseconds < 2000)
        {
            n++;
        }

        return n;
    }
}
