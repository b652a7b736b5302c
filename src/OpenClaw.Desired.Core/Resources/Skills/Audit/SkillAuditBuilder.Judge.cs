using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>The judging half of the builder: the hits of every file weighed by their context and combined into findings.</summary>
public sealed partial class SkillAuditBuilder
{
    /// <summary>Whether one of the skill's programs names a data file (<c>defaults.json</c>, <c>config/targets.yaml</c>) by its file name: what it holds is what the code acts on.</summary>
    private bool ReadByCode(string file)
    {
        if (_readByCode.TryGetValue(file, out var known))
        {
            return known;
        }

        var name = Path.GetFileName(file);
        var read = name.Length >= 5 && name.Contains('.') && _code.Any(code => NamesFile(code, name));
        _readByCode[file] = read;
        return read;
    }

    private readonly Dictionary<string, bool> _readByCode = new(StringComparer.Ordinal);

    /// <summary>The name as a whole path segment: <c>"$DIR/defaults.json"</c>, <c>'defaults.json'</c>, not <c>my-defaults.json5</c>.</summary>
    private static bool NamesFile(string code, string name)
    {
        for (var at = code.IndexOf(name, StringComparison.Ordinal); at >= 0; at = code.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : code[at - 1];
            var after = at + name.Length >= code.Length ? ' ' : code[at + name.Length];
            if (!(char.IsLetterOrDigit(before) || before is '-' or '_' or '.') && !(char.IsLetterOrDigit(after) || after is '-' or '_'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A test fixture's sample (<see cref="AuditContext.IsFixtureSample"/>); in a security tool also a program kept as test
    /// data (<c>tests/fixtures/suspicious-skill/setup.sh</c>) that the instructions do not name and no program of the skill runs.
    /// </summary>
    private bool FixtureSample(string file, bool executable, bool securityTool) =>
        AuditContext.IsFixtureSample(file, executable, _skillMd, securityTool)
        || securityTool && executable && AuditContext.InFixtureFolder(file) && AuditContext.IsUnnamedFixture(file, _skillMd) && !RunByCode(file);

    /// <summary>Whether a program of the skill runs the file by its name (<c>bash fixtures/x/setup.sh</c>, <c>subprocess.run(["sh", … "setup.sh"])</c>, <c>source …/setup.sh</c>).</summary>
    private bool RunByCode(string file)
    {
        if (_runByCode.TryGetValue(file, out var known))
        {
            return known;
        }

        // By its name after a runner, or every fixture run by a shell loop or find over the folder (for f in tests/fixtures/*/setup.sh; do sh "$f").
        var name = System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(file));
        var run = _code.Any(code => System.Text.RegularExpressions.Regex.IsMatch(code, @"\b(?:bash|sh|zsh|source|subprocess|spawn\w*|exec\w*|system|popen|call|run|node|python3?|ruby|perl|pwsh|powershell)\b[^\n]{0,120}" + name
            + @"|\bfor\s+\w+\s+in\s+[^\n;]{0,120}(?:fixtures|testdata)[^\n;]{0,80};\s*do\s+(?:(?:ba|z)?sh|source|\.)\s|\bfind\b[^\n]{0,120}(?:fixtures|testdata)[^\n]{0,120}-exec\s+(?:(?:ba|z)?sh|source)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant));
        _runByCode[file] = run;
        return run;
    }

    private readonly Dictionary<string, bool> _runByCode = new(StringComparer.Ordinal);

    public SkillAudit Build(string path, long bytes)
    {
        if (_hits.Count == 0 && _fixed.Count == 0)
        {
            // Nothing matched and nothing to combine (most skills): no context to weigh, no finding to order.
            return new SkillAudit(path, ValueList<AuditFinding>.Empty, bytes);
        }

        var securityTool = AuditContext.IsSecurityTool(_skillMd);
        var findings = new List<AuditFinding>(_fixed);
        var evidence = new List<Evidence>();
        // A security tool's code that names a collection endpoint of its own (a bot, a webhook with its id) is no guard
        // listing what it protects: there, the credential paths it holds are targets.
        // So is code that looks up names with data in them or pads pings with it: that sends to whoever runs the zone or the host.
        var sinks = securityTool ? _hits.Where(h => h.Executable && (h.Rule?.Signal == Signal.ExfilSink && !(h.Rule.Role == RuleRole.Finding && h.Severity == AuditSeverity.Low) || IsCovertSend(h.Rule))).Select(h => h.File).ToHashSet(StringComparer.Ordinal) : null;
        // A guard lists the paths it protects, and a scanner gathers every .env to check it; where the same file also reads
        // files and sends data to a host it names, on the send's line or in a constant (a "diagnostics service", a "license
        // activation"), not to an alert webhook the user configures, what it read goes with it.
        var senders = securityTool ? _hits.Where(h => h.Executable && h.Rule?.Signal is Signal.Send or Signal.ExfilSink && (AuditContext.NamesAHost(h.LineText) || _hostNamers.Contains(h.File))).Select(h => h.File).ToHashSet(StringComparer.Ordinal) : null;
        // A section of a security tool's document that quotes an attack against an illustrative host (evil-domain.ru) is
        // an example from end to end: a command there is shown, not given.
        // A security tool's code that hides itself (obfuscator names, words spelt in escapes) guards nothing it names.
        // Not a tool's samples: a test file's, or a pattern it matches with.
        var hiding = securityTool
            ? _hits.Where(h => h.Executable && h.Rule?.Id == "sig-obfuscated-names" && !AuditContext.IsTestPath(h.File) && !AuditContext.InQuotedPattern(h.LineText, h.Column) && !AuditContext.IsPatternLiteral(h.LineText))
                .Select(h => h.File).ToHashSet(StringComparer.Ordinal)
            : null;
        var examples = securityTool ? _hits.Where(h => !h.Executable && h.Section >= 0 && AuditContext.QuotesAnExample(h.LineText)).Select(h => (h.File, h.Section)).ToHashSet() : null;
        foreach (var hit in _hits)
        {
            // A security tool's document quotes what it guards against: in a sample report, or in a blockquote (an e-mail that carries an injection).
            var example = AuditContext.QuotesAnExample(hit.LineText) || securityTool && !hit.Executable && (AuditContext.IsReportLine(hit.LineText) || AuditContext.IsBlockquote(hit.LineText));
            // A security tool's document that puts a platform-named helper or "Prerequisites" in quotation marks names
            // what a lure says (a user "installed an "openclaw-agent" helper" from a skill's "Prerequisites").
            // Anywhere, "paste this in Terminal" instructions on a line that warns name a lure's wording.
            var described = securityTool && (hit.Describes || hit.Quoted && hit.Rule?.Signal is Signal.PlatformTool or Signal.Prerequisite
                    || !hit.Executable && !hit.InCode && AuditContext.NamesStringsItHolds(hit.SentenceText))
                || hit.Mentioned && (securityTool || LineJudges.Negates(hit.LineText) || AuditContext.WarnsOfMalware(hit.LineText)) && hit.Rule?.Signal is Signal.RunInstruction or Signal.PasteInTerminal or Signal.Prerequisite or Signal.PlatformTool
                // "Never add lines that download or execute remote content (`curl … | sh`)": a rule's sentence that forbids the step names it.
                || !hit.Executable && !hit.InCode && hit.Section >= 0 && LineJudges.ForbidsStep(hit.SentenceText);
            // A finding its judge graded low (a private address for raw-ip-url) is not the evidence the rule's signal names.
            var graded = hit.Rule is { Role: RuleRole.Finding } && hit.Severity == AuditSeverity.Low && hit.Rule.Severity > AuditSeverity.Low;
            // A security tool's code that holds the shape as a lone string of a pattern list ('NOPASSWD::sudoers'), or
            // as a quoted regular expression ('\.zip.*(password|pass)'), matches it: no finding above low; a regular
            // expression gives no evidence either (a lone path in a list still names what the code reads).
            // So does a data file beside its code (rules/patterns.json) that holds them as quoted regular expressions.
            var regex = securityTool && (hit.Executable || hit.Section < 0 && !hit.File.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) && AuditContext.InQuotedPattern(hit.LineText, hit.Column);
            var pattern = regex || securityTool && hit.Executable && AuditContext.IsPatternLiteral(hit.LineText);
            // A security tool's test fixture that its instructions never name holds the attacks its rules are tested on: no evidence of a step.
            var sampled = securityTool && FixtureSample(hit.File, hit.Executable, securityTool);
            if (hit.Rule?.Signal is { } signal && !graded && !example && !described && !regex && !sampled && !(!hit.Executable && hit.Section < 0 && AuditCombinations.Theft.Contains(signal) && !ReadByCode(hit.File)))
            {
                // Data files only name what they match, unless the skill's code reads the file by name: a config file
                // whose list of paths the code copies, or whose endpoint it sends to, says what the code does.
                // A security tool's documents and the paths its code guards count only where one command reads and sends.
                // A command in a code block, or a send to an address or URL the tool names, is a step it gives, not a quote.
                var step = hit.InCode || signal == Signal.Send && (AuditContext.NamesAHost(hit.SentenceText) || AuditContext.NamesAnAddress(hit.SentenceText));
                var watched = securityTool && (!hit.Executable && !step && AuditCombinations.Theft.Contains(signal) || hit.Rule.CodeOnly && !sinks!.Contains(hit.File) && !hiding!.Contains(hit.File) && !(senders!.Contains(hit.File) && _readers.Contains(hit.File)));
                if (!(watched && !hit.Executable && examples!.Contains((hit.File, hit.Section))))
                {
                    evidence.Add(new Evidence(signal, hit.File, hit.Line, hit.Section) { SameCommandOnly = watched, Sentence = hit.Sentence });
                }
            }

            if (hit.Fixed is { } rule)
            {
                // An unnamed test fixture's encoded samples are what a scanner's tests feed it, as for the single rules below.
                var sample = FixtureSample(hit.File, hit.Executable, securityTool);
                findings.Add(new AuditFinding(hit.File, hit.Line, rule.Id, example || described || sample ? AuditSeverity.Low : hit.Severity, rule.Why));
            }
            else if (hit.Rule is { Role: RuleRole.Finding } single)
            {
                // An attack quoted as an example, described in a security tool's documents (a list of red flags, a
                // block labelled malicious) or kept in its data files (patterns, reports) is not the skill doing it. A
                // step its instructions give is: calling a skill an audit or a scanner does not excuse what it tells.
                // A test fixture (a data file under tests/, fixtures/, testdata/) that the skill's instructions never name is
                // what its tests feed it: a scanner's samples of the hidden text or the payloads it detects.
                var fixture = FixtureSample(hit.File, hit.Executable, securityTool);
                var severity = example || described || fixture || pattern || securityTool && !hit.Executable && hit.Section < 0 ? AuditSeverity.Low : hit.Severity;
                findings.Add(new AuditFinding(hit.File, hit.Line, single.Id, severity, single.Why));
            }
        }

        // What a link reference's or footnote's definition says, it says where the reference is used.
        foreach (var item in evidence.ToList())
        {
            if (_references.TryGetValue(item.File, out var references) && references.TryGetValue(item.Line, out var uses))
            {
                // One use per section is where the combinations look; eight sections at most.
                evidence.AddRange(uses.DistinctBy(use => use.Section).Take(8).Select(use => item with { Line = use.Line, Section = use.Section, Sentence = -1 }));
            }
        }

        if (_callsItsProvider && !_callsOthers)
        {
            // A skill that reads the agent's config for its own key and calls only that provider's API (OPENAI_API_KEY, api.openai.com)
            // uses the key where it belongs: its code's sends count only where one command reads and sends.
            for (var i = 0; i < evidence.Count; i++)
            {
                if (evidence[i].Signal == Signal.Send && _executables.Contains(evidence[i].File))
                {
                    evidence[i] = evidence[i] with { SameCommandOnly = true };
                }
            }
        }

        findings.AddRange(HiddenInstructions(securityTool));
        findings.AddRange(UnsignedDataSends());

        var judged = AuditCombinations.Judge(evidence).ToList();
        findings.AddRange(judged);

        // A judged line says more than the single rules that fed it: a credential read that is theft is not also "a read".
        var strongest = judged.GroupBy(f => (f.File, f.Line)).ToDictionary(g => g.Key, g => g.Max(f => f.Severity));
        findings.RemoveAll(f => f.Rule is "credential-read" or "env-file-read" && strongest.TryGetValue((f.File, f.Line), out var top) && top > f.Severity);

        var lineTexts = _hits.GroupBy(h => (h.File, h.Line)).ToDictionary(g => g.Key, g => g.First().LineText);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordered = findings.Distinct()
            .OrderByDescending(f => f.Severity).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal)
            .Select(f =>
            {
                var text = lineTexts.GetValueOrDefault((f.File, f.Line), string.Empty);
                var key = $"{f.Rule}\0{f.File}\0{text}";
                var occurrence = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
                return f with { Id = FindingIds.ForAudit(f.Rule, skill, f.File, text, occurrence) };
            });
        return new SkillAudit(path, ordered.ToValueList(), bytes);
    }
}
