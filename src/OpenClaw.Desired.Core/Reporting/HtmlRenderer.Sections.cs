namespace OpenClaw.Desired.Reporting;

/// <summary>The sections of the HTML report, after the summary.</summary>
public sealed partial class HtmlRenderer
{
    private void Problems(RunReport report)
    {
        if (report.Diagnostics.Count == 0)
        {
            return;
        }

        Open("problems", "Problems", report.Diagnostics.Count, open: true);
        _html.Append("<ul class=\"problems\">\n");
        foreach (var line in report.Diagnostics)
        {
            var warning = line.Contains(": warning: ", StringComparison.Ordinal);
            _html.Append("<li class=\"").Append(warning ? "warn" : "bad").Append("\"><code>").Append(E(line)).Append("</code></li>\n");
        }

        _html.Append("</ul>\n");
        Close();
    }

    private void PostureDiff(RunReport report)
    {
        if (report.PostureDiff is not { } diff)
        {
            return;
        }

        Open("posture-diff", "Posture change", diff.Changes.Count, open: true, $" <span class=\"note\">{E(diff.Base)} → {E(diff.Head)}: {N(diff.Tightens)} tighten, {N(diff.Loosens)} loosen</span>");
        foreach (var change in diff.Changes)
        {
            Card(change.Path, null, change.Before, change.After, change.Effect, null, null, null);
        }

        Close();
    }

    private void Changes(RunReport report)
    {
        var automatic = report.Changes.Where(c => c.Action != "manual").ToList();
        Open("changes", "Changes", automatic.Count(c => c.Waived is null), open: true, automatic.Any(c => c.Waived is not null) ? $" <span class=\"note\">+ {N(automatic.Count(c => c.Waived is not null))} waived</span>" : null);
        if (automatic.Count == 0)
        {
            _html.Append("<p class=\"empty\">Nothing to change.</p>\n");
        }

        foreach (var group in automatic.GroupBy(c => c.Kind))
        {
            var loosens = group.Count(c => c.Effect == "loosens" && c.Waived is null);
            _html.Append("<details class=\"kind\"").Append(loosens > 0 || group.Count() <= 8 ? " open" : string.Empty).Append(">\n<summary><h3>").Append(E(group.Key))
                .Append(" <span class=\"n\">").Append(N(group.Count())).Append("</span>")
                .Append(loosens > 0 ? $" <span class=\"badge loosens\">{N(loosens)} loosen</span>" : string.Empty).Append("</h3></summary>\n");
            foreach (var change in group)
            {
                Card(change.Resource, change.Action, change.Before, change.After, change.Effect, change.Reason, change.Outcome is null ? null : change.Outcome + (change.Message is null ? string.Empty : ": " + change.Message), change.Waived);
            }

            _html.Append("</details>\n");
        }

        Close();
    }

    private void Manual(RunReport report)
    {
        var manual = report.Changes.Where(c => c.Action == "manual").ToList();
        if (manual.Count == 0)
        {
            return;
        }

        Open("manual", "Manual actions", manual.Count, open: true);
        foreach (var change in manual)
        {
            Card($"{change.Kind}/{change.Resource}", null, change.Before, change.After, change.Effect, change.Reason, null, change.Waived);
        }

        Close();
    }

    private void Unknowns(RunReport report)
    {
        if (report.Unknowns.Count == 0)
        {
            return;
        }

        Open("unknowns", "Unknown: could not be probed", report.Unknowns.Count, open: true);
        _html.Append("<ul>\n");
        foreach (var unknown in report.Unknowns)
        {
            _html.Append("<li><code>").Append(E($"{unknown.Kind}/{unknown.Resource}")).Append("</code>: ").Append(E(unknown.Reason)).Append("</li>\n");
        }

        _html.Append("</ul>\n");
        Close();
    }

    private void NotConverged(RunReport report)
    {
        if (report.NotConverged.Count == 0)
        {
            return;
        }

        Open("not-converged", "Did not converge", report.NotConverged.Count, open: true);
        foreach (var change in report.NotConverged)
        {
            Card($"{change.Kind}/{change.Resource}", change.Action, change.Before, change.After, change.Effect, change.Reason, null, null);
        }

        Close();
    }

    private void Findings(RunReport report)
    {
        if (report.Findings.Count == 0)
        {
            return;
        }

        Open("findings", "Findings", report.Findings.Count, open: report.Findings.Count <= 20);
        _html.Append("<ul class=\"findings\">\n");
        foreach (var finding in report.Findings)
        {
            _html.Append("<li><span class=\"badge sev-").Append(E(finding.Severity)).Append("\">").Append(E(finding.Severity)).Append("</span> <code>")
                .Append(E($"{finding.Kind}/{finding.Resource}")).Append("</code> <code>").Append(E(finding.Location)).Append("</code> <b>").Append(E(finding.Rule))
                .Append("</b>: ").Append(E(finding.Why));
            if (finding.Fingerprint is { } fingerprint)
            {
                _html.Append(" <span class=\"fp\">").Append(E(fingerprint)).Append("</span>");
            }

            Waived(finding.Waived);
            _html.Append("</li>\n");
        }

        _html.Append("</ul>\n");
        Close();
    }

    private void Waivers(RunReport report)
    {
        if (report.Waivers.Count == 0)
        {
            return;
        }

        Open("waivers", "Waivers", report.Waivers.Count, open: report.Waivers.Any(w => w.Status != "active"));
        _html.Append("<ul class=\"waivers\">\n");
        foreach (var waiver in report.Waivers)
        {
            _html.Append("<li><span class=\"badge waiver-").Append(E(waiver.Status)).Append("\">").Append(E(waiver.Status)).Append("</span> <code>").Append(E(waiver.Match)).Append("</code>")
                .Append(waiver.Path is { } path ? $" under <code>{E(path)}</code>" : string.Empty)
                .Append(" until <b>").Append(E(waiver.Until)).Append("</b>, ").Append(E(waiver.Owner)).Append(": ").Append(E(waiver.Reason))
                .Append(" <span class=\"note\">matched ").Append(N(waiver.Matched)).Append(" · ").Append(E(waiver.Where)).Append("</span></li>\n");
        }

        _html.Append("</ul>\n");
        Close();
    }

    private void Card(string title, string? action, string? before, string? after, string effect, string? reason, string? outcome, WaivedInfo? waived)
    {
        _html.Append("<div class=\"change").Append(waived is null ? string.Empty : " is-waived").Append("\">\n<div class=\"title\"><code>").Append(E(title)).Append("</code>");
        if (action is not null)
        {
            _html.Append(" <span class=\"badge\">").Append(E(action)).Append("</span>");
        }

        if (effect is "tightens" or "loosens")
        {
            _html.Append(" <span class=\"badge ").Append(effect).Append("\">").Append(effect == "loosens" ? "LOOSENS" : "tightens").Append("</span>");
        }

        _html.Append("</div>\n<div class=\"diff\"><span class=\"before\">").Append(E(before ?? "unset")).Append("</span> <span class=\"arrow\">→</span> <span class=\"after\">")
            .Append(E(after ?? "unset")).Append("</span></div>\n");
        if (reason is not null)
        {
            _html.Append("<div class=\"why\">").Append(E(reason)).Append("</div>\n");
        }

        if (outcome is not null)
        {
            _html.Append("<div class=\"outcome\">⇒ ").Append(E(outcome)).Append("</div>\n");
        }

        Waived(waived);
        _html.Append("</div>\n");
    }

    private void Waived(WaivedInfo? waived)
    {
        if (waived is not null)
        {
            _html.Append("<div class=\"waived\">waived until <b>").Append(E(waived.Until)).Append("</b> by ").Append(E(waived.Owner)).Append(": ").Append(E(waived.Reason)).Append("; not applied, not counted</div>\n");
        }
    }

    private const string Css = """

        :root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#57606a;--line:#d0d7de;--good:#1a7f37;--bad:#cf222e;--warn:#9a6700;--waive:#8250df;--card:#f6f8fa}
        @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#8d96a0;--line:#30363d;--card:#161b22}}
        *{box-sizing:border-box}body{margin:0 auto;max-width:60rem;padding:1rem;font:16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
        code{font-family:ui-monospace,monospace;font-size:.9em}h1{margin:.2rem 0;font-size:1.6rem}h2{display:inline;font-size:1.2rem}h3{display:inline;font-size:1.05rem}
        header{border-left:.4rem solid var(--muted);padding:.3rem .8rem;margin-bottom:1rem}.state-in-sync,.state-applied,.state-rolled-back{border-color:var(--good)}
        .state-loosens,.state-failed,.state-error,.state-expired-waiver,.state-not-converged,.state-refused{border-color:var(--bad)}.state-unknown,.state-changes,.state-awaiting-confirmation,.state-declined,.state-below-target{border-color:var(--warn)}
        .meta,.note,.line,footer,.fp{color:var(--muted);font-size:.85rem}section{margin:1rem 0}details>summary{cursor:pointer;padding:.3rem 0}
        .counts{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}.count{flex:1 1 6.5rem;border:1px solid var(--line);border-radius:.4rem;padding:.4rem .6rem;background:var(--card)}
        .count dt{font-size:.8rem;color:var(--muted)}.count dd{margin:0;font-size:1.5rem;font-weight:600}.count.bad dd{color:var(--bad)}.count.warn dd{color:var(--warn)}
        .n{display:inline-block;min-width:1.6rem;padding:0 .4rem;border-radius:1rem;background:var(--card);border:1px solid var(--line);font-size:.85rem;text-align:center}
        .change{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .7rem;margin:.5rem 0;background:var(--card)}.change.is-waived{border-style:dashed;opacity:.85}
        .diff{margin:.3rem 0}.before{text-decoration:line-through;color:var(--muted)}.after{font-weight:600}.why,.outcome{font-size:.9rem}.waived{color:var(--waive);font-size:.9rem}
        .badge{display:inline-block;padding:0 .45rem;border-radius:.3rem;border:1px solid var(--line);font-size:.75rem;text-transform:uppercase}
        .badge.loosens,.sev-critical,.sev-high,.waiver-expired{color:#fff;background:var(--bad);border-color:var(--bad)}.badge.tightens{color:var(--good);border-color:var(--good)}
        .sev-medium,.waiver-stale{color:var(--warn);border-color:var(--warn)}.waiver-active{color:var(--waive);border-color:var(--waive)}
        table.score{border-collapse:collapse}table.score td,table.score th{border-bottom:1px solid var(--line);padding:.2rem .8rem;text-align:left}.num{text-align:right}
        ul{padding-left:1.2rem}li{margin:.3rem 0}.problems .bad{color:var(--bad)}.problems .warn{color:var(--warn)}.empty{color:var(--muted)}
        """;
}
