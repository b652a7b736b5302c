using OpenClaw.Desired.Host;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>How a restore test ended: which snapshot, how many files were compared, which differed.</summary>
public sealed record RestoreOutcome(bool Ok, string Message, ResticSnapshot? Snapshot, int Compared, int ChangedSince, IReadOnlyList<string> Mismatches);

/// <summary>
/// Restores the latest snapshot (or a sample of its files) into a private temp folder and compares every
/// restored file with its source. The source "as of the snapshot" is the source file whose size and
/// modification time still equal the restored one's (restic restores mtimes); files changed since are counted,
/// not compared. Any hash difference, a restic error, or nothing left to compare fails the test.
/// </summary>
public sealed class RestoreTest(HostContext host, Restic restic, string stateDir)
{
    private const int MaxListed = 10;

    public async Task<RestoreOutcome> RunAsync(ArchiveDesired archive, int? sample, CancellationToken cancellationToken)
    {
        var listed = await restic.RunAsync(["snapshots", "--no-lock", "--tag", archive.Tag], Restic.QuickTimeout, cancellationToken);
        if (!listed.Succeeded || ResticJson.Snapshots(listed.StandardOutput) is not { } snapshots)
        {
            return Fail($"cannot list snapshots: {restic.Error(listed)}");
        }

        if (snapshots.OrderBy(s => s.Time).LastOrDefault() is not { } latest)
        {
            return Fail("the repository holds no snapshot of this archive to restore");
        }

        var folder = Path.Combine(stateDir, "backups", "restore-test", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var args = new List<string> { "restore", latest.Id, "--target", folder };
            var wanted = sample is { } n ? await SampleAsync(latest, n, cancellationToken) : null;
            if (wanted is not null)
            {
                args.AddRange(wanted.SelectMany(f => new[] { "--include", f }));
            }

            var restored = await restic.RunAsync(args, Restic.LongTimeout, cancellationToken);
            if (!restored.Succeeded)
            {
                return Fail($"restic restore of snapshot {latest.ShortId} failed: {restic.Error(restored)}") with { Snapshot = latest };
            }

            return Compare(folder, latest, wanted);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<IReadOnlyList<string>> SampleAsync(ResticSnapshot snapshot, int size, CancellationToken cancellationToken)
    {
        var listed = await restic.RunAsync(["ls", "--no-lock", snapshot.Id], Restic.LongTimeout, cancellationToken);
        // Glob characters would make restic's --include match other files than the one named.
        var files = ResticJson.ListedFiles(listed.StandardOutput).Where(f => f.IndexOfAny(['*', '?', '[', '\\']) < 0).ToList();
        var random = new Random(BitConverter.ToInt32(Convert.FromHexString(Hashing.Sha256Hex(snapshot.Id)[..8])));
        return files.OrderBy(_ => random.Next()).Take(size).Order(StringComparer.Ordinal).ToList();
    }

    private RestoreOutcome Compare(string folder, ResticSnapshot snapshot, IReadOnlyList<string>? wanted)
    {
        var compared = 0;
        var changedSince = 0;
        var restoredCount = 0;
        var mismatches = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var restored in Directory.EnumerateFiles(folder, "*", options).Order(StringComparer.Ordinal))
        {
            if (new FileInfo(restored).LinkTarget is not null)
            {
                continue;
            }

            restoredCount++;
            var source = "/" + Path.GetRelativePath(folder, restored);
            var original = new FileInfo(source);
            var copy = new FileInfo(restored);
            if (!original.Exists || original.Length != copy.Length || original.LastWriteTimeUtc != copy.LastWriteTimeUtc)
            {
                changedSince++;
                continue;
            }

            compared++;
            if (Hashing.Sha256Hex(File.ReadAllBytes(restored)) != Hashing.Sha256Hex(File.ReadAllBytes(source)))
            {
                mismatches.Add(host.Root.ToHostPath(source));
            }
        }

        var what = $"snapshot {snapshot.ShortId} ({snapshot.Time:u}): {compared} file(s) restored and identical, {changedSince} changed since";
        if (wanted is not null && restoredCount < wanted.Count)
        {
            return new RestoreOutcome(false, $"restic restored {restoredCount} of {wanted.Count} sampled files of snapshot {snapshot.ShortId}", snapshot, compared, changedSince, mismatches);
        }

        if (mismatches.Count > 0)
        {
            var shown = string.Join(", ", mismatches.Take(MaxListed));
            return new RestoreOutcome(false, $"{mismatches.Count} restored file(s) differ from the source: {shown}", snapshot, compared, changedSince, mismatches.Take(MaxListed).ToList());
        }

        return compared == 0 && restoredCount > 0
            ? new RestoreOutcome(false, $"{what}: nothing unchanged left to compare; back up again, then test", snapshot, 0, changedSince, [])
            : new RestoreOutcome(true, what, snapshot, compared, changedSince, []);
    }

    private static RestoreOutcome Fail(string message) => new(false, message, null, 0, 0, []);
}
