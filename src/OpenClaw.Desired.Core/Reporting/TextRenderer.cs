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
                var waived = change.Waived is { } w ? Paint($" [waived until {w.Until}]", "35") : string.Empty;
                var outcome = change.Outcome is null ? string.Empty : $"  => {change.Outcome}{(change.Message is null ? string.Empty : $": {change.Message}")}";
                text.AppendLine($"  {mark} {change.Resource}{effect}{waived}");
                text.AppendLine($"      {change.Before ?? "unset"} -> {change.After ?? "unset"}");
                text.AppendLine(Paint($"      {change.Reason}{outcome}", "2"));
                if (change.Checks is { Count: > 0 } checks)
                {
                    text.AppendLine(Paint($"      closes OpenClaw audit: {string.Join(", ", checks)}", "2"));
                }

                if (change.Waived is { } info)
                {
                    text.AppendLine(Paint($"      not applied: waived by {info.Owner}: {info.Reason}", "35"));
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
                var waived = finding.Waived is { } w ? Paint($" [waived until {w.Until} by {w.Owner}: {w.Reason}]", "35") : string.Empty;
                text.AppendLine($"  {finding.Severity,-8} {finding.Kind}/{finding.Resource} {finding.Location} {finding.Rule}: {finding.Why}{waived}");
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

        if (report.Waivers.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(Paint("waivers", "1"));
            foreach (var waiver in report.Waivers)
            {
                var status = waiver.Status switch
                {
                    "expired" => Paint("EXPIRED", "1;31"),
                    "stale" => Paint("stale", "33"),
                    _ => Paint("active", "35"),
                };
                text.AppendLine($"  {status} {waiver.Match} until {waiver.Until} ({waiver.Owner}): {waiver.Reason}; matched {waiver.Matched}");
            }
        }

        foreach (var restored in report.Restored)
        {
            text.AppendLine($"  {restored.Action}: {restored.Path}");
        }

        AppendScore(text, report.Score);
        AppendConnections(text, report.Connections);
        return text.ToString();
    }

    private void AppendScore(StringBuilder text, ScoreReport? score)
    {
        if (score is null)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(Paint($"score {ScoreText.Short(score)}", score.BelowTarget ? "1;33" : "1;32"));
        text.AppendLine($"  {string.Join(" · ", ScoreText.Categories(score))}");
        foreach (var (category, criterion) in score.Missing)
        {
            var after = ScoreText.MetAfter(score, criterion.Id) == true ? Paint(" (met after the plan)", "32") : string.Empty;
            text.AppendLine($"  {(criterion.Met is null ? "?" : "-")} {criterion.Id} (-{criterion.Weight}){after}: {criterion.Why}");
            text.AppendLine(Paint($"      earn it back: {criterion.EarnBack}", "2"));
        }
    }

    private void AppendConnections(StringBuilder text, ConnectionsReport? connections)
    {
        if (connections is null)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(Paint($"refused outbound: {connections.RefusedPackets} packet(s) since the table was loaded", "1"));
        foreach (var top in connections.Top)
        {
            text.AppendLine($"  {top.Packets,8}  {top.Address}:{top.Port}");
        }
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

    /// <summary>
    /// The --quiet view: the summary line and, when the run did not end well, why: every error, what failed, what
    /// did not converge, what could not be seen, expired waivers. Never the chatter, never without the reason.
    /// </summary>
    public string Quiet(RunReport report)
    {
        var text = new StringBuilder().AppendLine(SummaryLine(report));
        if (report.ExitCode is ExitCodes.Ok or ExitCodes.Changes)
        {
            return text.ToString();
        }

        foreach (var diagnostic in report.Diagnostics.Where(d => !d.Contains(": warning: ", StringComparison.Ordinal)))
        {
            text.AppendLine(Paint(diagnostic, "31"));
        }

        foreach (var change in report.Changes.Where(c => c.Outcome is "failed" or "stalled" or "waiting"))
        {
            text.AppendLine($"  x {change.Id}: {change.Outcome}{(change.Message is null ? string.Empty : ": " + change.Message)}");
        }

        foreach (var change in report.Changes.Where(c => c.Effect == "loosens" && c.Waived is null && report.ExitCode == ExitCodes.Loosens))
        {
            text.AppendLine($"  ! {change.Id} LOOSENS posture: {change.Before ?? "unset"} -> {change.After ?? "unset"}");
        }

        foreach (var change in report.NotConverged)
        {
            text.AppendLine($"  x {change.Id} did not converge: {change.Before ?? "unset"} -> {change.After ?? "unset"}");
        }

        foreach (var unknown in report.Unknowns)
        {
            text.AppendLine($"  ? {unknown.Kind}/{unknown.Resource}: {unknown.Reason}");
        }

        return text.ToString();
    }

    public string SummaryLine(RunReport report)
    {
        var s = report.Summary;
        var verdict = Verdict(report.Result) is var (word, colour) ? Paint(word, colour) : string.Empty;
        var tier = report.Posture is null ? string.Empty : $" · tier {report.Posture.Tier}";
        var score = report.Score is { } sc ? $" · score {ScoreText.Short(sc)}" : string.Empty;
        var waived = s.Waived > 0 ? $", {s.Waived} waived" : string.Empty;
        var waiting = s.Waiting > 0 ? $", {s.Waiting} awaiting confirmation" : string.Empty;
        var applied = report.Mode == "apply" ? $", {s.Applied} applied, {s.Failed} failed{waiting}, {s.NotConverged} not converged" : string.Empty;
        return $"{verdict}{tier} · {s.Changes} change(s) ({s.Tightens} tighten, {s.Loosens} loosen), {s.Manual} manual, {s.Unknown} unknown{waived}{applied}{score} · {report.Mode} {report.RunId} · {report.Timings.TotalMs:0} ms";
    }

    /// <summary>The word for a result, the same in every format, and its colour.</summary>
    public static (string Word, string Colour) Verdict(string result) => result switch
    {
        "in-sync" => ("in sync", "1;32"),
        "applied" => ("applied", "1;32"),
        "rolled-back" => ("rolled back", "1;32"),
        "changes" => ("changes pending", "1;36"),
        "loosens" => ("LOOSENS posture", "1;31"),
        "unknown" => ("unknown state", "1;33"),
        "not-converged" => ("not converged", "1;31"),
        "awaiting-confirmation" => ("awaiting confirmation", "1;33"),
        "expired-waiver" => ("EXPIRED WAIVER", "1;31"),
        "declined" => ("not applied: declined", "1;33"),
        "refused" => ("refused", "1;31"),
        "failed" => ("failed", "1;31"),
        "below-target" => ("BELOW SCORE TARGET", "1;33"),
        _ => (result, "1;31"),
    };
}
