using System.Text.Json;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Reporting;

/// <summary>The HTML report in a real browser (Debian's headless Chromium): it renders, it says what the JSON says, it escapes.</summary>
public sealed class HtmlReportTests
{
    [Fact]
    public async Task DryRunReport_RendersInChromiumWithTitleAndCounts()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly() + $"waivers:\n  - match: agent/browser.noSandbox\n    reason: kernel lacks namespaces\n    owner: ops\n    until: {DateTime.UtcNow.AddDays(3):yyyy-MM-dd}\n");
        var page = Path.Combine(host.Folder, "report.html");

        var run = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "-o", "json", "--report", page)]);
        var summary = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("summary");
        var png = await Chromium.ScreenshotAsync(page, Path.Combine(host.Folder, "report.png"));
        var dom = await Chromium.DumpDomAsync(page);

        var (width, height, colours) = Png.Read(png);
        Assert.Equal((412, 915), (width, height));
        Assert.True(colours > 16, $"the screenshot looks blank ({colours} colours)");
        Assert.Contains("<title>OpenClaw.Desired: changes pending · standard · ", dom);
        Assert.Contains($"id=\"count-changes\">{summary.GetProperty("changes").GetInt32()}</dd>", dom);
        Assert.Contains($"id=\"count-tightens\">{summary.GetProperty("tightens").GetInt32()}</dd>", dom);
        Assert.Contains($"id=\"count-manual\">{summary.GetProperty("manual").GetInt32()}</dd>", dom);
        Assert.Contains("id=\"count-waived\">1</dd>", dom);
        Assert.Contains("kernel lacks namespaces", dom);
        Assert.Contains("<details", dom);
        foreach (var section in new[] { "summary", "changes", "manual", "findings", "waivers" })
        {
            Assert.Contains($"<section id=\"{section}\">", dom);
        }
    }

    [Fact]
    public async Task BlankPage_IsSeenAsBlank_SoTheRenderCheckCanFail()
    {
        using var host = ScratchHost.Empty();
        var page = Path.Combine(host.Folder, "blank.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body style=\"background:#fff\"></body></html>");

        var (_, _, colours) = Png.Read(await Chromium.ScreenshotAsync(page, Path.Combine(host.Folder, "blank.png")));

        Assert.True(colours <= 2, $"{colours} colours on a blank page");
    }

    [Fact]
    public async Task Values_WithMarkup_AreShownAsTextNeverRun()
    {
        using var host = ScratchHost.Empty();
        const string script = "<script>document.title='pwned'</script>";
        var report = new RunReport
        {
            RunId = "20261129T000000000Z-abcdef",
            Mode = "dry-run",
            ToolVersion = "1",
            StartedAt = DateTimeOffset.UnixEpoch,
            Result = "changes",
            ExitCode = 2,
            Host = new HostInfo("/", "claw\"><img src=x onerror=alert(1)>", null),
            Changes = [new ChangeReport("agent", script, "update", "why <b>bold</b> & co", "a", "<iframe src=//evil>", "tightens")],
            Findings = [new FindingReport("skills", "skill/x", "rule", "high", "x.md:1", "</li></ul><script>alert(2)</script>")],
            Diagnostics = ["posture.yaml:1:1: <marquee>"],
        };
        var page = Path.Combine(host.Folder, "report.html");
        File.WriteAllText(page, HtmlRenderer.Render(report, new SecretRedactor()));

        var dom = await Chromium.DumpDomAsync(page);

        Assert.Contains("<title>OpenClaw.Desired: changes pending</title>", dom);
        Assert.DoesNotContain("pwned", dom[..dom.IndexOf("</title>", StringComparison.Ordinal)]);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<marquee", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;", dom);
        Assert.Contains("why &lt;b&gt;bold&lt;/b&gt; &amp; co", dom);
    }

    [Fact]
    public void Page_IsSelfContained_NoScriptFontImageOrStylesheetFromAnywhere()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());

        var html = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "-o", "html")]).Stdout;

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"", html);
        foreach (var external in new[] { "<script", "<link", "<img", "src=", "href=", "url(", "@import", "@font-face" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
