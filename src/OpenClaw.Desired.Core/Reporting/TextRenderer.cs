using System.Text;

namespace OpenClaw.Desired.Reporting;

/// <summary>
/// The terminal view: a one-line summary first, then changes grouped by kind with before → after.
/// Colour only when asked (a terminal, no NO_COLOR, no --no-color).
/// </summary>
public sealed class TextRenderer(bool color)
{
    private string Paint(string text, string code) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;

    public string Render(RunReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(SummaryLine(report));
        if (report.Posture?.Source is { } source)
        {
            text.AppendLine(SourceLine(source));
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            text.AppendLine(Paint(diagnostic, diagnostic.Contains(": warning: ", StringComparison.Ordinal) ? "33" : "31"));
        }

        if (report.Interrupted is { } interrupted)
        {
            text.AppendLine(Paint($"! run {interrupted.RunId} was interrupted; each file it was writing is whole:", "33"));
            foreach (var file in interrupted.Files)
            {
                text.AppendLine($"    {file.Path}: {file.Action}");
            }
        }

        if (report.StaleLock is { } stale)
        {
            text.AppendLine(Paint($"! took over a stale lock left by a run that is gone ({stale})", "33"));
        }

        if (report.PostureDiff is { } diff)
        {
            AppendPostureDiff(text, diff);
        }

        foreach (var group in report.Changes.GroupBy(c => c.Kind))
        {
            text.AppendLine();
            text.AppendLine(Paint(group.Key, "1"));
            foreach (var change in group)
            {
                var mark = change.Action switch
                {
                    "create" => Paint("+", "32"),
                    "remove" or "quarantine" => Paint("-", "31"),
                    "manual" => Paint("!", "33"),
                    _ => Paint("~", "36"),
                };
                var effect = change.Effect switch
                {
                    "tightens" => Paint(" [tightens]", "32"),
                    "loosens" => Paint(" [LOOSENS]", "1;31"),
                    _ => string.Empty,
                };
                var outcome = change.Outcome is null ? string.Empty : $"  => {change.Outcome}{(change.Message is null ? string.Empty : $": {change.Message}")}";
                text.AppendLine($"  {mark} {change.Resource}{effect}");
                text.AppendLine($"      {change.Before ?? "unset"} -> {change.After ?? "unset"}");
                text.AppendLine(Paint($"      {change.Reason}{outcome}", "2"));
                if (change.Checks is { Count: > 0 } checks)
                {
                    text.AppendLine(Paint($"      closes OpenClaw audit: {string.Join(", ", checks)}", "2"));
                }
            }
        }

        if (report.Unknowns.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(Paint("unknown (could not be probed; not taken as in sync)", "1;33"));
            foreach (var unknown in report.Unknowns)
            {
                text.AppendLine($"  ? {unknown.Kind}/{unknown.Resource}: {unknown.Reason}");
            }
        }

        if (report.Findings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(Paint("findings", "1"));
            foreach (var finding in report.Findings)
            {
                text.AppendLine($"  {finding.Severity,-8} {finding.Kind}/{finding.Resource} {finding.Location} {finding.Rule}: {finding.Why}");
            }
        }

        if (report.NotConverged.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(Paint("did not converge", "1;31"));
            foreach (var change in report.NotConverged)
            {
                text.AppendLine($"  x {change.Kind}/{change.Resource}: {change.Before} -> {change.After}");
            }
        }

        foreach (var restored in report.Restored)
        {
            text.AppendLine($"  {restored.Action}: {restored.Path}");
        }

        return text.ToString();
    }

    private string SourceLine(SourceInfo source)
    {
        var verification = source.Verification switch
        {
            "not-required" => string.Empty,
            "verified" => Paint($" · signed by {source.SignedBy}", "32"),
            _ => Paint($" · {source.Verification.ToUpperInvariant()}", "1;31"),
        };
        var stale = source.Stale ? Paint($" · STALE: remote unreachable, last fetched {source.StaleFor} ago", "1;33") : string.Empty;
        return Paint($"source {source.Repo} {source.Ref} @ {source.Commit[..12]} · {source.CommitTime.UtcDateTime:yyyy-MM-dd HH:mm}Z · {source.Author}", "2") + verification + stale;
    }

    private void AppendPostureDiff(StringBuilder text, PostureDiffReport diff)
    {
        text.AppendLine();
        text.AppendLine(Paint($"posture change {diff.Base} ({diff.BaseCommit[..12]}) -> {diff.Head} ({diff.HeadCommit[..12]}): {diff.Changes.Count} value(s), {diff.Tightens} tighten, {diff.Loosens} loosen", "1"));
        foreach (var change in diff.Changes)
        {
            var effect = change.Effect switch
            {
                "tightens" => Paint(" [tightens]", "32"),
                "loosens" => Paint(" [LOOSENS]", "1;31"),
                _ => string.Empty,
            };
            text.AppendLine($"  ~ {change.Path}{effect}");
            text.AppendLine($"      {change.Before ?? "unset"} -> {change.After ?? "unset"}");
        }
    }

    public string SummaryLine(RunReport report)
    {
        var s = report.Summary;
        var verdict = report.Result switch
        {
            "in-sync" => Paint("in sync", "1;32"),
            "applied" => Paint("applied", "1;32"),
            "rolled-back" => Paint("rolled back", "1;32"),
            "changes" => Paint("changes pending", "1;36"),
            "loosens" => Paint("LOOSENS posture", "1;31"),
            "unknown" => Paint("unknown state", "1;33"),
            _ => Paint(report.Result, "1;31"),
        };
        var tier = report.Posture is null ? string.Empty : $" · tier {report.Posture.Tier}";
        var applied = report.Mode == "apply" ? $", {s.Applied} applied, {s.Failed} failed, {s.NotConverged} not converged" : string.Empty;
        return $"{verdict}{tier} · {s.Changes} change(s) ({s.Tightens} tighten, {s.Loosens} loosen), {s.Manual} manual, {s.Unknown} unknown{applied} · {report.Mode} {report.RunId} · {report.Timings.TotalMs:0} ms";
    }
}
