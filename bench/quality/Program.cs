using System.Globalization;
using OpenClaw.Desired.Bench.Quality;

// Detection quality on data given on the command line (never read from a fixed path):
//   --secrets FILE.jsonl   labelled lines {"rule","label":"secret"|"not-secret","text"}: each line alone in a
//                          Markdown file, scanned the way `secrets scan` scans a path; recall and precision.
//   --skills DIR|FILE.tar.gz  a folder of skills (or an archive of one): the audit's histogram of highest severity,
//                          and with --triage every high or critical finding.
//   --corpus DIR           a labelled skill corpus (benign/ and malicious/ folders): recall and false-positive rate
//                          at high or above. Default: the test corpus of this repository. The generated lure corpus
//                          of the tests (LureCorpus) is measured too.
//   --no-iocs              run the audit without its list of known campaign indicators.
//   --mistakes             list the secrets lines scored wrong (rule and label; --show-text adds the text).
var options = Options.Parse(args);
if (options.Secrets is { } secrets)
{
    SecretsQuality.Run(secrets, options);
}

if (options.Skills is { } skills)
{
    SkillsQuality.Histogram(skills, options);
}

SkillsQuality.Corpus(options.Corpus ?? Options.DefaultCorpus(), options);
SkillsQuality.LureCorpus(options);

namespace OpenClaw.Desired.Bench.Quality
{
    internal sealed record Options(string? Secrets, string? Skills, string? Corpus, bool NoIocs, bool Mistakes, bool ShowText, bool Triage)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name)
            {
                var index = Array.IndexOf(args, name);
                return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
            }

            return new(Value("--secrets"), Value("--skills"), Value("--corpus"), args.Contains("--no-iocs"), args.Contains("--mistakes"), args.Contains("--show-text"), args.Contains("--triage"));
        }

        /// <summary>The repository's own corpus, found from the working directory upwards.</summary>
        public static string DefaultCorpus()
        {
            for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            {
                var corpus = Path.Combine(dir.FullName, "tests", "OpenClaw.Desired.Tests", "Resources", "Skills", "Corpus");
                if (Directory.Exists(corpus))
                {
                    return corpus;
                }
            }

            throw new DirectoryNotFoundException("run from inside the repository, or pass --corpus DIR");
        }
    }

    internal static class Format
    {
        public static string Ratio(int part, int whole) => whole == 0 ? "n/a" : (part / (double)whole).ToString("0.000", CultureInfo.InvariantCulture);
    }
}
