using OpenClaw.Desired.Scoring;

namespace OpenClaw.Desired.Tests.Scoring;

/// <summary>
/// Every criterion flips the score when its observation flips: from a host where every criterion holds, one fact changed
/// costs exactly that criterion's weight in its category and nothing else; the fact unknown costs the same and says so.
/// A criterion added without a row here fails <see cref="EveryCriterion_HasAFlipRow"/>.
/// </summary>
public sealed class CriterionFlipTests
{
    private static readonly Dictionary<string, string> Good = new(StringComparer.Ordinal)
    {
        ["config:exec.security"] = "allowlist",
        ["config:exec.ask"] = "always",
        ["config:elevated"] = "false",
        ["config:sandbox.mode"] = "all",
        ["config:skills.allow"] = "weather",
        ["config:gateway.bind"] = "loopback",
        ["config:gateway.auth"] = "token",
        ["config:tools.deny.message"] = "true",
        ["config:browser.noSandbox"] = "false",
        ["config:browser.privateNetwork"] = "false",
        ["config:logging.redact"] = "tools",
        ["config:models.local"] = "true",
        ["agent:gateway.token"] = "64",
        ["skills:installed:weather"] = "enabled",
        ["skills:audit:weather"] = "low",
        ["secrets:store"] = "readable",
        ["secrets:permission:openclaw.json"] = "ok",
        ["secrets:rotation:API_KEY"] = "ok",
        ["backups:schedule"] = "installed",
        ["backups:copy:archive:state"] = "healthy",
        ["backups:offsite:archive:state"] = "true",
        ["backups:321"] = "met",
        ["backups:verified:state"] = "passed",
        ["firewall:output.policy"] = "drop",
        ["firewall:input.policy"] = "drop",
        ["firewall:open-egress"] = "none",
        ["firewall:egress"] = "minimal",
        ["firewall:refused.logged"] = "true",
        ["integrity:baseline"] = "recorded",
        ["state:reconciled"] = "1",
        ["state:rollback"] = "ready",
        ["state:audit"] = "intact",
        ["state:evidence-key"] = "present",
    };

    /// <summary>Per criterion: the fact that breaks it, the fact made unknown, and the criteria that read the same fact.</summary>
    public static TheoryData<string, string, string, string, string> Flips => new()
    {
        { "backup.scheduled", "backups:schedule", "missing", "backups:schedule", "" },
        { "backup.fresh", "backups:copy:archive:state", "stale", "backups:copy:archive:state", "backup.encrypted,backup.offsite" },
        { "backup.encrypted", "backups:copy:archive:state", "stale", "backups:copy:archive:state", "backup.fresh,backup.offsite" },
        { "backup.offsite", "backups:offsite:archive:state", "false", "backups:copy:archive:state", "~backup.fresh,~backup.encrypted" },
        { "backup.rule321", "backups:321", "unmet", "backups:321", "" },
        { "backup.verified", "backups:verified:state", "not passed", "backups:verified:state", "" },
        { "access.execAllowlist", "config:exec.security", "full", "config:exec.security", "" },
        { "access.execApproval", "config:exec.ask", "off", "config:exec.ask", "access.approveEveryCall" },
        { "access.elevatedOff", "config:elevated", "true", "config:elevated", "" },
        { "access.sandbox", "config:sandbox.mode", "off", "config:sandbox.mode", "" },
        { "access.skillAllowlist", "skills:installed:crypto-price-alerts", "enabled", "config:skills.allow", "" },
        { "access.gatewayAuth", "agent:gateway.token", "15", "agent:gateway.token", "" },
        { "access.approveEveryCall", "config:exec.ask", "on-miss", "config:exec.ask", "~access.execApproval" },
        { "access.readOnlyMessaging", "config:tools.deny.message", "false", "config:tools.deny.message", "" },
        { "access.browserSandbox", "config:browser.noSandbox", "true", "config:browser.noSandbox", "" },
        { "monitoring.logRedaction", "config:logging.redact", "off", "config:logging.redact", "" },
        { "monitoring.integrity", "integrity:drift:/home/claw/.openclaw/workspace/SOUL.md", "changed", "integrity:drift:/home/claw/.openclaw/workspace/AGENTS.md", "" },
        { "monitoring.refusedLogged", "firewall:refused.logged", "false", "firewall:refused.logged", "" },
        { "monitoring.skillAudit", "skills:audit:weather", "critical", "skills:audit:weather", "" },
        { "monitoring.reconciled", "state:reconciled", "30", "state:reconciled", "" },
        { "incident.integrityBaseline", "integrity:baseline", "absent", "integrity:baseline", "" },
        { "incident.rollbackReady", "state:rollback", "interrupted", "state:rollback", "" },
        { "incident.auditTrail", "state:audit", "broken", "state:audit", "" },
        { "incident.evidenceKey", "state:evidence-key", "absent", "state:evidence-key", "" },
        { "network.egressFiltered", "firewall:output.policy", "accept", "firewall:output.policy", "" },
        { "network.inboundFiltered", "firewall:input.policy", "absent", "firewall:input.policy", "" },
        { "network.noOpenEgress", "firewall:open-egress", "egress:anything", "firewall:open-egress", "" },
        { "network.egressMinimal", "firewall:egress", "filtered", "firewall:egress", "" },
        { "network.localModels", "config:models.local", "false", "config:models.local", "" },
        { "network.gatewayLoopback", "config:gateway.bind", "lan", "config:gateway.bind", "" },
        { "network.browserPrivate", "config:browser.privateNetwork", "true", "config:browser.privateNetwork", "" },
        { "secrets.noPlaintext", "secrets:plaintext:/home/claw/.openclaw/openclaw.json:41:18", "plaintext", "secrets:plaintext:/home/claw/.openclaw/workspace/MEMORY.md:7:42", "" },
        { "secrets.store", "secrets:store", "missing", "secrets:store", "" },
        { "secrets.permissions", "secrets:permission:openclaw.json", "open", "secrets:permission:openclaw.json", "" },
        { "secrets.rotationCurrent", "secrets:rotation:API_KEY", "due", "secrets:rotation:API_KEY", "~secrets.noneSuspected,~secrets.tracked" },
        { "secrets.noneSuspected", "secrets:rotation:API_KEY", "suspected", "secrets:rotation:API_KEY", "~secrets.rotationCurrent,~secrets.tracked" },
        { "secrets.tracked", "secrets:rotation:API_KEY", "untracked", "secrets:rotation:API_KEY", "~secrets.rotationCurrent,~secrets.noneSuspected" },
    };

    [Fact]
    public void AHostWhereEveryFactIsGood_ScoresTen()
    {
        var score = ScoreEngine.Score(Set(Good), 9.0);

        Assert.Equal(10, score.Overall);
        Assert.All(score.Categories.SelectMany(c => c.Criteria), c => Assert.True(c.Met, $"{c.Id}: {c.Why}"));
        Assert.Equal(ScoreCategories.All, score.Categories.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(Flips))]
    public void OneFactFlipped_CostsExactlyItsCriterion_AndUnknownCostsTheSame(string id, string key, string bad, string unknownKey, string also)
    {
        // "also": criteria that read the same fact and flip with it; "~id" ones flip only when it is unknown.
        var sharing = also.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var flippedIds = sharing.Where(a => !a.StartsWith('~')).Append(id).ToHashSet(StringComparer.Ordinal);
        var unknownIds = sharing.Select(a => a.TrimStart('~')).Append(id).ToHashSet(StringComparer.Ordinal);

        var flipped = ScoreEngine.Score(Set(new Dictionary<string, string>(Good) { [key] = bad }), 9.0);
        var unknown = ScoreEngine.Score(new ObservationSet(Observations(Good.Where(g => g.Key != unknownKey)).Append(Observation.Unknown(unknownKey, "x", "could not be read"))), 9.0);

        AssertOnly(flipped, id, false, flippedIds);
        AssertOnly(unknown, id, null, unknownIds);
        Assert.StartsWith("unknown (counts as not met)", unknown.Categories.SelectMany(c => c.Criteria).Single(c => c.Id == id).Why, StringComparison.Ordinal);
        Assert.Equal(ScoreCriteria.All.Single(c => c.Id == id).EarnBack, flipped.Categories.SelectMany(c => c.Criteria).Single(c => c.Id == id).EarnBack);
    }

    [Fact]
    public void EveryCriterion_HasAFlipRow_AndEveryRowNamesACriterion()
    {
        var rows = Flips.Select(r => (string)r[0]).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ScoreCriteria.All.Select(c => c.Id).Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AProbeThatDidNotRun_MakesItsCriteriaUnknown_WithItsReason()
    {
        var facts = Good.Where(g => !g.Key.StartsWith("backups:", StringComparison.Ordinal));
        var observed = Observations(facts).Where(o => o.Key != ObservationSet.Marker("backups"));
        var score = ScoreEngine.Score(new ObservationSet(observed, new Dictionary<string, string> { ["backups"] = "probe failed: restic is missing" }), 9.0);

        var backup = score.Categories.Single(c => c.Name == ScoreCategories.Backup);
        Assert.Equal(0, backup.Score);
        Assert.All(backup.Criteria, c => Assert.Equal("unknown (counts as not met): probe failed: restic is missing", c.Why));
    }

    [Fact]
    public void After_AppliesEachPlannedChangesEffect_AndOnlyTheChangesApplied()
    {
        var facts = Observations(new Dictionary<string, string>(Good) { ["config:exec.security"] = "full", ["config:elevated"] = "true" }).ToList();
        facts[facts.FindIndex(f => f.Key == "config:exec.security")] = facts.First(f => f.Key == "config:exec.security").Converging(["agent/tools.exec.security"], "allowlist");
        facts[facts.FindIndex(f => f.Key == "config:elevated")] = facts.First(f => f.Key == "config:elevated").Converging(["agent/tools.elevated.enabled"], "false");
        var set = new ObservationSet(facts);

        var after = ScoreEngine.Score(set.After(["agent/tools.exec.security"]), 9.0);

        var access = after.Categories.Single(c => c.Name == ScoreCategories.AccessControl).Criteria;
        Assert.True(access.Single(c => c.Id == "access.execAllowlist").Met);
        Assert.False(access.Single(c => c.Id == "access.elevatedOff").Met);
    }

    /// <summary>The criterion stands as expected, exactly the named ones cost points, and each category loses exactly their weight.</summary>
    private static void AssertOnly(Desired.Reporting.ScoreReport score, string id, bool? met, IReadOnlySet<string> failing)
    {
        var all = score.Categories.SelectMany(c => c.Criteria).ToList();
        Assert.Equal(met, all.Single(c => c.Id == id).Met);
        Assert.Equal(failing.Order(StringComparer.Ordinal), all.Where(c => c.Met != true).Select(c => c.Id).Order(StringComparer.Ordinal));
        foreach (var category in score.Categories)
        {
            var rows = ScoreCriteria.All.Where(c => c.Category == category.Name).ToList();
            var lost = rows.Where(c => failing.Contains(c.Id)).Sum(c => c.Weight);
            Assert.Equal(ScoreEngine.Round(10.0 * (rows.Sum(c => c.Weight) - lost) / rows.Sum(c => c.Weight)), category.Score);
        }

        Assert.True(score.Overall < 10, $"the overall score did not move for {id}");
    }

    private static ObservationSet Set(IEnumerable<KeyValuePair<string, string>> facts) => new(Observations(facts));

    private static IEnumerable<Observation> Observations(IEnumerable<KeyValuePair<string, string>> facts) =>
        facts.Select(f => new Observation(f.Key, f.Value, f.Key.Split(':')[0], $"{f.Key} is {f.Value}"))
            .Concat(new[] { "config", "agent", "skills", "secrets", "backups", "firewall", "integrity", "state" }.Select(s => new Observation(ObservationSet.Marker(s), "true", s, "probed")));
}
