using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Tests.Reporting;

public sealed class MarkdownRendererTests
{
    private static RunReport Report(int changes) => new()
    {
        RunId = "20261125T000000000Z-abcdef",
        Mode = "dry-run",
        ToolVersion = "1.0.0",
        StartedAt = DateTimeOffset.UnixEpoch,
        Result = "changes",
        ExitCode = 2,
        Host = new HostInfo("/", "claw", null),
        Changes = Enumerable.Range(0, changes).Select(i => new ChangeReport("agent", $"skills.entries.skill-{i:D5}.enabled", "update", "skills from the allowlist only", "true", "false", "tightens")).ToList(),
        Summary = new ReportSummary { Changes = changes, Tightens = changes },
    };

    [Fact]
    public void Render_SmallPlan_HasSummaryFirstAndCollapsibleDetails()
    {
        var markdown = MarkdownRenderer.Render(Report(3), new SecretRedactor());

        Assert.StartsWith("<!-- openclaw-desired:report -->\n### ", markdown);
        Assert.True(markdown.IndexOf("| changes | 3 |", StringComparison.Ordinal) < markdown.IndexOf("<details", StringComparison.Ordinal));
        Assert.Contains("<summary><b>agent</b>: 3 change(s)</summary>", markdown);
        Assert.Contains("| ✏️ | `skills.entries.skill-00002.enabled` | true → false | tightens |", markdown);
        Assert.DoesNotContain("\n\n\n", markdown);
        Assert.DoesNotContain("more change(s) are not shown", markdown);
    }

    [Fact]
    public void Render_HugePlan_StaysUnderTheLimitWithANote()
    {
        var markdown = MarkdownRenderer.Render(Report(5000), new SecretRedactor());

        Assert.True(markdown.Length <= MarkdownRenderer.MaxLength, $"{markdown.Length} characters");
        Assert.Contains("more change(s) are not shown to keep this comment under the size limit", markdown);
        Assert.Contains("| changes | 5000 |", markdown);
    }

    [Fact]
    public void Render_SecretInAnyField_IsRedacted()
    {
        var redactor = new SecretRedactor();
        redactor.Add("super-secret-value-123");
        var report = Report(1) with { Diagnostics = ["saw super-secret-value-123 here"] };

        var markdown = MarkdownRenderer.Render(report, redactor);

        Assert.DoesNotContain("super-secret-value-123", markdown);
        Assert.Contains("[redacted]", markdown);
    }
}
