using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OpenClaw.Desired.Incidents;
using OpenClaw.Desired.Incidents.Evidence;
using OpenClaw.Desired.Integrity;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Monitoring.Alerts;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Backups;
using OpenClaw.Desired.Resources.Firewall;
using OpenClaw.Desired.Resources.Skills;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets.Audit;
using OpenClaw.Desired.Secrets.Rotation;
using OpenClaw.Desired.Serialization;
using OpenClaw.Desired.Source;

namespace OpenClaw.Desired.Tests.Safety;

/// <summary>
/// The state files, the audit trail and the report are written with build-time JSON metadata. Each must give the
/// bytes the reflection-based serializer gave with the options these files were always written with (files of
/// earlier versions read back, the audit trail's hashes and the quarantine seals stay the same), and read them back.
/// </summary>
public sealed class GeneratedJsonTests
{
    private const string Awkward = "é <b>&'\"+ 🔴 \u2028 tab\t";

    private static readonly DateTimeOffset At = new(2026, 5, 1, 8, 0, 0, 123, TimeSpan.FromHours(2));

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions WebIndented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly JsonSerializerOptions Evidence = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly JsonSerializerOptions Report = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly RotationRecord Rotation = new() { Type = "apiKey", TrackedSince = At, RotatedAt = At.AddDays(1), Fingerprint = "fp:0123456789ab", SuspectedWhere = Awkward };

    private static readonly SuspendRecord Suspension = new(Awkward, At, "root") { Until = At.AddHours(2) };

    [Fact]
    public void JournalEntry_SameBytesAsReflection()
    {
        Same(new JournalEntry { Seq = 7, At = At, Event = JournalEvents.WriteDone, Path = "/home/claw/.openclaw/openclaw.json", Existed = true, Mode = 384, Uid = 1000, Detail = Awkward }, Web, JournalJsonContext.Default.JournalEntry);
        Same(new JournalEntry { Event = JournalEvents.RunStart }, Web, JournalJsonContext.Default.JournalEntry);
    }

    [Fact]
    public void AuditEntry_SameBytesAndHashAsReflection()
    {
        var entry = new AuditEntry { Seq = 1, At = At, Run = "run-1", Op = AuditOps.Stored, Name = "NAME", Fingerprint = "fp:000000000001", Detail = Awkward, Prev = AuditTrail.Genesis };

        Same(entry with { Hash = "ab" }, Web, JournalJsonContext.Default.AuditEntry);
        Assert.Equal(Hashing.Sha256Hex(entry.Prev + "\n" + JsonSerializer.Serialize(entry, Web)), AuditTrail.HashOf(entry));
    }

    [Fact]
    public void StateFiles_SameBytesAsReflection()
    {
        var state = StateJsonContext.Default;
        Same(new RotationRecords.RecordsFile(1, new SortedDictionary<string, RotationRecord>(StringComparer.Ordinal) { ["OPENAI_API_KEY"] = Rotation, ["B"] = Rotation with { RotatedAt = null } }), WebIndented, state.RecordsFile);
        Same(
            new LockdownRecord("l-1", Awkward, At, "root")
            {
                Runs = ["r1", "r2"],
                Stopped = [new StoppedService("unit", "openclaw-gateway.service", null, true, 42, 1000, "node gateway", "/home/claw")],
                Quarantined = ["/skills/x"],
                Suspected = [new SuspectedSecret("OPENAI_API_KEY", Rotation), new SuspectedSecret("B", null)],
                Suspension = Suspension,
                ReleasedAt = At,
            },
            WebIndented,
            state.LockdownRecord);
        Same(
            new IntegrityBaseline(1, At, "r1", [new WatchedPath("/etc/x", "high", Awkward)], new SortedDictionary<string, FileState>(StringComparer.Ordinal) { ["/etc/x"] = new FileState("sha256:00", 0, 0, 420, 12, At) }),
            WebIndented,
            state.IntegrityBaseline);
        Same(Suspension, WebIndented, state.SuspendRecord);
        Same(new LoopStatus { LastRun = At, RunId = "r1", Suspended = Suspension, Stalled = [new StalledChange("c", null, "rev", At, Awkward)], Score = 6.5, Drift = ["fp:1"] }, WebIndented, state.LoopStatus);
        Same(new FetchRecord("/srv/repo", At), WebIndented, state.FetchRecord);
        Same(new AppliedRecord("/srv/repo", "main", "abc", At, "r1"), WebIndented, state.AppliedRecord);
        Same(new AlertState { Checks = { ["disk"] = new CheckMemory("failed", At) }, Channels = { ["telegram"] = new Dictionary<string, Notified> { ["disk"] = new Notified("failed", At) } } }, WebIndented, state.AlertState);
        Same(new MetricCounters { ChangesApplied = 3, Runs = { ["applied"] = 2 } }, WebIndented, state.MetricCounters);
        Same(new QuarantineManifest("skill", "/home/claw/skills/skill", "sha256:00", Awkward, At, "/home/claw/.openclaw/openclaw.json", null, Seal: "00"), WebIndented, state.QuarantineManifest);
        Same(new PendingChange("c1", "inet openclaw", At, At.AddMinutes(2), ["nft"], null) { Directory = "/run/x", Decision = "confirmed" }, WebIndented, state.PendingChange);
    }

    [Fact]
    public void EvidenceManifest_SameBytesAsReflection() =>
        Same(
            new EvidenceManifest(1, "e1", At, Awkward, "claw-vps", "/", EvidenceManifest.PlainArchive, null, [new EvidenceEntry("a", "/a", "00", 3) { Mode = 384 }, new EvidenceEntry("b", null, null, 0) { Note = Awkward }]),
            Evidence,
            EvidenceJsonContext.Default.EvidenceManifest);

    [Fact]
    public void ReportAndBackupRecord_SameBytesAsReflection()
    {
        var report = new RunReport
        {
            RunId = "r1",
            Mode = "dry-run",
            ToolVersion = "test",
            StartedAt = At,
            Result = "changes",
            Posture = new PostureInfo("posture.yaml", "sha256:00", "standard", new SourceInfo("/srv/repo", "main", "abc", At, Awkward) { Files = ["posture.yaml"] }),
            Host = new HostInfo("/", "claw", null),
            Changes = [new ChangeReport("agent", "gateway.bind", "update", Awkward, "lan", "loopback", "tightens") { Checks = ["gateway.bind"] }],
            Findings = [new FindingReport("skills", "x", "rule", "high", "SKILL.md:1", Awkward) { Waived = new WaivedInfo("ok", "me", "2026-12-01") }],
            Score = new ScoreReport(4.2, 9, [new ScoreCategoryReport("secrets", 4.2, [new ScoreCriterionReport("c", 2, null, Awkward)])]) { After = new ScoreReport(7, 9, []) },
            Connections = new ConnectionsReport(3, 180, [new RefusedDestination("203.0.113.9", 443, 3)]),
        };
        var options = ReportWriter.Options;

        Same(report, Report, (JsonTypeInfo<RunReport>)options.GetTypeInfo(typeof(RunReport)));
        Same(new BackupRecord { Operation = "backup", Target = "state", At = At, Ok = true, Message = Awkward, Mismatches = ["a"] }, Report, (JsonTypeInfo<BackupRecord>)options.GetTypeInfo(typeof(BackupRecord)));
    }

    /// <summary>Same bytes as the reflection-based serializer with the given options, and read back to the same bytes.</summary>
    private static void Same<T>(T value, JsonSerializerOptions reflection, JsonTypeInfo<T> generated)
    {
        var expected = JsonSerializer.Serialize(value, reflection);

        var written = JsonSerializer.Serialize(value, generated);
        var reread = JsonSerializer.Serialize(JsonSerializer.Deserialize(expected, generated)!, generated);

        Assert.Equal(expected, written);
        Assert.Equal(expected, reread);
    }
}
