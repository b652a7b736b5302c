using OpenClaw.Desired.Resources.Skills.Audit;

namespace OpenClaw.Desired.Tests.Resources.Skills;

/// <summary>
/// The lure classes in many wordings, and the hard negatives, audited without the IOC list: detection must come
/// from the class, not from knowing a campaign's hosts or publishers.
/// </summary>
public sealed class LureCorpusTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static TheoryData<string> Malicious() => [.. LureCorpus.All().Where(s => s.Malicious).Select(s => s.Name)];

    public static TheoryData<string> Benign() => [.. LureCorpus.All().Where(s => !s.Malicious).Select(s => s.Name)];

    private SkillAudit Audit(string name)
    {
        var skill = LureCorpus.All().Single(s => s.Name == name);
        skill.WriteTo(_folder.Path);
        return SkillAuditor.AuditFolder(Path.Combine(_folder.Path, skill.Malicious ? "malicious" : "benign", name), AuditOptions.WithoutIocs);
    }

    [Theory]
    [MemberData(nameof(Malicious))]
    public void Lure_IsHighOrAbove_WithoutTheIocList(string name)
    {
        var audit = Audit(name);

        Assert.True(audit.Highest >= AuditSeverity.High, $"{name}: {string.Join("; ", audit.Findings)}");
    }

    [Theory]
    [MemberData(nameof(Benign))]
    public void HardNegative_StaysBelowHigh(string name)
    {
        var audit = Audit(name);

        Assert.True(audit.Highest is null or < AuditSeverity.High, $"{name}: {string.Join("; ", audit.Findings.Where(f => f.Severity >= AuditSeverity.High))}");
    }

    [Fact]
    public void CombinedFinding_NamesTheEvidenceItCombined()
    {
        var audit = Audit("archive-password-0");

        var lure = Assert.Single(audit.Findings, f => f.Rule == "lure-download-run");
        Assert.Equal(AuditSeverity.Critical, lure.Severity);
        Assert.Contains(lure.Evidence, e => e.StartsWith("download of an archive or program at SKILL.md:", StringComparison.Ordinal));
        Assert.Contains(lure.Evidence, e => e.StartsWith("archive password at SKILL.md:", StringComparison.Ordinal));
    }

    public static TheoryData<string> DecodeIntoShell() => [.. LureCorpus.All().Where(s => s.Malicious && s.Name.StartsWith("decode-", StringComparison.Ordinal)).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(DecodeIntoShell))]
    public void DecodeIntoShell_IsCriticalEncodedExec(string name)
    {
        var audit = Audit(name);

        Assert.Contains(audit.Findings, f => f is { Rule: "encoded-exec", Severity: AuditSeverity.Critical });
    }

    public static TheoryData<string> TwoStepDownloads() => [.. LureCorpus.All().Where(s => s.Malicious && s.Name.StartsWith("two-step-", StringComparison.Ordinal)).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(TwoStepDownloads))]
    public void TwoStepDownload_IsCriticalDownloadThenRun(string name)
    {
        var audit = Audit(name);

        Assert.Contains(audit.Findings, f => f is { Rule: "download-then-run", Severity: AuditSeverity.Critical });
    }

    [Fact]
    public void TwoStepDownload_FromAVendorInstallerHost_IsMedium()
    {
        var audit = Audit("pnpm-two-step");

        Assert.Contains(audit.Findings, f => f is { Rule: "download-then-run", Severity: AuditSeverity.Medium });
    }

    public static TheoryData<string> ProseExfiltration() => [.. LureCorpus.All().Where(s => s.Malicious && s.Name.StartsWith("handover-", StringComparison.Ordinal)).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ProseExfiltration))]
    public void ProseExfiltration_IsCriticalCredentialExfiltration(string name)
    {
        var audit = Audit(name);

        Assert.Contains(audit.Findings, f => f is { Rule: "credential-exfiltration", Severity: AuditSeverity.Critical });
    }

    [Fact]
    public void ProseExfiltration_NamesTheHandoverAndTheRecipient()
    {
        var audit = Audit("handover-email");

        var finding = Assert.Single(audit.Findings, f => f.Rule == "credential-exfiltration");
        Assert.Equal(AuditSeverity.Critical, finding.Severity);
        Assert.Contains(finding.Evidence, e => e.StartsWith("instruction to hand over credentials or secrets at SKILL.md:", StringComparison.Ordinal));
        Assert.Contains(finding.Evidence, e => e.StartsWith("recipient (e-mail address, chat handle or bot, web page) at SKILL.md:", StringComparison.Ordinal));
    }

    [Fact]
    public void Corpus_CoversEveryClassInSeveralWordings()
    {
        var classes = LureCorpus.All().Where(s => s.Malicious).GroupBy(s => s.Class).ToList();

        Assert.Equal(7, classes.Count);
        Assert.All(classes, c => Assert.True(c.Count() >= 8, c.Key));
        Assert.True(LureCorpus.All().Count(s => !s.Malicious) >= 12);
    }

    public void Dispose() => _folder.Dispose();
}
