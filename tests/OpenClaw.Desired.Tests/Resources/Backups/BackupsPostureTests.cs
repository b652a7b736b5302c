using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Backups;

/// <summary>The backups section's own checks: clear errors with positions, nothing changed.</summary>
public sealed class BackupsPostureTests
{
    [Fact]
    public void Validate_BadBackupsSection_ReportsEachProblemWithItsPosition()
    {
        using var host = ScratchHost.Empty();
        var posture = host.WritePosture(
            """
            apiVersion: openclaw.desired/v1
            tier: basic
            backups:
              git:
                schedule: "61 * * * *"
                primary:
                  url: https://bot:hunter2-secret@git.example.invalid/ws.git
              archives:
                - name: git
                  repository: /srv/restic
                  password:
                    store: RESTIC_PASSWORD
                  paths: [~/.openclaw]
                  schedule: "0 3 1 * 1"
                - name: cloud
                  repository: s3:s3.example.invalid/bucket
                  password: a-literal-password
                  credential:
                    env: NOT_FOR_S3
                  paths: [~/.openclaw]
            """);

        var result = CliRunner.Run("validate", "--posture", posture);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("posture.yaml:5:15: not a usable cron expression: minute '61': values must lie between 0 and 59 (backups.git.schedule)", result.Stderr);
        Assert.Contains("posture.yaml:7:12: the URL holds a password", result.Stderr);
        Assert.Contains("posture.yaml:9:13: 'git' names the workspace repository", result.Stderr);
        Assert.Contains("posture.yaml:14:17: not a usable cron expression: restrict day of month or day of week, not both", result.Stderr);
        Assert.Contains("credential is the password of a rest: server", result.Stderr);
        Assert.Contains("warning: a literal secret in the posture ends up in Git", result.Stderr);
        Assert.DoesNotContain("hunter2-secret", result.All);
        Assert.DoesNotContain("a-literal-password", result.All);
    }

    [Fact]
    public void Validate_ArchiveWithoutPassword_IsRejectedBySchema()
    {
        using var host = ScratchHost.Empty();
        var posture = host.WritePosture(
            """
            apiVersion: openclaw.desired/v1
            tier: basic
            backups:
              archives:
                - name: state
                  repository: /srv/restic
                  paths: [~/.openclaw]
            """);

        var result = CliRunner.Run("validate", "--posture", posture);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("password", result.Stderr);
        Assert.Contains("posture.yaml:5:", result.Stderr);
    }

    [Fact]
    public void Validate_OneRemoteOnly_WarnsThatThreeTwoOneIsNotMet()
    {
        using var host = ScratchHost.Empty();
        var posture = host.WritePosture(
            """
            apiVersion: openclaw.desired/v1
            tier: basic
            backups:
              git:
                primary:
                  url: /srv/git/ws.git
            """);

        var result = CliRunner.Run("validate", "--posture", posture);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: the backups do not meet 3-2-1 (2 copies (3 needed), 1 media (2 needed), 0 offsite (1 needed)", result.Stderr);
    }
}
