namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// What a line says or does, on its own rarely a finding: the audit judges combinations of them (download +
/// archive password, untrusted page + "paste it in Terminal", credential read + collection endpoint).
/// </summary>
public enum Signal
{
    ArchiveDownload,
    Fetch,
    RunInstruction,
    PasteInTerminal,
    UntrustedOrigin,
    ArchivePassword,
    PlatformTool,
    Prerequisite,
    ProtectionLift,
    MakeExecutable,
    CredentialRead,
    AgentCredentialRead,
    WalletRead,
    EnvFileRead,
    Send,
    ExfilSink,
    SecretHandover,
    Recipient,
    Concealment,
    MemoryWrite,

    /// <summary>A program that writes one of the agent's standing files (MEMORY.md, AGENTS.md, a skill's SKILL.md).</summary>
    StandingFileWrite,

    /// <summary>An order in a program's strings that lifts a safeguard (run without asking, change the sandbox, keep pasted tokens).</summary>
    SafeguardOrder,

    /// <summary>Private-key files gathered by their kind (<c>*.key</c>, <c>*.p12</c>, <c>*.pfx</c>): a theft only with a cover story beside it.</summary>
    KeyFiles,
}

/// <summary>One signal at one place; <see cref="Section"/> is the Markdown section (heading count) it is in.</summary>
public sealed record Evidence(Signal Signal, string File, int Line, int Section)
{
    /// <summary>
    /// Counts only where a read and a send are one command (<see cref="CombinationScope.Line"/>): a security tool's
    /// documents and the paths its code guards name credentials and senders as what they watch for, but a step that
    /// pipes <c>gh auth token</c> into curl is a step, whatever the skill calls itself.
    /// </summary>
    public bool SameCommandOnly { get; init; }

    /// <summary>Where the evidence's sentence starts, in a document whose wrapped sentences span lines; -1 elsewhere.</summary>
    public int Sentence { get; init; } = -1;
}

public static class Signals
{
    /// <summary>How a finding names the signals it combined.</summary>
    public static string Describe(this Signal signal) => signal switch
    {
        Signal.ArchiveDownload => "download of an archive or program",
        Signal.Fetch => "download",
        Signal.RunInstruction => "instruction to run it",
        Signal.PasteInTerminal => "instruction to paste into a terminal",
        Signal.UntrustedOrigin => "paste site, file drop, shortener, tunnel or bare IP",
        Signal.ArchivePassword => "archive password",
        Signal.PlatformTool => "helper tool named like the platform",
        Signal.Prerequisite => "\"prerequisite\" or \"required\" wording",
        Signal.ProtectionLift => "lifting an OS protection (quarantine, Gatekeeper, antivirus)",
        Signal.MakeExecutable => "chmod +x",
        Signal.CredentialRead => "credential read",
        Signal.AgentCredentialRead => "agent credential read (~/.openclaw, ~/.clawdbot, auth profiles)",
        Signal.WalletRead => "wallet or seed phrase read",
        Signal.EnvFileRead => ".env read",
        Signal.Send => "data sent out",
        Signal.ExfilSink => "collection endpoint (webhook catcher, chat webhook, bare IP)",
        Signal.SecretHandover => "instruction to hand over credentials or secrets",
        Signal.Recipient => "recipient (e-mail address, chat handle or bot, web page)",
        Signal.Concealment => "cover story (what to keep from the user, what to say instead)",
        Signal.MemoryWrite => "text written into the agent's standing instructions (SOUL.md, AGENTS.md, MEMORY.md…)",
        Signal.StandingFileWrite => "a program that writes the agent's standing files (MEMORY.md, AGENTS.md, SKILL.md…)",
        Signal.SafeguardOrder => "an order that lifts a safeguard (run without asking, change the sandbox or approvals, keep pasted secrets)",
        Signal.KeyFiles => "private-key files gathered by their kind (*.key, *.p12, *.pfx)",
        _ => signal.ToString(),
    };
}
