using System.Text.Json;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Bench.Quality;

/// <summary>
/// Recall and precision of the secret scanner on labelled lines: each line is written alone to a Markdown
/// file and scanned as `secrets scan PATH` scans it; a line counts as flagged when the scan finds anything: a
/// credential, or a sensitive identifier (an account id, an ARN, a client id) that the scan reports at low severity
/// and reconcile never moves. Both figures are printed: with identifiers, and credentials alone. A set labelled per
/// rule can label one text both ways (a secret for one rule, a negative example of another); such lines are counted
/// as labelled, and once more apart, without them, because no scanner can score both of their labels.
/// </summary>
internal static class SecretsQuality
{
    private sealed record Line(string Rule, bool Secret, string Text);

    public static void Run(string path, Options options)
    {
        var lines = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Parse).ToList();
        var folder = Directory.CreateTempSubdirectory("ocd-quality-").FullName;
        try
        {
            int tp = 0, fp = 0, fn = 0, tn = 0, tpOnlyIdentifier = 0, fpOnlyIdentifier = 0;
            var bothWays = lines.Where(l => l.Secret).Select(l => l.Text.Trim()).ToHashSet(StringComparer.Ordinal);
            bothWays.IntersectWith(lines.Where(l => !l.Secret).Select(l => l.Text.Trim()));
            int tpOneWay = 0, fpOneWay = 0, fnOneWay = 0;
            var mistakes = new List<string>();
            for (var i = 0; i < lines.Count; i++)
            {
                var file = Path.Combine(folder, $"{i:D4}.md");
                File.WriteAllText(file, lines[i].Text);
                var (scanned, _) = FileSecretScanner.ScanBytes(File.ReadAllBytes(file), file, v => v.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var findings = (scanned?.Findings ?? []).Concat(scanned?.Identifiers ?? []).ToList();
                var flagged = findings.Count > 0;
                if (flagged && scanned!.Findings.Count == 0)
                {
                    (tpOnlyIdentifier, fpOnlyIdentifier) = lines[i].Secret ? (tpOnlyIdentifier + 1, fpOnlyIdentifier) : (tpOnlyIdentifier, fpOnlyIdentifier + 1);
                }

                (tp, fp, fn, tn) = (lines[i].Secret, flagged) switch
                {
                    (true, true) => (tp + 1, fp, fn, tn),
                    (false, true) => (tp, fp + 1, fn, tn),
                    (true, false) => (tp, fp, fn + 1, tn),
                    _ => (tp, fp, fn, tn + 1),
                };
                if (!bothWays.Contains(lines[i].Text.Trim()))
                {
                    (tpOneWay, fpOneWay, fnOneWay) = (lines[i].Secret, flagged) switch
                    {
                        (true, true) => (tpOneWay + 1, fpOneWay, fnOneWay),
                        (false, true) => (tpOneWay, fpOneWay + 1, fnOneWay),
                        (true, false) => (tpOneWay, fpOneWay, fnOneWay + 1),
                        _ => (tpOneWay, fpOneWay, fnOneWay),
                    };
                }

                if (flagged != lines[i].Secret)
                {
                    var kinds = string.Join(',', findings.Select(f => f.Kind).Distinct());
                    mistakes.Add($"  {(flagged ? "FP" : "FN")} line {i + 1} {lines[i].Rule} {kinds}" + (options.ShowText ? $"  {JsonSerializer.Serialize(lines[i].Text)}" : string.Empty));
                }
            }

            Console.WriteLine($"secrets: {path}");
            Console.WriteLine($"  {lines.Count} lines, {tp + fn} labelled secret, {fp + tn} labelled not secret");
            Console.WriteLine($"  found {tp} of {tp + fn} secrets, flagged {fp} of {fp + tn} non-secrets");
            Console.WriteLine($"  recall {Format.Ratio(tp, tp + fn)}, precision {Format.Ratio(tp, tp + fp)}");
            Console.WriteLine($"  of which flagged only as a sensitive identifier (low severity, not moved): {tpOnlyIdentifier} secrets, {fpOnlyIdentifier} non-secrets");
            Console.WriteLine($"  credentials alone: recall {Format.Ratio(tp - tpOnlyIdentifier, tp + fn)}, precision {Format.Ratio(tp - tpOnlyIdentifier, tp - tpOnlyIdentifier + fp - fpOnlyIdentifier)}");
            var ambiguous = lines.Count(l => bothWays.Contains(l.Text.Trim()));
            Console.WriteLine($"  {ambiguous} lines share their text with a line of the other label; without them: recall {Format.Ratio(tpOneWay, tpOneWay + fnOneWay)}, precision {Format.Ratio(tpOneWay, tpOneWay + fpOneWay)} ({tpOneWay} of {tpOneWay + fnOneWay} secrets, {fpOneWay} non-secrets flagged)");
            if (options.Mistakes)
            {
                mistakes.ForEach(Console.WriteLine);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Line Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new Line(root.GetProperty("rule").GetString() ?? "?", root.GetProperty("label").GetString() == "secret", root.GetProperty("text").GetString() ?? string.Empty);
    }
}
