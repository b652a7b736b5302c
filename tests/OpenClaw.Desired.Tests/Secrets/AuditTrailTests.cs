using Microsoft.Extensions.Time.Testing;
using OpenClaw.Desired.Secrets.Audit;

namespace OpenClaw.Desired.Tests.Secrets;

public sealed class AuditTrailTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocd-audit-").FullName;

    private AuditTrail Trail() => new(_folder, new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero)));

    private AuditTrail WriteFive()
    {
        var trail = Trail();
        for (var i = 1; i <= 5; i++)
        {
            trail.Append("run-1", AuditOps.Stored, $"NAME_{i}", $"fp:{i:D12}", "/home/claw/.openclaw/.env");
        }

        return trail;
    }

    [Fact]
    public void Verify_UntouchedTrail_IsIntact()
    {
        var trail = WriteFive();

        var verdict = AuditVerifier.Verify(Trail());

        Assert.True(verdict.Intact, verdict.Message);
        Assert.Equal(5, verdict.Entries);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(trail.Path));
    }

    [Fact]
    public void Append_AfterReopening_ContinuesTheChain()
    {
        WriteFive();

        Trail().Append("run-2", AuditOps.Rotated, "NAME_1", "fp:000000000009");

        Assert.True(AuditVerifier.Verify(Trail()).Intact);
        Assert.Equal(6, AuditVerifier.Verify(Trail()).Entries);
    }

    [Fact]
    public void Verify_ChangedEntry_IsBrokenAtThatEntry()
    {
        var trail = WriteFive();
        var lines = File.ReadAllLines(trail.Path);
        lines[2] = lines[2].Replace("fp:000000000003", "fp:000000000099", StringComparison.Ordinal);
        File.WriteAllLines(trail.Path, lines);

        var verdict = AuditVerifier.Verify(trail);

        Assert.False(verdict.Intact);
        Assert.Equal(3, verdict.BrokenAt);
    }

    [Fact]
    public void Verify_RemovedMiddleEntry_IsBrokenWhereItWas()
    {
        var trail = WriteFive();
        var lines = File.ReadAllLines(trail.Path).ToList();
        lines.RemoveAt(1);
        File.WriteAllLines(trail.Path, lines);

        var verdict = AuditVerifier.Verify(trail);

        Assert.False(verdict.Intact);
        Assert.Equal(2, verdict.BrokenAt);
    }

    [Fact]
    public void Verify_RemovedLastEntry_IsNoticedThroughTheHead()
    {
        var trail = WriteFive();
        var lines = File.ReadAllLines(trail.Path);
        File.WriteAllLines(trail.Path, lines[..^1]);

        var verdict = AuditVerifier.Verify(trail);

        Assert.False(verdict.Intact);
        Assert.Equal(5, verdict.BrokenAt);
    }

    [Fact]
    public void Verify_RehashedEntryWithoutTheRest_IsBrokenAtTheNextEntry()
    {
        // Someone who changes an entry and recomputes its hash still breaks the link from the next one.
        var trail = WriteFive();
        var lines = File.ReadAllLines(trail.Path);
        var entry = System.Text.Json.JsonSerializer.Deserialize<AuditEntry>(lines[1], new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        var forged = entry with { Name = "SOMETHING_ELSE", Hash = null };
        forged = forged with { Hash = AuditTrail.HashOf(forged) };
        lines[1] = System.Text.Json.JsonSerializer.Serialize(forged, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        File.WriteAllLines(trail.Path, lines);

        var verdict = AuditVerifier.Verify(trail);

        Assert.False(verdict.Intact);
        Assert.Equal(3, verdict.BrokenAt);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
