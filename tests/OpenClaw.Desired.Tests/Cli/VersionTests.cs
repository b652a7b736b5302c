using System.Text.RegularExpressions;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Cli;

public sealed class VersionTests
{
    [Fact]
    public void Version_PrintsVersionCommitAndBuildDate()
    {
        var result = CliRunner.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ToolInfo.Describe() + "\n", result.Stdout);
        // Built in a Git checkout: the full commit id; the date is the build's (or SOURCE_DATE_EPOCH's).
        Assert.Matches(new Regex(@"^openclaw-desired \d+\.\d+\.\d+\S* \(commit [0-9a-f]{40}, built \d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?\)$"), result.Stdout.Trim());
    }

    [Fact]
    public void ReportToolVersion_IsTheVersionWithoutTheCommit() =>
        Assert.DoesNotContain("+", ToolInfo.Version);
}
