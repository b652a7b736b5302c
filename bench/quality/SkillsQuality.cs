using System.Formats.Tar;
using System.IO.Compression;
using OpenClaw.Desired.Resources.Skills.Audit;

namespace OpenClaw.Desired.Bench.Quality;

/// <summary>The skill audit on a folder of skills (histogram of highest severity) and on a labelled corpus (recall, FPR).</summary>
internal static class SkillsQuality
{
    public static void Histogram(string source, Options options)
    {
        var (folder, temporary) = Unpack(source);
        try
        {
            var audits = AuditTargets.FromArguments([SkillsRoot(folder)]).Select(s => s.Audit(Options(options))).ToList();
            Console.WriteLine($"skills: {source}{(options.NoIocs ? " (no IOC list)" : string.Empty)}");
            Console.WriteLine($"  {audits.Count} skills: " + string.Join(", ", new AuditSeverity?[] { null, AuditSeverity.Low, AuditSeverity.Medium, AuditSeverity.High, AuditSeverity.Critical }
                .Select(level => $"{audits.Count(a => a.Highest == level)} {level?.Name() ?? "none"}")));
            if (options.Triage)
            {
                foreach (var audit in audits.Where(a => a.Highest >= AuditSeverity.High))
                {
                    Console.WriteLine($"  {Path.GetFileName(audit.Path)}: {audit.Highest?.Name()}");
                    foreach (var finding in audit.Findings.Where(f => f.Severity >= AuditSeverity.High))
                    {
                        Console.WriteLine($"    {finding}");
                    }
                }
            }
        }
        finally
        {
            if (temporary)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public static void Corpus(string corpus, Options options)
    {
        var benign = Audit(Path.Combine(corpus, "benign"), options);
        var malicious = Audit(Path.Combine(corpus, "malicious"), options);
        var caught = malicious.Count(a => a.Highest >= AuditSeverity.High);
        var flagged = benign.Count(a => a.Highest >= AuditSeverity.High);
        Console.WriteLine($"corpus: {corpus}{(options.NoIocs ? " (no IOC list)" : string.Empty)}");
        Console.WriteLine($"  malicious: {caught} of {malicious.Count} at high or above (recall {Format.Ratio(caught, malicious.Count)})");
        Console.WriteLine($"  benign: {flagged} of {benign.Count} at high or above (false-positive rate {Format.Ratio(flagged, benign.Count)})");
        foreach (var audit in malicious.Where(a => a.Highest is null or < AuditSeverity.High))
        {
            Console.WriteLine($"  missed {Path.GetFileName(audit.Path)}: {audit.Highest?.Name() ?? "none"}");
        }

        foreach (var audit in benign.Where(a => a.Highest >= AuditSeverity.High))
        {
            Console.WriteLine($"  flagged {Path.GetFileName(audit.Path)}: {string.Join("; ", audit.Findings.Where(f => f.Severity >= AuditSeverity.High))}");
        }
    }

    /// <summary>The tests' generated corpus of lure classes and hard negatives, written to a temporary folder and measured like a corpus on disk.</summary>
    public static void LureCorpus(Options options)
    {
        var folder = Directory.CreateTempSubdirectory("ocd-lures-").FullName;
        try
        {
            foreach (var skill in global::OpenClaw.Desired.Tests.Resources.Skills.LureCorpus.All())
            {
                skill.WriteTo(folder);
            }

            Corpus(folder, options);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<SkillAudit> Audit(string folder, Options options) =>
        Directory.Exists(folder) ? AuditTargets.FromArguments([folder]).Select(s => s.Audit(Options(options))).ToList() : [];

    private static AuditOptions Options(Options options) => options.NoIocs ? AuditOptions.WithoutIocs : AuditOptions.Default;

    /// <summary>The folder that holds the skills: the archive may wrap them in one top folder.</summary>
    private static string SkillsRoot(string folder)
    {
        var children = Directory.GetDirectories(folder);
        return children.Length == 1 && !File.Exists(Path.Combine(children[0], "SKILL.md")) ? children[0] : folder;
    }

    private static (string Folder, bool Temporary) Unpack(string source)
    {
        if (Directory.Exists(source))
        {
            return (source, false);
        }

        var folder = Directory.CreateTempSubdirectory("ocd-skills-").FullName;
        using var file = File.OpenRead(source);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(gzip, folder, overwriteFiles: false);
        return (folder, true);
    }
}
