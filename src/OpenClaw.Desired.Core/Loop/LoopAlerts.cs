using OpenClaw.Desired.Incidents;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Loop;

/// <summary>
/// What the loop tells the operator between reports: the score falling below its target (once, when it falls), and
/// watched files that changed outside the reconciler (once per new set of changes). Remembered in status.json, so a
/// restart does not repeat them.
/// </summary>
public static class LoopAlerts
{
    public static IEnumerable<IncidentAlert> For(RunReport report, LoopStatus? previous, DateTimeOffset now)
    {
        if (report.Score is { Target: > 0 } score && score.BelowTarget && !(previous?.Score < score.Target))
        {
            var lines = new List<string> { $"score {ScoreText.Short(score)}" };
            lines.AddRange(score.Missing.Take(5).Select(m => $"{m.Criterion.Id} (-{m.Criterion.Weight}): {m.Criterion.Why}"));
            yield return new IncidentAlert(IncidentKind.ScoreBelowTarget, "warning", $"security score {ScoreText.Number(score.Overall)} is below its target {ScoreText.Number(score.Target)}", lines, now);
        }

        var drift = Drift(report);
        if (drift.Count > 0 && !drift.SequenceEqual(previous?.Drift ?? []))
        {
            var lines = report.Findings.Where(f => f.Kind == Integrity.IntegrityKind.Name).Select(f => $"{f.Resource}: {f.Why}").Take(20).ToList();
            yield return new IncidentAlert(IncidentKind.IntegrityDrift, "critical", $"{drift.Count} watched file(s) changed outside the reconciler", lines, now);
        }
    }

    /// <summary>The fingerprints of the integrity findings of a report, sorted: what status.json remembers.</summary>
    public static IReadOnlyList<string> Drift(RunReport report) =>
        report.Findings.Where(f => f.Kind == Integrity.IntegrityKind.Name).Select(f => f.Fingerprint ?? f.Resource).Order(StringComparer.Ordinal).ToList();

    /// <summary>Sends each alert; a notifier that fails never stops the loop.</summary>
    public static async Task SendAsync(IIncidentNotifier notifier, IEnumerable<IncidentAlert> alerts, Redaction.SecretRedactor redactor, CancellationToken cancellationToken)
    {
        foreach (var alert in alerts)
        {
            try
            {
                await notifier.NotifyAsync(alert with { Title = redactor.Redact(alert.Title), Lines = alert.Lines.Select(redactor.Redact).ToList() }, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Alerts are best effort here; the report and status.json say the same.
            }
        }
    }
}
