namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Where the signals of a combination must be: near each other (same Markdown section, or within a few lines), or anywhere in the skill.</summary>
public enum CombinationScope
{
    /// <summary>On the same line or the next, or in one sentence wrapped over lines: one command that reads and sends.</summary>
    Line,
    Near,
    Skill,
}

/// <summary>
/// A judgement of several signals, as a data row: every group of <see cref="Needs"/> must be met by one of its
/// signals, within <see cref="Scope"/>. The finding names the evidence it combined.
/// </summary>
public sealed record Combination(string Id, AuditSeverity Severity, string Why, Signal[][] Needs, CombinationScope Scope = CombinationScope.Near);

/// <summary>The lure classes and theft patterns the audit judges, strongest first.</summary>
public static class AuditCombinations
{
    private static readonly Signal[] Credentials = [Signal.CredentialRead, Signal.AgentCredentialRead, Signal.WalletRead];

    /// <summary>Signals of reading and sending: a security tool's documents describe them, and data files (requirements.txt) only name them.</summary>
    public static readonly Signal[] Theft = [.. Credentials, Signal.EnvFileRead, Signal.Send, Signal.ExfilSink, Signal.SecretHandover, Signal.Recipient, Signal.KeyFiles];

    public static IReadOnlyList<Combination> All { get; } =
    [
        new("lure-download-run", AuditSeverity.Critical, "tells the reader to download an archive or program from where no one vouches for it (password beside the link, a platform-named helper, a paste site or bare IP) and run it",
            [[Signal.ArchiveDownload], [Signal.ArchivePassword, Signal.PlatformTool, Signal.UntrustedOrigin, Signal.ProtectionLift]]),
        new("lure-paste-run", AuditSeverity.Critical, "sends the reader to a paste site, snippet page or bare IP to copy a command and run it",
            [[Signal.UntrustedOrigin], [Signal.PasteInTerminal, Signal.RunInstruction]]),
        new("lure-platform-tool", AuditSeverity.High, "asks to install or run a helper named like the platform (openclaw-cli, clawhub helper…), which OpenClaw does not need",
            [[Signal.PlatformTool], [Signal.ArchiveDownload, Signal.Fetch, Signal.RunInstruction, Signal.PasteInTerminal, Signal.Prerequisite]]),
        new("lure-protection-bypass", AuditSeverity.High, "tells the reader to lift an OS protection (quarantine, Gatekeeper, antivirus, sudo to finish setup) for something it downloads or runs",
            [[Signal.ProtectionLift], [Signal.ArchiveDownload, Signal.Fetch, Signal.RunInstruction, Signal.MakeExecutable, Signal.PasteInTerminal]]),
        new("credential-exfiltration", AuditSeverity.Critical, "reads credentials (SSH or cloud keys, browser or keychain stores, OpenClaw's auth profiles) and sends data out: the pattern of credential theft",
            [[Signal.CredentialRead], [Signal.Send, Signal.ExfilSink]]),
        new("credential-exfiltration", AuditSeverity.Critical, "reads credentials or agent data in a skill that posts to a collection endpoint (webhook catcher, chat webhook, paste site, bare IP)",
            [Credentials, [Signal.ExfilSink]], CombinationScope.Skill),
        new("credential-exfiltration", AuditSeverity.Critical, "tells the reader or the agent to hand credentials or secrets (OpenClaw's config or auth profiles, .env, API keys, tokens, private keys, seed phrases, wallet or SSH keys) to an e-mail address, a chat handle or bot, or a web page",
            [[Signal.SecretHandover], [Signal.Recipient]], CombinationScope.Line),
        new("credential-exfiltration", AuditSeverity.Critical, "reads credentials, agent credentials or wallet keys and sends them in the same command",
            [Credentials, [Signal.Send]], CombinationScope.Line),
        new("credential-exfiltration", AuditSeverity.Critical, "asks for a seed phrase, recovery phrase or private key and names where to hand it (a chat handle or bot, an e-mail address, a web page)",
            [[Signal.WalletRead], [Signal.Recipient]], CombinationScope.Line),
        new("env-exfiltration", AuditSeverity.Critical, "reads a .env file in a skill that posts to a collection endpoint",
            [[Signal.EnvFileRead], [Signal.ExfilSink]], CombinationScope.Skill),
        new("concealed-theft", AuditSeverity.High, "tells the agent to keep from the user what it does with credentials, sends out or lifts: a cover story in the same section as a credential read, a send, a collection endpoint, a paste site or a lifted protection",
            [[Signal.Concealment], [.. Credentials, Signal.KeyFiles, Signal.EnvFileRead, Signal.Send, Signal.ExfilSink, Signal.SecretHandover, Signal.UntrustedOrigin, Signal.ProtectionLift, Signal.ArchiveDownload]]),
        new("memory-implant", AuditSeverity.High, "tells the agent to write a standing instruction into the files it reads every session (SOUL.md, AGENTS.md, MEMORY.md…) beside a paste page or a handover of secrets: the skill's orders outlive it",
            [[Signal.MemoryWrite], [Signal.UntrustedOrigin, Signal.SecretHandover]]),
        new("memory-implant", AuditSeverity.High, "tells the agent to write a standing instruction into the files it reads every session (SOUL.md, AGENTS.md, MEMORY.md…) beside a recipient or an endpoint the skill names: the skill's orders outlive it, sending to someone",
            [[Signal.MemoryWrite], [Signal.Recipient, Signal.ExfilSink]]),
        new("memory-implant", AuditSeverity.High, "tells the agent to write a standing instruction into the files it reads every session (SOUL.md, AGENTS.md, MEMORY.md…) and to keep it from the user, beside a fetch or a send: the skill's orders outlive it, unseen",
            [[Signal.MemoryWrite], [Signal.Concealment], [Signal.Fetch, Signal.Send, Signal.UntrustedOrigin, Signal.RunInstruction]]),
        new("memory-implant", AuditSeverity.High, "writes into the files the agent reads every session (MEMORY.md, AGENTS.md, other skills' SKILL.md) text that holds an order lifting a safeguard (run commands without asking, change the sandbox or approvals when blocked, keep the secrets the user pastes): the skill's orders pass for the user's",
            [[Signal.StandingFileWrite], [Signal.SafeguardOrder]], CombinationScope.Skill),
        new("credential-send", AuditSeverity.High, "reads credentials (SSH or cloud keys, browser or keychain stores, OpenClaw's auth profiles) and, elsewhere in the skill, sends data out",
            [[Signal.CredentialRead], [Signal.Send]], CombinationScope.Skill),
    ];

    /// <summary>Lines apart that still count as "near" outside a Markdown section.</summary>
    public const int NearLines = 12;

    /// <summary>Every combination met by the evidence, one finding per combination and anchor place.</summary>
    public static IEnumerable<AuditFinding> Judge(IReadOnlyList<Evidence> evidence)
    {
        var claimed = new HashSet<(string File, int Line)>();
        var reported = new HashSet<(string Id, string File, int Place)>();
        foreach (var combination in All)
        {
            var usable = combination.Scope == CombinationScope.Line ? evidence : evidence.Where(e => !e.SameCommandOnly).ToList();
            foreach (var anchor in usable.Where(e => combination.Needs[0].Contains(e.Signal)).OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line))
            {
                // One finding per combination and section (or stretch of lines): a lure says "download" more than once.
                var place = combination.Scope == CombinationScope.Skill ? 0 : anchor.Section >= 0 ? anchor.Section : anchor.Line / NearLines;
                if (reported.Contains((combination.Id, anchor.File, place)))
                {
                    continue;
                }

                var used = new List<Evidence> { anchor };
                foreach (var group in combination.Needs.Skip(1))
                {
                    var match = usable.Where(e => group.Contains(e.Signal) && combination.Scope switch
                    {
                        CombinationScope.Skill => true,
                        CombinationScope.Line => e.File == anchor.File && (Math.Abs(e.Line - anchor.Line) <= 1 || e.Sentence >= 0 && e.Sentence == anchor.Sentence),
                        _ => Near(anchor, e),
                    })
                        .OrderBy(e => e.File == anchor.File ? 0 : 1).ThenBy(e => Math.Abs(e.Line - anchor.Line)).FirstOrDefault();
                    if (match is null)
                    {
                        used = null;
                        break;
                    }

                    used.Add(match);
                }

                // One finding per place: a stronger combination already judged this line.
                if (used is null || !claimed.Add((anchor.File, anchor.Line)))
                {
                    continue;
                }

                reported.Add((combination.Id, anchor.File, place));
                var parts = used.Select(e => $"{e.Signal.Describe()} at {e.File}:{e.Line}").Distinct().ToValueList();
                yield return new AuditFinding(anchor.File, anchor.Line, combination.Id, combination.Severity, combination.Why) { Evidence = parts };
            }
        }
    }

    /// <summary>Lines apart that still count as "near" in a program: one function's download, mode and start are read as one.</summary>
    public const int NearLinesInCode = 30;

    private static bool Near(Evidence a, Evidence b) =>
        a.File == b.File && (a.Section == b.Section && a.Section >= 0 || Math.Abs(a.Line - b.Line) <= (a.Section < 0 && b.Section < 0 ? NearLinesInCode : NearLines));

    private static Planning.ValueList<string> ToValueList(this IEnumerable<string> items) => new(items);
}
