using System.Text.Json;
using OpenClaw.Desired.Cli.Commands;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Cli;

/// <summary>A suspension always ends: at --until, after --for, or 24 hours on.</summary>
public sealed class SuspendTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null, "2026-11-30T10:00:00+00:00")]
    [InlineData("2h", null, "2026-11-29T12:00:00+00:00")]
    [InlineData(null, "2026-12-01", "2026-12-02T00:00:00+00:00")]
    [InlineData(null, "2026-11-29T18:30Z", "2026-11-29T18:30:00+00:00")]
    public void End_ForUntilOrByDefault(string? duration, string? until, string expected)
    {
        var (end, problem) = SuspendCommand.End(duration, until, Now);

        Assert.Null(problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), end);
    }

    [Theory]
    [InlineData("0s", null, "above zero")]
    [InlineData("soon", null, "above zero")]
    [InlineData(null, "2026-11-28", "already passed")]
    [InlineData(null, "tomorrow", "expected a date")]
    [InlineData("120d", null, "at most 90 days")]
    public void End_BadValues_AreRefused(string? duration, string? until, string message) =>
        Assert.Contains(message, SuspendCommand.End(duration, until, Now).Problem);

    [Fact]
    public void Suspend_WritesTheEnd_AndJsonSaysIt()
    {
        using var host = ScratchHost.Empty();

        var result = CliRunner.Run("suspend", "--reason", "kernel upgrade", "--for", "3h", "--state-dir", host.StateDir, "-o", "json");

        Assert.Equal(0, result.ExitCode);
        var until = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("until").GetDateTimeOffset();
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromHours(2.9), TimeSpan.FromHours(3));
        Assert.NotNull(SuspendFile.Active(host.StateDir, DateTimeOffset.UtcNow));
        Assert.Null(SuspendFile.Active(host.StateDir, DateTimeOffset.UtcNow.AddHours(4)));
    }
}
