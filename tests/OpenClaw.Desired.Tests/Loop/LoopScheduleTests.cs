using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Tests.Loop;

public sealed class LoopScheduleTests
{
    private static readonly LoopOptions Options = new()
    {
        Run = new RunOptions { PosturePath = "posture.yaml" },
        Interval = TimeSpan.FromMinutes(15),
        Jitter = 0,
        BackoffBase = TimeSpan.FromSeconds(30),
        BackoffMax = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public void Next_AfterGoodTick_IsTheInterval() =>
        Assert.Equal(TimeSpan.FromMinutes(15), LoopSchedule.Next(Options, 0, new Random(1)));

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(6, 600)]
    [InlineData(60, 600)]
    public void Next_AfterFailures_DoublesUpToTheCap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), LoopSchedule.Next(Options, failures, new Random(1)));

    [Fact]
    public void Next_WithJitter_StaysWithinTheSpreadAndVaries()
    {
        var options = Options with { Jitter = 0.1 };
        var random = new Random(42);

        var delays = Enumerable.Range(0, 500).Select(_ => LoopSchedule.Next(options, 0, random)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMinutes(13.5), TimeSpan.FromMinutes(16.5)));
        Assert.True(delays.Min() < TimeSpan.FromMinutes(14) && delays.Max() > TimeSpan.FromMinutes(16), "the jitter should use most of its range");
    }
}
