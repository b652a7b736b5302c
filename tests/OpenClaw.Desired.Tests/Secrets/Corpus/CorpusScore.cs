using System.Globalization;
using System.Text;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Tests.Secrets.Corpus;

/// <summary>True and false positives and misses of one format.</summary>
public sealed record FormatScore(string Format, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>
/// Scores the scanner on the labelled corpus. A true positive is a match of the labelled kind that covers the
/// labelled value and nothing beyond it; any other match is a false positive (counted against the format
/// whose sample it fired in); a labelled value without such a match is a false negative.
/// </summary>
public static class CorpusScore
{
    public static IReadOnlyList<FormatScore> Run(IReadOnlyList<CorpusSample> samples) => Run(samples, null);

    /// <summary>Scores, and describes every mistake to <paramref name="mistakes"/> (for diagnosis).</summary>
    public static IReadOnlyList<FormatScore> Run(IReadOnlyList<CorpusSample> samples, List<string>? mistakes)
    {
        var scores = new Dictionary<string, (int Tp, int Fp, int Fn)>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            var (tp, fp, fn) = scores.GetValueOrDefault(sample.Format);
            var matches = SecretScanner.Scan(sample.Text);
            var hit = false;
            foreach (var match in matches)
            {
                var text = sample.Text.Substring(match.Start, match.Length);
                if (!hit && sample.Value is not null && match.Kind == sample.Kind && text == sample.Value)
                {
                    hit = true;
                    tp++;
                }
                else
                {
                    fp++;
                    mistakes?.Add($"FP {sample.Format}/{sample.Context}: {match.Kind} '{Short(text)}' in '{Short(sample.Text)}'");
                }
            }

            if (sample.Value is not null && !hit)
            {
                fn++;
                mistakes?.Add($"FN {sample.Format}/{sample.Context}: '{Short(sample.Value)}' in '{Short(sample.Text)}'");
            }

            scores[sample.Format] = (tp, fp, fn);
        }

        return scores.Select(s => new FormatScore(s.Key, s.Value.Tp, s.Value.Fp, s.Value.Fn)).ToList();
    }

    private static string Short(string text) => (text.Length > 160 ? text[..160] + "…" : text).Replace("\n", "⏎", StringComparison.Ordinal);

    public static FormatScore Total(IReadOnlyList<FormatScore> scores) =>
        new("all", scores.Sum(s => s.TruePositives), scores.Sum(s => s.FalsePositives), scores.Sum(s => s.FalseNegatives));

    public static string Table(IReadOnlyList<FormatScore> scores)
    {
        var text = new StringBuilder("| format | true positives | false positives | false negatives | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var score in scores.Append(Total(scores)))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {score.Format} | {score.TruePositives} | {score.FalsePositives} | {score.FalseNegatives} | {score.Precision:0.000} | {score.Recall:0.000} |\n");
        }

        return text.ToString();
    }
}
