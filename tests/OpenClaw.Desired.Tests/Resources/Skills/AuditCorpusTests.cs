using OpenClaw.Desired.Resources.Skills.Audit;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Skills;

/// <summary>The audit on the corpus: benign real-style skills and constructed (inert) malicious ones.</summary>
public sealed class AuditCorpusTests
{
    public static string Corpus(string set) => Path.Combine(RepoPaths.Root, "tests", "OpenClaw.Desired.Tests", "Resources", "Skills", "Corpus", set);

    public static TheoryData<string> Benign() => [.. Directory.GetDirectories(Corpus("benign")).Select(Path.GetFileName).OfType<string>().Order()];

    [Fact]
    public void Corpus_HasEnoughVariedSkills()
    {
        Assert.True(Directory.GetDirectories(Corpus("benign")).Length >= 12);
        Assert.True(Directory.GetDirectories(Corpus("malicious")).Length >= 12);
    }

    [Theory]
    [MemberData(nameof(Benign))]
    public void AuditFolder_BenignSkill_HasNoFindingAtMediumOrAbove(string skill)
    {
        var audit = SkillAuditor.AuditFolder(Path.Combine(Corpus("benign"), skill));

        Assert.All(audit.Findings, f => Assert.True(f.Severity < AuditSeverity.Medium, f.ToString()));
    }

    [Theory]
    [InlineData("curl-pipe-installer", "download-exec", AuditSeverity.Critical)]
    [InlineData("wget-bash", "download-exec", AuditSeverity.Critical)]
    [InlineData("powershell-loader", "download-exec", AuditSeverity.Critical)]
    [InlineData("download-chmod-run", "download-run-binary", AuditSeverity.High)]
    [InlineData("base64-sh", "encoded-exec", AuditSeverity.Critical)]
    [InlineData("python-encoded-exec", "encoded-exec", AuditSeverity.Critical)]
    [InlineData("eval-remote", "eval-fetched", AuditSeverity.High)]
    [InlineData("ssh-key-backup", "credential-exfiltration", AuditSeverity.Critical)]
    [InlineData("browser-sync", "credential-exfiltration", AuditSeverity.Critical)]
    [InlineData("keychain-helper", "credential-exfiltration", AuditSeverity.Critical)]
    [InlineData("openclaw-telemetry", "credential-exfiltration", AuditSeverity.Critical)]
    [InlineData("env-harvest", "env-dump", AuditSeverity.High)]
    [InlineData("raw-ip-fetch", "raw-ip-url", AuditSeverity.High)]
    [InlineData("paste-loader", "lure-paste-run", AuditSeverity.Critical)]
    [InlineData("webhook-exfil", "credential-exfiltration", AuditSeverity.Critical)]
    [InlineData("protected-archive", "protected-archive", AuditSeverity.High)]
    [InlineData("packed-js", "obfuscated-code", AuditSeverity.High)]
    [InlineData("blob-loader", "encoded-blob", AuditSeverity.Medium)]
    [InlineData("gpu-benchmark", "miner", AuditSeverity.Critical)]
    [InlineData("auto-start", "persistence", AuditSeverity.High)]
    [InlineData("remote-debug", "reverse-shell", AuditSeverity.Critical)]
    [InlineData("prompt-lure", "instruction-override", AuditSeverity.High)]
    [InlineData("hidden-text", "hidden-unicode", AuditSeverity.High)]
    [InlineData("yolo-mode", "security-disable", AuditSeverity.High)]
    [InlineData("bundled-binary", "prebuilt-binary", AuditSeverity.High)]
    public void AuditFolder_MaliciousSkill_IsFlaggedByItsRule(string skill, string rule, AuditSeverity severity)
    {
        var audit = SkillAuditor.AuditFolder(Path.Combine(Corpus("malicious"), skill));

        var finding = Assert.Single(audit.Findings, f => f.Rule == rule && f.Line == audit.Findings.Where(g => g.Rule == rule).Min(g => g.Line));
        Assert.Equal(severity, finding.Severity);
        Assert.True(audit.Highest >= severity);
    }

    [Fact]
    public void AuditFolder_DemoCryptoSkill_FindsLureInSkillMdAndTheftInCode()
    {
        var audit = SkillAuditor.AuditFolder(Path.Combine(RepoPaths.DemoHost, "home/claw/.openclaw/workspace/skills/crypto-price-alerts"));

        Assert.Contains(audit.Findings, f => f is { File: "SKILL.md", Line: 10, Rule: "download-exec", Severity: AuditSeverity.Critical });
        Assert.Contains(audit.Findings, f => f is { File: "alerts.py", Line: 5, Rule: "credential-exfiltration" });
        Assert.Contains(audit.Findings, f => f is { File: "alerts.py", Line: 8, Rule: "encoded-exec" });
        Assert.Contains(audit.Findings, f => f is { File: "alerts.py", Rule: "paste-site" });
    }

    [Theory]
    [InlineData("weather")]
    [InlineData("github-triage")]
    public void AuditFolder_DemoBenignSkill_IsClean(string skill) =>
        Assert.Empty(SkillAuditor.AuditFolder(Path.Combine(RepoPaths.DemoHost, "home/claw/.openclaw/workspace/skills", skill)).Findings);

    [Fact]
    public void AuditText_LoopbackAndPrivateAddresses_AreNotHigh()
    {
        var findings = SkillAuditor.AuditText("SKILL.md", "curl http://127.0.0.1:11434/api/tags\ncurl http://192.168.1.5/x\ncurl http://198.51.100.7/x\n").ToList();

        Assert.DoesNotContain(findings, f => f.Finding.Line == 1);
        Assert.Equal(AuditSeverity.Low, findings.Single(f => f.Finding.Line == 2).Finding.Severity);
        Assert.Equal(AuditSeverity.High, findings.Single(f => f.Finding.Line == 3).Finding.Severity);
    }

    [Fact]
    public void AuditFolder_CredentialReadWithoutSending_IsMediumNotTheft()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "SKILL.md"), "---\nname: x\n---\nRun `cat ~/.ssh/id_rsa.pub`? no: `cat ~/.ssh/id_rsa`\n");

        var audit = SkillAuditor.AuditFolder(folder.Path);

        var finding = Assert.Single(audit.Findings);
        Assert.Equal(("credential-read", AuditSeverity.Medium), (finding.Rule, finding.Severity));
    }
}

/// <summary>A temp folder deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ocd-skill-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
