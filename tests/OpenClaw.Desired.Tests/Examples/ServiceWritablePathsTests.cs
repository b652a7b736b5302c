using System.Text.Json;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Examples;

/// <summary>
/// The shipped service keeps ProtectSystem=strict yet may write everything a full apply writes: full applies
/// of the example postures on a copy of the demo host, the paths their journals name and every file that
/// changed under the root, each checked against the unit's writable paths. A new kind that writes
/// somewhere else fails here, not on a host.
/// </summary>
public sealed class ServiceWritablePathsTests
{
    private static readonly string[] Units = ["openclaw-desired.service", "openclaw-desired-once.service"];

    [Theory]
    [InlineData("basic")]
    [InlineData("standard")]
    [InlineData("paranoid")]
    public async Task FullApplyOfTheExamplePosture_WritesOnlyWhereTheServiceMayWrite(string tier)
    {
        var (journaled, changed) = await FullApplyAsync(tier);

        Assert.NotEmpty(journaled);
        foreach (var unit in Units.Select(u => SystemdUnit.Read(Path.Combine(RepoPaths.Examples, "systemd", u))))
        {
            var refused = journaled.Concat(changed).Where(p => !unit.CanWrite(p)).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.True(refused.Count == 0, $"{tier}: the service could not write {string.Join(", ", refused)}");
        }
    }

    [Fact]
    public async Task FullApplyOfTheStandardExample_WritesTheHomeTheBackupUnitsTheResticRepositoryAndTheStateDir()
    {
        var (journaled, changed) = await FullApplyAsync("standard");
        var written = journaled.Concat(changed).ToList();

        Assert.Contains(written, p => p.StartsWith("/home/claw/.openclaw/", StringComparison.Ordinal));
        Assert.Contains(written, p => p.StartsWith("/etc/systemd/system/openclaw-", StringComparison.Ordinal));
        Assert.Contains(written, p => p.StartsWith("/srv/backup/restic/openclaw/", StringComparison.Ordinal));
        Assert.Contains(written, p => p.StartsWith("/var/lib/openclaw-desired/runs/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ReadWritePaths=-/etc/systemd/system -/etc/cron.d", "/etc/systemd/system/openclaw-backup-state.timer")]
    [InlineData("ReadWritePaths=-/home/claw/.openclaw", "/home/claw/.openclaw/openclaw.json")]
    [InlineData("StateDirectory=openclaw-desired", "/var/lib/openclaw-desired/runs/r1/journal.jsonl")]
    public void UnitWithoutAWritablePath_CannotWriteThere(string line, string path)
    {
        var file = Path.Combine(RepoPaths.Examples, "systemd", "openclaw-desired.service");
        var text = File.ReadAllText(file);
        using var temp = ScratchHost.Empty();
        var cut = temp.WritePosture(text.Replace(line + "\n", string.Empty, StringComparison.Ordinal), "cut.service");

        Assert.Contains(line, text);
        Assert.True(SystemdUnit.Read(file).CanWrite(path));
        Assert.False(SystemdUnit.Read(cut).CanWrite(path));
    }

    /// <summary>A full apply on a copy of the demo host (state dir where the package puts it); host paths it wrote.</summary>
    private static async Task<(List<string> Journaled, List<string> Changed)> FullApplyAsync(string tier)
    {
        using var host = ScratchHost.FromDemo();
        // With the archive's password in the store the apply creates the local restic repository too.
        File.AppendAllText(host.Real("/home/claw/.openclaw/.env"), "RESTIC_PASSWORD=writable-paths-test-password-0123456789\n");
        // On a host the unit's writable paths exist (systemd skips a "-" path that does not, and makes the
        // state, runtime and cache dirs itself), so their parents are not the apply's doing.
        foreach (var path in SystemdUnit.Read(Path.Combine(RepoPaths.Examples, "systemd", Units[0])).WritablePaths())
        {
            Directory.CreateDirectory(host.Real(path));
        }

        var before = Files(host.Root);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var run = new ReconcileRun(ResourceKinds.All(), new ProcessCommandRunner(), TimeProvider.System, http);
        var (report, _) = await run.RunAsync(new RunOptions { PosturePath = RepoPaths.Posture(tier), Root = host.Root, StateDir = host.Real("/var/lib/openclaw-desired"), DryRun = false }, null, CancellationToken.None);

        Assert.Equal("apply", report.Mode);
        var journaled = Directory.EnumerateFiles(host.Real("/var/lib/openclaw-desired/runs"), "journal.jsonl", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(entry => entry.TryGetProperty("path", out _))
            .Select(entry => entry.GetProperty("path").GetString()!)
            .ToList();
        var after = Files(host.Root);
        var changed = after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value).Select(a => a.Key)
            .Concat(before.Keys.Where(b => !after.ContainsKey(b)))
            .ToList();
        return (journaled, changed);
    }

    /// <summary>Every file and folder under the root (not following links), by host path, with size and time.</summary>
    private static Dictionary<string, (long, DateTime)> Files(string root) =>
        new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            .ToDictionary(f => "/" + Path.GetRelativePath(root, f.FullName), f => (f is FileInfo file ? file.Length : -1, f.LastWriteTimeUtc), StringComparer.Ordinal);
}
