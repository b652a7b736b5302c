using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Safety;
using System.Text;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// The static skill audit: every file of a skill folder (hidden ones and SKILL.md included) against every
/// rule and signal, judged together by <see cref="SkillAuditBuilder"/> (lure classes, credential theft).
/// </summary>
public static class SkillAuditor
{
    /// <summary>Files past this are scanned in their first part only (and say so).</summary>
    public const int MaxScannedBytes = 4 * 1024 * 1024;

    /// <summary>Audits a folder the caller trusts (named on the command line, or a build context).</summary>
    public static SkillAudit AuditFolder(string folder) => AuditFolder(folder, AuditOptions.Default);

    /// <summary>Audits a folder the caller trusts, with the given rules.</summary>
    public static SkillAudit AuditFolder(string folder, AuditOptions options) =>
        Audit(folder, TreeHash.Entries(folder).Where(e => !e.IsLink).Select(e => new AuditedFile(e.Relative, () => Read(e.Full))), options);

    /// <summary>
    /// Audits a skill on the host through the safe filesystem: links are never followed, FIFOs and devices never
    /// opened (a skill that carries one is a finding of its own), nesting and size are bounded.
    /// </summary>
    public static SkillAudit AuditHost(HostFs fs, string hostPath, string? shownAs = null, AuditOptions? options = null)
    {
        var files = new List<AuditedFile>();
        var special = new List<AuditFinding>();
        foreach (var entry in fs.Walk(hostPath, Limits))
        {
            if (entry.Problem is not null)
            {
                special.Add(Finding(entry.Relative, 1, AuditRules.Oversized));
            }
            else if (entry.Stat.IsFile)
            {
                var opened = entry;
                byte[]? content = null;
                var truncated = false;
                try
                {
                    using var stream = opened.OpenRead();
                    (content, truncated) = ReadPrefix(stream);
                }
                catch (IOException)
                {
                    special.Add(Finding(entry.Relative, 1, AuditRules.SpecialFile));
                }

                if (content is not null)
                {
                    files.Add(new AuditedFile(entry.Relative, () => (content, truncated)));
                }
            }
            else if (!entry.Stat.IsDirectory && !entry.Stat.IsSymlink)
            {
                special.Add(Finding(entry.Relative, 1, AuditRules.SpecialFile));
            }
        }

        return WithSpecial(Audit(shownAs ?? hostPath, files, options ?? AuditOptions.Default), special);
    }

    /// <summary>The audit of files already read (relative path, first bytes, whether cut), as <see cref="AuditHost"/> gives it without its special files.</summary>
    internal static SkillAudit AuditContent(string shownAs, IEnumerable<(string Relative, byte[] Content, bool Truncated)> files, AuditOptions options) =>
        Audit(shownAs, files.Select(f => new AuditedFile(f.Relative, () => (f.Content, f.Truncated))), options);

    /// <summary>Adds what the walk itself found (special files, limits reached) to a skill's audit.</summary>
    internal static SkillAudit WithSpecial(SkillAudit audit, IReadOnlyList<AuditFinding> special) =>
        special.Count == 0 ? audit : audit with { Findings = audit.Findings.Concat(special).Distinct().OrderByDescending(f => f.Severity).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToValueList() };

    /// <summary>The finding of a file that cannot be read as a file (FIFO, device, socket), or a walk limit reached.</summary>
    internal static AuditFinding SpecialFinding(string relative, bool limit) => Finding(relative, 1, limit ? AuditRules.Oversized : AuditRules.SpecialFile);

    /// <summary>The walk limits of <see cref="AuditHost"/>.</summary>
    internal static readonly WalkLimits Limits = new() { MaxDepth = 32, MaxEntries = 100_000 };

    /// <summary>One file of a skill and how to read its (first <see cref="MaxScannedBytes"/>) bytes.</summary>
    private sealed record AuditedFile(string Relative, Func<(byte[] Content, bool Truncated)> Read);

    private static SkillAudit Audit(string folder, IEnumerable<AuditedFile> files, AuditOptions options)
    {
        var builder = new SkillAuditBuilder(Path.GetFileName(folder), options);
        long bytes = 0;
        foreach (var file in files)
        {
            var relative = file.Relative;
            var (content, truncated) = file.Read();
            bytes += content.Length;
            builder.AddFile(relative, content, truncated);
        }

        return builder.Build(folder, bytes);
    }

    /// <summary>Every rule over one file's text; one finding per rule and line.</summary>
    public static IEnumerable<(AuditFinding Finding, RuleRole Role)> AuditText(string file, string text)
    {
        LineIndex? lines = null;
        foreach (var rule in AuditRules.All.Where(r => r.MayMatch(text)))
        {
            var seen = new HashSet<int>();
            var matches = new List<System.Text.RegularExpressions.Match>();
            try
            {
                foreach (System.Text.RegularExpressions.Match match in rule.PatternFor(text).Matches(text))
                {
                    matches.Add(match);
                }
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // A large text's match ran out of its budget: the matches found before it stand.
            }

            foreach (var match in matches)
            {
                var severity = rule.Judge is null ? rule.Severity : rule.Judge(text, match);
                if (severity is null)
                {
                    continue;
                }

                lines ??= new LineIndex(text);
                var line = lines.LineOf(match.Index);
                if (seen.Add(line))
                {
                    yield return (new AuditFinding(file, line, rule.Id, severity.Value, rule.Why), rule.Role);
                }
            }
        }
    }

    private static AuditFinding Finding(string file, int line, (string Id, AuditSeverity Severity, string Why) rule) =>
        new(file, line, rule.Id, rule.Severity, rule.Why);

    private static (byte[] Content, bool Truncated) Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return ReadPrefix(stream);
    }

    internal static (byte[] Content, bool Truncated) ReadPrefix(Stream stream)
    {
        var truncated = stream.Length > MaxScannedBytes;
        var buffer = new byte[Math.Min(stream.Length, MaxScannedBytes)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return (read == buffer.Length ? buffer : buffer[..read], truncated);
    }

    /// <summary>ELF, PE (MZ) and Mach-O executables.</summary>
    internal static bool IsExecutableBinary(byte[] content) =>
        content.Length >= 4 && (
            content.AsSpan(0, 4).SequenceEqual("\u007fELF"u8)
            || (content[0] == 'M' && content[1] == 'Z' && content.AsSpan(0, Math.Min(content.Length, 1024)).Contains((byte)0))
            || content.AsSpan(0, 4).SequenceEqual(new byte[] { 0xCF, 0xFA, 0xED, 0xFE })
            || content.AsSpan(0, 4).SequenceEqual(new byte[] { 0xCE, 0xFA, 0xED, 0xFE })
            || content.AsSpan(0, 4).SequenceEqual(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE }));

    /// <summary>Maps a character offset to its 1-based line.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _starts = [0];

        public LineIndex(string text)
        {
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            {
                _starts.Add(i + 1);
            }
        }

        public int LineOf(int offset)
        {
            var index = _starts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
