using System.Text;
using System.Text.RegularExpressions;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Collects what every file of one skill matches, then judges: single findings weighed by their context
/// (an example in a document, a security tool's own notes), evidence combined into lure and theft findings,
/// each finding with its stable id. Fed file by file by <see cref="SkillAuditor"/>, or with texts directly.
/// </summary>
public sealed partial class SkillAuditBuilder(string skill, AuditOptions options)
{
    private sealed record Hit(AuditRule? Rule, (string Id, AuditSeverity Severity, string Why)? Fixed, AuditSeverity Severity, string File, int Line, string LineText, bool Executable, int Section)
    {
        /// <summary>A list item, or a line under a heading like "Red flags" or "What to look for": a description, not an instruction.</summary>
        public bool Describes { get; init; }

        /// <summary>In a fenced code block of a document: a command given to run.</summary>
        public bool InCode { get; init; }

        /// <summary>The match's sentence in a document read as prose (at most 600 characters), or its line.</summary>
        public string SentenceText { get; init; } = string.Empty;

        /// <summary>Where the match's sentence starts in a document read as prose (a wrapped sentence spans lines), or -1.</summary>
        public int Sentence { get; init; } = -1;

        /// <summary>In an HTML comment of a document (outside code blocks): text the agent reads and a rendered page never shows.</summary>
        public bool Hidden { get; init; }

        /// <summary>Where the match starts in its line (0-based).</summary>
        public int Column { get; init; }

        /// <summary>In a document, outside code, the match opens a double-quoted term ("openclaw-agent"): a name mentioned, not used.</summary>
        public bool Quoted { get; init; }

        /// <summary>In a document, outside code, the match opens a quoted phrase named as wording ("paste this in Terminal" instructions).</summary>
        public bool Mentioned { get; init; }
    }

    private readonly List<Hit> _hits = [];
    private readonly List<AuditFinding> _fixed = [];
    private string? _skillMd;

    /// <summary>
    /// A rule's matches in a text; where a large text's match runs out of its time budget (<see cref="AuditRule.MatchBudget"/>),
    /// the rest of that rule's matches are left and the file is reported as partly scanned.
    /// </summary>
    private IEnumerable<System.Text.RegularExpressions.Match> MatchesWithinBudget(System.Text.RegularExpressions.Regex pattern, string text, string file)
    {
        var match = NextWithinBudget(() => pattern.Match(text), file);
        while (match is { Success: true })
        {
            yield return match;
            var current = match;
            match = NextWithinBudget(current.NextMatch, file);
        }
    }

    private System.Text.RegularExpressions.Match? NextWithinBudget(Func<System.Text.RegularExpressions.Match> next, string file)
    {
        try
        {
            return next();
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            if (!_fixed.Any(f => f.File == file && f.Rule == AuditRules.Oversized.Id))
            {
                _fixed.Add(Finding(file, 1, AuditRules.Oversized));
            }

            return null;
        }
    }

    /// <summary>How many matches of one rule on one line its judge reads before the rest of that line is left.</summary>
    private const int JudgeTriesPerLine = 16;

    /// <summary>In each document, the lines that use a link reference or footnote defined on a line (key), with their sections.</summary>
    private readonly Dictionary<string, Dictionary<int, List<(int Line, int Section)>>> _references = new(StringComparer.Ordinal);

    /// <summary>Whether some code names a host other than its own provider's API, and whether some names only that (<see cref="AuditContext.CallsOnlyItsProvider"/>).</summary>
    private bool _callsOthers;

    /// <summary>The files that run (scripts, source).</summary>
    private readonly HashSet<string> _executables = new(StringComparer.Ordinal);
    private bool _callsItsProvider;

    /// <summary>Files whose code reads file contents (<c>open(</c>, <c>readFileSync</c>, <c>Get-Content</c>…).</summary>
    private readonly HashSet<string> _readers = new(StringComparer.Ordinal);

    /// <summary>Files whose code writes out a URL with a host, an address or a mailbox (a constant endpoint, not one the user configures).</summary>
    private readonly HashSet<string> _hostNamers = new(StringComparer.Ordinal);

    /// <summary>The text of each file that runs, to learn which data files the code reads by name (<see cref="ReadByCode"/>).</summary>
    private readonly List<string> _code = [];

    /// <summary>Each program's text by its file (the same strings as <see cref="_code"/>).</summary>
    private readonly Dictionary<string, string> _codeByFile = new(StringComparer.Ordinal);

    /// <summary>One file's bytes, as read (and whether it was cut at the size limit).</summary>
    public void AddFile(string file, byte[] content, bool truncated)
    {
        if (truncated)
        {
            _fixed.Add(Finding(file, 1, AuditRules.Oversized));
        }

        if (SkillAuditor.IsExecutableBinary(content))
        {
            _fixed.Add(Finding(file, 1, AuditRules.PrebuiltBinary));
            return;
        }

        // A pickle is read as bytes (most are binary): one that imports exec or os.system runs code when it is loaded.
        if (PickledCode.RunsCode(file, content))
        {
            _fixed.Add(Finding(file, 1, PickledCode.Rule));
        }

        if (content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0))
        {
            return;
        }

        AddText(file, Encoding.UTF8.GetString(content));
    }

    /// <summary>One text file of the skill.</summary>
    public void AddText(string file, string text)
    {
        if (file == "SKILL.md")
        {
            _skillMd = text;
        }

        if (file == "_meta.json" && Publisher(text) is { } owner && options.Iocs.Publishers.Contains(owner, StringComparer.OrdinalIgnoreCase))
        {
            _fixed.Add(Finding(file, 1, AuditRules.KnownPublisher));
        }

        // The file's lines and sections matter only where something matched (in most files, nowhere).
        LineIndex? lineIndex = null;
        int[]? sections = null;
        bool[]? fenced = null;
        bool[]? comments = null;
        HashSet<int>? describing = null;
        HashSet<int>? steps = null;
        var executable = AuditContext.IsExecutable(file, text);
        if (executable && AuditContext.ReadsFiles(text))
        {
            _readers.Add(file);
        }

        if (executable)
        {
            _executables.Add(file);
            _code.Add(text);
            _codeByFile[file] = text;
            if (AuditContext.NamesAHost(text) || AuditContext.NamesAnIp(text) || AuditContext.NamesADestination(text))
            {
                _hostNamers.Add(file);
            }

            var provider = AuditContext.CallsOnlyItsProvider(text);
            _callsOthers |= provider == false;
            _callsItsProvider |= provider == true;
            NoteUnsignedDataSender(file, text, provider);
        }
        LineIndex Lines()
        {
            if (lineIndex is null)
            {
                sections = file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? Sections(text) : null;
                fenced = sections is null ? null : Fenced(text);
                comments = fenced is null ? null : InComments(text, fenced);
                steps = sections is null ? null : [];
                describing = sections is null ? null : AuditContext.DescribingSections(text, steps);
                lineIndex = new LineIndex(text);
            }

            return lineIndex;
        }

        void Add(AuditRule? rule, (string, AuditSeverity, string)? fixedRule, AuditSeverity severity, int offset, string? prose = null)
        {
            var lines = Lines();
            var line = lines.LineOf(offset);
            var lineText = lines.TextOf(line);
            var section = sections is null ? -1 : sections[line - 1];
            _hits.Add(new Hit(rule, fixedRule, severity, file, line, lineText, executable, section)
            {
                Column = offset - lines.StartOf(line),
                // A bullet or a table row lists what a security tool looks for, except under a heading that starts steps
                // ("## Setup at a glance" | 5 | Install | `… | bash` |): there it is one of the steps.
                Describes = describing is not null && (describing.Contains(section) || !steps!.Contains(section) && AuditContext.IsDescribingLine(lineText) || AuditContext.FollowsBadExampleLabel(lines.TextOf, line)
                    || !fenced![line - 1] && !steps!.Contains(section) && AuditContext.FollowsDescribingLeadIn(lines.TextOf, line)
                    || (prose is not null && lines.LineOf(SentenceStart(prose, offset)) is var first && first != line && AuditContext.IsDescribingLine(lines.TextOf(first))
                        && !AuditContext.GivesAStep(SentenceOf(prose, offset)))),
                Sentence = prose is null || sections is null ? -1 : SentenceStart(prose, offset),
                SentenceText = prose is null || sections is null ? lineText : SentenceOf(prose, offset),
                InCode = fenced is not null && fenced[line - 1],
                Quoted = sections is not null && !fenced![line - 1] && AuditContext.OpensQuotedTerm(text, offset),
                Mentioned = sections is not null && !fenced![line - 1] && AuditContext.NamesAPhrase(text, offset),
                Hidden = comments is not null && comments[line - 1],
            });
        }

        if (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && LinkReferences.UsesByDefinition(text) is { Count: > 0 } references)
        {
            var sectionOf = Sections(text);
            _references[file] = references.ToDictionary(r => r.Key, r => r.Value.Select(line => (line, sectionOf[line - 1])).ToList());
        }

        // Documents are read as prose, a wrapped sentence as one; code as written, and its strings also as the program joins
        // them from fragments. Offsets are the text's own in every view.
        var prose = file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? AuditContext.Unwrap(text) : text;
        var seen = new Dictionary<AuditRule, HashSet<int>>();
        void Run(string view, bool codeOnly = false, Func<int, int>? toText = null, Func<Match, bool>? keep = null)
        {
            var builtIn = AnchorIndex.BuiltIn;
            var mayMatch = AnchorIndex.BuiltInIndex.MayMatch(view);
            var rules = builtIn.Where((r, i) => mayMatch[i]).Concat(options.UserRules.Where(r => r.MayMatch(view)));
            foreach (var rule in rules.Where(r => r.AppliesTo(file) && (codeOnly ? r.CodeOnly : executable || !r.CodeOnly)))
            {
                if (!seen.TryGetValue(rule, out var lines))
                {
                    seen[rule] = lines = [];
                }

                // A judge reads around its match; on a line of thousands of matches that it keeps turning down, a few tries are enough.
                Dictionary<int, int>? tries = null;

                foreach (var match in MatchesWithinBudget(rule.PatternFor(view), view, file))
                {
                    // One hit per rule and line: a line already judged in needs no second judgement (and before the first hit,
                    // no line index is built).
                    var at = toText is null ? match.Index : toText(match.Index);
                    if (lines.Count > 0 && lines.Contains(Lines().LineOf(at)) || keep is not null && !keep(match))
                    {
                        continue;
                    }

                    if (rule.Judge is not null)
                    {
                        tries ??= [];
                        var line = Lines().LineOf(at);
                        var tried = tries[line] = tries.GetValueOrDefault(line) + 1;
                        if (tried > JudgeTriesPerLine)
                        {
                            continue;
                        }
                    }

                    var severity = rule.Judge is null ? rule.Severity : rule.Judge(view, match);
                    if (severity is not null && lines.Add(Lines().LineOf(at)))
                    {
                        Add(rule, null, severity.Value, at, toText is null ? view : text);
                    }
                }
            }
        }

        Run(prose);
        if (executable && AssembledStrings.View(file, text) is { } assembled)
        {
            Run(assembled);
        }

        // An XML file (a launchd plist, an MSBuild project, a scheduled task) also as its reader reads it, its entities written as the characters they stand for.
        if (DecodedLiterals.XmlView(file, text) is { } xmlView)
        {
            Run(xmlView);
        }

        // A program also with its hex and base64 string literals decoded in place (a path or a key kept out of sight).
        if (executable && DecodedLiterals.View(text) is { } decodedView)
        {
            Run(decodedView);
        }

        // A program also with the commands it runs as argument lists written as command lines (["git", "add", "-f", ".env"]).
        if (executable && CommandLists.View(text) is { } commandView)
        {
            Run(commandView);
        }

        // A shell script also as the shell reads it, its variables put in; each line of that view is its own line of the script.
        if (executable && ShellVariables.IsShell(file, text) && ShellVariables.View(text) is { } shell)
        {
            var (expanded, starts) = shell;
            var viewLines = new LineIndex(expanded);

            // Only what the view changed is news (a match on at least one changed line): a line read as written was judged with the script (an assignment
            // KEY="$HOME/.ssh/id_x" whose uses are all "ssh -i $KEY" no longer shows those uses in the view).
            var rawLines = text.Split('\n');
            var changed = expanded.Split('\n').Select((line, i) => i >= rawLines.Length || line != rawLines[i]).ToArray();
            Run(expanded, toText: offset => starts[Math.Min(starts.Length - 1, viewLines.LineOf(offset) - 1)], keep: match => Enumerable.Range(viewLines.LineOf(match.Index), viewLines.LineOf(match.Index + match.Length) - viewLines.LineOf(match.Index) + 1).Any(line => changed[Math.Min(changed.Length - 1, line - 1)]));

            // A base64 literal joined from variables, decoded by a decoder whose name is joined too (base${N:-64}).
            foreach (var (offset, hidden) in Guarded(() => EncodedPayloads.Scan(expanded), file))
            {
                Add(null, hidden, hidden.Severity, starts[Math.Min(starts.Length - 1, viewLines.LineOf(offset) - 1)]);
            }
        }

        // A view that maps each of its lines to where that line starts in the text.
        void RunLineView((string View, int[] LineStarts)? lineView)
        {
            if (lineView is var (view, starts))
            {
                var viewLines = new LineIndex(view);
                Run(view, toText: offset => starts[Math.Min(starts.Length - 1, viewLines.LineOf(offset) - 1)]);
            }
        }

        // Any text also with the shell's quoting tricks undone (c''url${IFS}-fsSL …|b''ash), in a script or a document's step.
        RunLineView(ShellVariables.QuotingView(text));

        // Any text also with its continued commands joined (curl … \ then -d "…" on the next line).
        RunLineView(ShellVariables.ContinuationView(text));

        // A document also with a command dictated in pieces, one list item each, joined (`curl -sL`, `host/fix`, `| zsh`).
        if (!executable && file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            RunLineView(ShellVariables.PiecesView(text));
        }

        // A Makefile also as make runs its recipes, its variables put in.
        if (executable && ShellVariables.IsMakefile(file))
        {
            RunLineView(ShellVariables.MakeView(text));
        }

        // A document's code blocks are code the agent is given to run: the rules for code read them too.
        if (!executable && file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && CodeBlocks(text) is { } blocks)
        {
            Run(blocks, codeOnly: true);
        }

        // The scanners that read a whole text (droppers, clippers, lookalikes, web shells, fetched code…), each within its time budget.
        foreach (var (offset, found) in Scanned(file, text, executable))
        {
            Add(null, found, found.Severity, offset);
        }

        foreach (var offset in options.Iocs.Find(text))
        {
            Add(AuditRules.KnownIocEvidence, AuditRules.KnownIoc, AuditRules.KnownIoc.Severity, offset);
        }
    }

    private static AuditFinding Finding(string file, int line, (string Id, AuditSeverity Severity, string Why) rule) => new(file, line, rule.Id, rule.Severity, rule.Why);

    /// <summary>The registry owner ClawHub's _meta.json names.</summary>
    private static string? Publisher(string json)
    {
        try
        {
            return (string?)Newtonsoft.Json.Linq.JObject.Parse(json)["owner"];
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
