using System.Diagnostics;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Tests.Resources.Backups;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 */6 * * *", "*-*-* 00,06,12,18:00:00")]
    [InlineData("30 3 * * *", "*-*-* 03:30:00")]
    [InlineData("45 3 * * 0", "Sun *-*-* 03:45:00")]
    [InlineData("15 2 * * 1-5", "Mon,Tue,Wed,Thu,Fri *-*-* 02:15:00")]
    [InlineData("0 4 1 */3 *", "*-01,04,07,10-01 04:00:00")]
    [InlineData("*/20 * * * 7", "Sun *-*-* *:00,20,40:00")]
    [InlineData("@hourly", "*-*-* *:00:00")]
    [InlineData("@weekly", "Sun *-*-* 00:00:00")]
    public void TryParse_CronExpression_GivesTheSameTimesAsSystemdCalendar(string cron, string onCalendar)
    {
        var schedule = CronSchedule.TryParse(cron, out var error);

        Assert.Null(error);
        Assert.Equal(onCalendar, schedule!.OnCalendar);
        // systemd itself must accept the rendered calendar.
        var info = new ProcessStartInfo("systemd-analyze", ["calendar", schedule.OnCalendar]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
    }

    [Theory]
    [InlineData("* * * *", "five fields")]
    [InlineData("0 24 * * *", "hour '24'")]
    [InlineData("0 0 1 * 1", "not both")]
    [InlineData("0 0 * jan *", "names are not supported")]
    [InlineData("*/0 * * * *", "positive number")]
    public void TryParse_BadExpression_SaysWhy(string cron, string why)
    {
        Assert.Null(CronSchedule.TryParse(cron, out var error));
        Assert.Contains(why, error);
    }

    [Theory]
    [InlineData(60, "0 * * * *")]
    [InlineData(15, "*/15 * * * *")]
    [InlineData(360, "0 */6 * * *")]
    [InlineData(1440, "0 0 * * *")]
    public void FromInterval_Minutes_RunsAtLeastThatOften(int minutes, string cron) =>
        Assert.Equal(cron, CronSchedule.FromInterval(TimeSpan.FromMinutes(minutes)));
}
