using System.Globalization;
using System.Net;
using System.Text;
using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Reporting;

/// <summary>
/// The report as one self-contained HTML page to send to a team: no script, font, image or stylesheet from
/// anywhere (a Content-Security-Policy forbids them), readable offline and on a phone. Summary first (state,
/// score once there is one, counts), then problems, the posture change of a pull request, changes per kind with
/// before → after and tighten/loosen, manual actions, unknowns, findings and waivers, each in a collapsible
/// section. Every value is scrubbed of secrets first and then HTML-escaped, so a value is always shown as text.
/// </summary>
public sealed partial class HtmlRenderer(SecretRedactor redactor)
{
    private readonly StringBuilder _html = new();

    public static string Render(RunReport report, SecretRedactor redactor) => new HtmlRenderer(redactor).Page(report);

    private string E(string? value) => WebUtility.HtmlEncode(redactor.Redact(value ?? string.Empty));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private string Page(RunReport report)
    {
        var (verdict, _) = TextRenderer.Verdict(report.Result);
        var subject = report.Posture is { } p ? $" · {p.Tier} · {p.Path}" : string.Empty;
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"generator\" content=\"openclaw-desired ").Append(E(report.ToolVersion)).Append("\">\n")
            .Append("<title>OpenClaw.Desired: ").Append(E(verdict + subject)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        Header(report, verdict);
        Summary(report);
        Problems(report);
        PostureDiff(report);
        Changes(report);
        Manual(report);
        Unknowns(report);
        NotConverged(report);
        Findings(report);
        Score(report);
        Connections(report);
        Waivers(report);
        _html.Append("<footer>run ").Append(E(report.RunId)).Append(" · ").Append(E(report.Mode)).Append(" · openclaw-desired ")
            .Append(E(report.ToolVersion)).Append(" · ").Append(report.Timings.TotalMs.ToString("0", CultureInfo.InvariantCulture)).Append(" ms</footer>\n</body>\n</html>\n");
        return redactor.Redact(_html.ToString());
    }

    private void Header(RunReport report, string verdict)
    {
        _html.Append("<header class=\"state state-").Append(E(report.Result)).Append("\">\n<h1 id=\"verdict\">").Append(E(verdict)).Append("</h1>\n<p class=\"meta\">");
        if (report.Posture is { } posture)
        {
            _html.Append("tier <b>").Append(E(posture.Tier)).Append("</b> · posture <code>").Append(E(posture.Path)).Append("</code> · digest <code>")
                .Append(E(posture.Digest.Length > 19 ? posture.Digest[..19] + "…" : posture.Digest)).Append("</code>");
            if (posture.Source is { } source)
            {
                _html.Append(" · commit <code>").Append(E(source.Commit[..Math.Min(12, source.Commit.Length)])).Append("</code> of <code>").Append(E(source.Repo)).Append("</code>");
            }

            _html.Append("<br>");
        }

        _html.Append("host <code>").Append(E(report.Host.Root)).Append("</code>")
            .Append(report.Host.OpenClawUser is { } user ? $" · OpenClaw user <code>{E(user)}</code>" : string.Empty)
            .Append(" · ").Append(E(report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("Z</p>\n</header>\n");
    }

    private void Summary(RunReport report)
    {
        var s = report.Summary;
        _html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"counts\">\n");
        if (report.Score is { } score)
        {
            Count("score", ScoreText.Number(score.Overall) + "/10", score.BelowTarget ? "score warn" : "score");
            if (score.After is { } after)
            {
                Count("score after the plan", ScoreText.Number(after.Overall), after.BelowTarget ? "score-after warn" : "score-after");
            }
        }

        Count("changes", N(s.Changes), "changes");
        Count("tighten", N(s.Tightens), "tightens");
        Count("loosen", N(s.Loosens), s.Loosens > 0 ? "loosens bad" : "loosens");
        Count("manual", N(s.Manual), "manual");
        Count("unknown", N(s.Unknown), s.Unknown > 0 ? "unknown warn" : "unknown");
        Count("findings", N(report.Findings.Count), "findings");
        Count("waived", N(s.Waived), "waived");
        if (report.Mode == "apply")
        {
            Count("applied", N(s.Applied), "applied");
            Count("failed", N(s.Failed), s.Failed > 0 ? "failed bad" : "failed");
            Count("awaiting confirmation", N(s.Waiting), "waiting");
            Count("not converged", N(s.NotConverged), s.NotConverged > 0 ? "not-converged bad" : "not-converged");
        }

        _html.Append("</dl>\n<p class=\"line\">").Append(E(new TextRenderer(color: false).SummaryLine(report))).Append("</p>\n</section>\n");
    }

    private void Count(string label, string value, string id)
    {
        var name = id.Split(' ')[0];
        _html.Append("<div class=\"count ").Append(id).Append("\"><dt>").Append(E(label)).Append("</dt><dd id=\"count-").Append(name).Append("\">").Append(E(value)).Append("</dd></div>\n");
    }

    private void Open(string id, string title, int count, bool open, string? note = null)
    {
        _html.Append("<section id=\"").Append(id).Append("\">\n<details").Append(open ? " open" : string.Empty).Append(">\n<summary><h2>")
            .Append(E(title)).Append(" <span class=\"n\">").Append(N(count)).Append("</span>").Append(note ?? string.Empty).Append("</h2></summary>\n");
    }

    private void Close() => _html.Append("</details>\n</section>\n");
}
