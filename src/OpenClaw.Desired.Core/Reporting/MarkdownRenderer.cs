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
        var model = new
        {
            Report = report,
            Icon = report.Result switch
            {
                "in-sync" or "applied" or "rolled-back" => "✅",
                "changes" or "awaiting-confirmation" or "declined" => "📝",
                "loosens" => "⚠️",
                _ => "❌",
            },
            Headline = report.Result switch
            {
                "in-sync" => "host is in sync",
                "loosens" => "this change LOOSENS posture",
                "unknown" => "some state could not be seen",
                var other => TextRenderer.Verdict(other).Word,
            },
            SummaryLine = new TextRenderer(color: false).SummaryLine(report),
            Groups = changes.GroupBy(c => c.Kind).Select(g => new
            {
                Kind = g.Key,
                Open = g.Any(c => c.Effect == "loosens"),
                Loosens = g.Count(c => c.Effect == "loosens"),
                Changes = g.Select(c => new
                {
                    Mark = c.Action switch { "create" => "➕", "manual" => "✋", "remove" or "quarantine" => "➖", _ => "✏️" },
                    Resource = Cell(c.Resource),
                    Before = Cell(c.Before ?? "unset"),
                    After = Cell(c.After ?? "unset"),
                    Effect = c.Effect == "loosens" ? "**loosens**" : c.Effect,
                    Reason = Cell(c.Reason) + (c.Checks is { Count: > 0 } checks ? Cell($" · closes {string.Join(", ", checks.Select(id => $"`{id}`"))}") : string.Empty),
                    c.Outcome,
                    Waived = c.Waived is { } w ? Cell($"waived until {w.Until} by {w.Owner}: {w.Reason}") : null,
                }).ToList(),
            }).ToList(),
            Omitted = report.Changes.Count - shown,
            Source = report.Posture?.Source is { } source ? new
            {
                Short = source.Commit[..12],
                Time = source.CommitTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z",
                Author = Cell(source.Author),
                Files = string.Join(", ", source.Files.Select(f => $"`{f}`")),
                Signature = source.Verification switch
                {
                    "not-required" => string.Empty,
                    "verified" => $" · ✅ signed by `{source.SignedBy}`",
                    _ => $" · ❌ **{source.Verification}**",
                },
                Stale = source.Stale ? $" · ⚠️ **stale**: the remote did not answer; last fetched {source.StaleFor} ago" : string.Empty,
            } : null,
            Diff = report.PostureDiff is { } diff ? new
            {
                Range = $"`{Cell(diff.Base)}` ({diff.BaseCommit[..12]}) → `{Cell(diff.Head)}` ({diff.HeadCommit[..12]})",
                diff.Tightens,
                diff.Loosens,
                Count = diff.Changes.Count,
                Rows = diff.Changes.Take(MaxDiffRows).Select(c => new
                {
                    Path = Cell(c.Path),
                    Before = Cell(c.Before ?? "unset"),
                    After = Cell(c.After ?? "unset"),
                    Effect = c.Effect == "loosens" ? "**loosens**" : c.Effect,
                }).ToList(),
                Omitted = Math.Max(0, diff.Changes.Count - MaxDiffRows),
            } : null,
            Findings = report.Findings.Select(f => new
            {
                f.Severity,
                f.Kind,
                Resource = Cell(f.Resource),
                Location = Cell(f.Location),
                f.Rule,
                Why = Cell(f.Why),
                f.Fingerprint,
                Waived = f.Waived is { } w ? Cell($"waived until {w.Until} by {w.Owner}: {w.Reason}") : null,
            }).ToList(),
            Waivers = report.Waivers.Select(w => new { w.Status, Match = Cell(w.Match), w.Until, Owner = Cell(w.Owner), Reason = Cell(w.Reason), w.Matched }).ToList(),
            Score = report.Score is { } score ? new
            {
                Now = ScoreText.Number(score.Overall),
                After = score.After is { } a ? $" → **{ScoreText.Number(a.Overall)}** after the plan" : score.Before is { } b ? $" (was {ScoreText.Number(b.Overall)})" : string.Empty,
                Target = score.Target > 0 ? ScoreText.Number(score.Target) : "none",
                Below = (score.After ?? score).BelowTarget,
                Line = Cell(ScoreText.Short(score)),
                HasAfter = score.After is not null,
                Categories = score.Categories.Select(c => new
                {
                    c.Name,
                    Now = ScoreText.Number(c.Score),
                    After = score.After?.Categories.FirstOrDefault(x => x.Name == c.Name) is { } x ? ScoreText.Number(x.Score) : string.Empty,
                }).ToList(),
                Missing = score.Missing.Select(m => new
                {
                    m.Criterion.Id,
                    m.Criterion.Weight,
                    State = (m.Criterion.Met is null ? "unknown" : "not met") + (ScoreText.MetAfter(score, m.Criterion.Id) == true ? ", met after the plan" : string.Empty),
                    Why = Cell(m.Criterion.Why),
                    EarnBack = Cell(m.Criterion.EarnBack ?? string.Empty),
                }).ToList(),
            } : null,
            report.Connections,
            Milliseconds = report.Timings.TotalMs.ToString("0", CultureInfo.InvariantCulture),
        };
        var globals = new ScriptObject();
        globals.Import(model, renamer: m => m.Name);
        var context = new TemplateContext { MemberRenamer = m => m.Name, StrictVariables = true, LoopLimit = 1_000_000 };
        context.PushGlobal(globals);
        return Tidy(Template.Value.Render(context));
    }

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
