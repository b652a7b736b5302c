using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Tests.Resources.Backups;

public sealed class ScheduleFilesTests
{
    private static readonly BackupsDesired Desired = new(
        "systemd",
        null,
        new ValueList<ArchiveDesired>([new ArchiveDesired("state", "/srv/restic", new("pw", null, null, null), null, ValueList<KeyValuePair<string, global::OpenClaw.Desired.Posture.SecretRef>>.Empty,
            new ValueList<string>(["/home/claw/.openclaw"]), "0 * * * *", TimeSpan.FromHours(2), false, null)]),
        new VerifyDesired("30 3 * * *", "45 3 * * 0", TimeSpan.FromDays(8), null));

    [Fact]
    public void Render_Systemd_QuotesPathsAndEscapesPercent()
    {
        var files = ScheduleFiles.Render(Desired, new ScheduleContext("systemd", "/etc/open claw/100%.yaml", "/", "/var/lib/openclaw-desired"));

        Assert.Equal(6, files.Count);
        var service = files.Single(f => f.Name == "openclaw-desired-backup-state.service").Content;
        Assert.Contains("ExecStart=openclaw-desired backup run state --posture \"/etc/open claw/100%%.yaml\" --root / --state-dir /var/lib/openclaw-desired\n", service);
        var timer = files.Single(f => f.Name == "openclaw-desired-check-state.timer");
        Assert.True(timer.IsTimer);
        Assert.Contains("OnCalendar=*-*-* 03:30:00\n", timer.Content);
        Assert.Contains("Unit=openclaw-desired-check-state.service\n", timer.Content);
    }

    [Fact]
    public void Render_Cron_OneFileWithShellQuotingAndEscapedPercent()
    {
        var file = Assert.Single(ScheduleFiles.Render(Desired, new ScheduleContext("cron", "/etc/open claw/100%.yaml", "/", "/var/lib/openclaw-desired")));

        Assert.Equal("/etc/cron.d/openclaw-desired-backups", file.HostPath);
        Assert.Contains("\n45 3 * * 0 root openclaw-desired backup verify state --posture '/etc/open claw/100\\%.yaml' --root / --state-dir /var/lib/openclaw-desired >/dev/null 2>&1\n", file.Content);
        Assert.Contains("\n30 3 * * * root openclaw-desired backup verify state --check-only --posture", file.Content);
    }

    [Theory]
    [InlineData("rest:http://tester:s3cret@127.0.0.1:8000/claw", "rest:http://tester:***@127.0.0.1:8000/claw")]
    [InlineData("/srv/backup/restic", "/srv/backup/restic")]
    [InlineData("s3:s3.example.invalid/bucket", "s3:s3.example.invalid/bucket")]
    public void Display_RepositoryUrl_MasksThePassword(string repository, string shown) =>
        Assert.Equal(shown, ResticRepository.Display(repository));

    [Fact]
    public void WithCredential_RestUrl_PutsThePasswordIntoTheUserInfo() =>
        Assert.Equal("rest:http://tester:p%40ss%2Fword@127.0.0.1:8000/claw", ResticRepository.WithCredential("rest:http://tester@127.0.0.1:8000/claw", "p@ss/word"));
}
