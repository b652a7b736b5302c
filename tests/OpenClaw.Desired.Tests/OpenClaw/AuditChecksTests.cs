using OpenClaw.Desired.Resources.Controls;
using OpenClaw.Desired.Resources.OpenClawAudit;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.OpenClaw;

/// <summary>The audit-check catalog against OpenClaw's documented list, its mechanisms, and the generated docs page.</summary>
public sealed class AuditChecksTests
{
    private static readonly string DocsPath = Path.Combine(RepoPaths.Root, "docs", "openclaw-audit.md");

    /// <summary>Check ids the rows may name beyond OpenClaw's documented 117 (newer or unlisted ids of its audit).</summary>
    private static readonly string[] Undocumented = ["logging.redact_off", "gateway.control_ui.device_auth_disabled", "gateway.control_ui.insecure_auth"];

    private static List<(string Id, string Severity)> Documented() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "OpenClaw.Desired.Tests", "OpenClaw", "Data", "openclaw-audit-checks.csv"))
            .Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(f => (f[0], f[1])).ToList();

    [Fact]
    public void Catalog_HoldsExactlyOpenClawsDocumentedChecks_WithTheirSeverities()
    {
        var documented = Documented();

        Assert.Equal(117, documented.Count);
        Assert.Equal(documented, AuditChecks.All.Select(c => (c.Id, c.Severity)).ToList());
    }

    [Fact]
    public void Catalog_ConvergesAtLeast90_AndEveryCriticalIsConvergedOrReported()
    {
        var (converged, reported, outOfScope, _, _, _) = AuditDocs.Counts();

        Assert.True(converged >= 90, $"{converged} converged");
        Assert.Equal(117, converged + reported + outOfScope);
        Assert.Empty(AuditChecks.All.Where(c => c.Critical && c.Handling == Handling.OutOfScope).Select(c => c.Id));
        Assert.All(AuditChecks.All.Where(c => c.Handling != Handling.Converges), c => Assert.False(string.IsNullOrWhiteSpace(c.Note), $"{c.Id} says neither the fix nor why it is out of scope"));
    }

    [Fact]
    public void EveryConvergedCheck_HasAMechanism_AndNoOtherDoes()
    {
        var mechanisms = Mechanisms.All();

        foreach (var check in AuditChecks.All)
        {
            var closing = mechanisms.Where(m => m.Closes.Any(id => Mechanisms.Names(id, check))).ToList();
            if (check.Handling == Handling.Converges)
            {
                Assert.True(closing.Count > 0, $"{check.Id} is marked converged but no row or kind closes it");
            }
        }

        var unknown = mechanisms.SelectMany(m => m.Closes).Distinct()
            .Where(id => !AuditChecks.All.Any(c => Mechanisms.Names(id, c)) && !Undocumented.Contains(id)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Rows_NameOnlyReportedOrConvergedChecks_AsTheCatalogSays()
    {
        // A row that closes a check the catalog calls out of scope would contradict the docs table.
        var contradictions = ControlCatalog.All.SelectMany(r => r.Closes.Select(id => (r.Key, id)))
            .Where(x => AuditChecks.All.FirstOrDefault(c => Mechanisms.Names(x.id, c)) is { Handling: Handling.OutOfScope })
            .ToList();

        Assert.Empty(contradictions);
    }

    [Fact]
    public void AuditDocs_MatchTheCatalog()
    {
        var rendered = AuditDocs.Render();
        if (Environment.GetEnvironmentVariable("OPENCLAW_DESIRED_WRITE_DOCS") == "1")
        {
            File.WriteAllText(DocsPath, rendered);
        }

        Assert.True(File.Exists(DocsPath), "docs/openclaw-audit.md is missing; run OPENCLAW_DESIRED_WRITE_DOCS=1 dotnet test --filter AuditDocs");
        Assert.True(File.ReadAllText(DocsPath) == rendered, "docs/openclaw-audit.md differs from the catalog; run OPENCLAW_DESIRED_WRITE_DOCS=1 dotnet test --filter AuditDocs");
    }

    [Theory]
    [InlineData("channels.telegram.dm.open", "channels.<provider>.dm.open")]
    [InlineData("tools.elevated.allowFrom.discord.wildcard", "tools.elevated.allowFrom.<provider>.wildcard")]
    [InlineData("plugins.voice-call.security_audit_failed", "plugins.<pluginId>.security_audit_failed")]
    [InlineData("gateway.tailscale_funnel", "gateway.tailscale_funnel")]
    public void Find_MatchesConcreteIdsToTheirTemplates(string concrete, string template)
    {
        Assert.Equal(template, AuditChecks.Find(concrete)?.Id);
    }

    [Fact]
    public void Find_UnknownId_IsNull()
    {
        Assert.Null(AuditChecks.Find("gateway.something_new_upstream"));
    }
}
