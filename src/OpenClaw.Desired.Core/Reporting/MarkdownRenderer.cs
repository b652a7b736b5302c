using System.Globalization;
using Scriban;
using Scriban.Runtime;
using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Reporting;

/// <summary>
/// The pull-request view, from a Scriban template: summary first, changes per kind in collapsible blocks,
/// kept under <see cref="MaxLength"/> characters (GitHub's comment limit is 65,535) with a note when cut.
/// </summary>
public static class MarkdownRenderer
{
    public const int MaxLength = 60_000;
    private const int MaxDiffRows = 200;
    private static readonly Lazy<Template> Template = new(() =>
    {
        using var stream = typeof(MarkdownRenderer).Assembly.GetManifestResourceStream("report.md.scriban")!;
        using var reader = new StreamReader(stream);
        var template = Scriban.Template.Parse(reader.ReadToEnd());
        return template.HasErrors ? throw new InvalidOperationException(string.Join("; ", template.Messages)) : template;
    });

    public static string Render(RunReport report, SecretRedactor redactor)
    {
        var shown = report.Changes.Count;
        while (true)
        {
            var text = redactor.Redact(RenderWith(report, shown));
            if (text.Length <= MaxLength || shown == 0)
            {
                return text.Length <= MaxLength ? text : text[..(MaxLength - 40)] + "\n\n> (cut to stay under the size limit)\n";
            }

            // Shrink in proportion to the overshoot, then a little more, so this ends in a few rounds.
            shown = Math.Max(0, Math.Min(shown - 1, (int)(shown * (MaxLength / (double)text.Length) * 0.95)));
        }
    }

    private static string RenderWith(RunReport report, int shown)
    {
        var changes = report.Changes.Take(shown).ToList();
        var findings = Items(report.Findings, f => Members(
            ("Severity", f.Severity),
            ("Kind", f.Kind),
            ("Resource", Cell(f.Resource)),
            ("Location", Cell(f.Location)),
            ("Rule", f.Rule),
            ("Why", Cell(f.Why)),
            ("Fingerprint", f.Fingerprint),
            ("Waived", f.Waived is { } w ? Cell($"waived until {w.Until} by {w.Owner}: {w.Reason}") : null)));
        var globals = Members(
            ("Report", Members(
                ("RunId", report.RunId),
                ("Mode", report.Mode),
                ("ToolVersion", report.ToolVersion),
                ("Summary", Members(
                    ("Changes", report.Summary.Changes),
                    ("Tightens", report.Summary.Tightens),
                    ("Loosens", report.Summary.Loosens),
                    ("Manual", report.Summary.Manual),
                    ("Unknown", report.Summary.Unknown),
                    ("Applied", report.Summary.Applied),
                    ("Failed", report.Summary.Failed),
                    ("NotConverged", report.Summary.NotConverged),
                    ("Waiting", report.Summary.Waiting),
                    ("Waived", report.Summary.Waived))),
                ("Posture", report.Posture is { } posture ? Members(
                    ("Path", posture.Path),
                    ("Digest", posture.Digest),
                    ("Tier", posture.Tier),
                    ("Source", posture.Source is { } origin ? Members(("Repo", origin.Repo), ("Ref", origin.Ref)) : null)) : null),
                ("Diagnostics", Items(report.Diagnostics, d => d)),
                ("Unknowns", Items(report.Unknowns, u => Members(("Kind", u.Kind), ("Resource", u.Resource), ("Reason", u.Reason)))),
                ("Findings", findings))),
            ("Icon", report.Result switch
            {
                "in-sync" or "applied" or "rolled-back" => "✅",
                "changes" or "awaiting-confirmation" or "declined" => "📝",
                "loosens" => "⚠️",
                _ => "❌",
            }),
            ("Headline", report.Result switch
            {
                "in-sync" => "host is in sync",
                "loosens" => "this change LOOSENS posture",
                "unknown" => "some state could not be seen",
                var other => TextRenderer.Verdict(other).Word,
            }),
            ("SummaryLine", new TextRenderer(color: false).SummaryLine(report)),
            ("Groups", Items(changes.GroupBy(c => c.Kind), g => Members(
                ("Kind", g.Key),
                ("Open", g.Any(c => c.Effect == "loosens")),
                ("Loosens", g.Count(c => c.Effect == "loosens")),
                ("Changes", Items(g, c => Members(
                    ("Mark", c.Action switch { "create" => "➕", "manual" => "✋", "remove" or "quarantine" => "➖", _ => "✏️" }),
                    ("Resource", Cell(c.Resource)),
                    ("Before", Cell(c.Before ?? "unset")),
                    ("After", Cell(c.After ?? "unset")),
                    ("Effect", c.Effect == "loosens" ? "**loosens**" : c.Effect),
                    ("Reason", Cell(c.Reason) + (c.Checks is { Count: > 0 } checks ? Cell($" · closes {string.Join(", ", checks.Select(id => $"`{id}`"))}") : string.Empty)),
                    ("Outcome", c.Outcome),
                    ("Waived", c.Waived is { } w ? Cell($"waived until {w.Until} by {w.Owner}: {w.Reason}") : null))))))),
            ("Omitted", report.Changes.Count - shown),
            ("Source", report.Posture?.Source is { } source ? Members(
                ("Short", source.Commit[..12]),
                ("Time", source.CommitTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z"),
                ("Author", Cell(source.Author)),
                ("Files", string.Join(", ", source.Files.Select(f => $"`{f}`"))),
                ("Signature", source.Verification switch
                {
                    "not-required" => string.Empty,
                    "verified" => $" · ✅ signed by `{source.SignedBy}`",
                    _ => $" · ❌ **{source.Verification}**",
                }),
                ("Stale", source.Stale ? $" · ⚠️ **stale**: the remote did not answer; last fetched {source.StaleFor} ago" : string.Empty)) : null),
            ("Diff", report.PostureDiff is { } diff ? Members(
                ("Range", $"`{Cell(diff.Base)}` ({diff.BaseCommit[..12]}) → `{Cell(diff.Head)}` ({diff.HeadCommit[..12]})"),
                ("Tightens", diff.Tightens),
                ("Loosens", diff.Loosens),
                ("Count", diff.Changes.Count),
                ("Rows", Items(diff.Changes.Take(MaxDiffRows), c => Members(
                    ("Path", Cell(c.Path)),
                    ("Before", Cell(c.Before ?? "unset")),
                    ("After", Cell(c.After ?? "unset")),
                    ("Effect", c.Effect == "loosens" ? "**loosens**" : c.Effect)))),
                ("Omitted", Math.Max(0, diff.Changes.Count - MaxDiffRows))) : null),
            ("Findings", findings),
            ("Waivers", Items(report.Waivers, w => Members(
                ("Status", w.Status),
                ("Match", Cell(w.Match)),
                ("Until", w.Until),
                ("Owner", Cell(w.Owner)),
                ("Reason", Cell(w.Reason)),
                ("Matched", w.Matched)))),
            ("Score", report.Score is { } score ? Members(
                ("Now", ScoreText.Number(score.Overall)),
                ("After", score.After is { } a ? $" → **{ScoreText.Number(a.Overall)}** after the plan" : score.Before is { } b ? $" (was {ScoreText.Number(b.Overall)})" : string.Empty),
                ("Target", score.Target > 0 ? ScoreText.Number(score.Target) : "none"),
                ("Below", (score.After ?? score).BelowTarget),
                ("Line", Cell(ScoreText.Short(score))),
                ("HasAfter", score.After is not null),
                ("Categories", Items(score.Categories, c => Members(
                    ("Name", c.Name),
                    ("Now", ScoreText.Number(c.Score)),
                    ("After", score.After?.Categories.FirstOrDefault(x => x.Name == c.Name) is { } x ? ScoreText.Number(x.Score) : string.Empty)))),
                ("Missing", Items(score.Missing, m => Members(
                    ("Id", m.Criterion.Id),
                    ("Weight", m.Criterion.Weight),
                    ("State", (m.Criterion.Met is null ? "unknown" : "not met") + (ScoreText.MetAfter(score, m.Criterion.Id) == true ? ", met after the plan" : string.Empty)),
                    ("Why", Cell(m.Criterion.Why)),
                    ("EarnBack", Cell(m.Criterion.EarnBack ?? string.Empty)))))) : null),
            ("Connections", report.Connections is { } connections ? Members(
                ("RefusedPackets", connections.RefusedPackets),
                ("Top", Items(connections.Top, t => Members(("Address", t.Address), ("Port", t.Port), ("Packets", t.Packets))))) : null),
            ("Milliseconds", report.Timings.TotalMs.ToString("0", CultureInfo.InvariantCulture)));
        var context = new TemplateContext { StrictVariables = true, LoopLimit = 1_000_000 };
        context.PushGlobal(globals);
        return Tidy(Template.Value.Render(context));
    }

    /// <summary>
    /// A template object with exactly these members. The model is built member by member, never imported from .NET
    /// objects: Scriban would find their properties by reflection, which trimming (the native executable) removes.
    /// The template may read only what is set here.
    /// </summary>
    private static ScriptObject Members(params (string Name, object? Value)[] members)
    {
        var result = new ScriptObject(members.Length);
        foreach (var (name, value) in members)
        {
            result.SetValue(name, value, readOnly: false);
        }

        return result;
    }

    private static ScriptArray Items<T>(IEnumerable<T> items, Func<T, object?> item) => new(items.Select(item));

    /// <summary>Template blocks leave blank lines behind; Markdown tables break on them, so fold them away.</summary>
    private static string Tidy(string markdown)
    {
        var lines = markdown.Split('\n');
        var kept = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var blank = string.IsNullOrWhiteSpace(lines[i]);
            if (blank && kept.Count > 0 && string.IsNullOrWhiteSpace(kept[^1]))
            {
                continue;
            }

            var next = lines.Skip(i + 1).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
            if (blank && kept.Count > 0 && kept[^1].StartsWith('|') && next?.StartsWith('|') == true)
            {
                continue;
            }

            kept.Add(blank ? string.Empty : lines[i].TrimEnd());
        }

        return string.Join('\n', kept).Trim() + "\n";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
