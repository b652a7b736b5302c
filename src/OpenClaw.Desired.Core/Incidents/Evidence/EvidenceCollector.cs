using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Resources.Firewall;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Incidents.Evidence;

/// <summary>What to collect: OpenClaw's paths, the reconciler's state dir, and the network namespace that scopes processes.</summary>
public sealed record EvidenceScope(OpenClawPaths Paths, string? Home, StateDirectory State, string? Netns, IReadOnlyList<string> Logs)
{
    /// <summary>The OpenClaw user's uid: a log folder or file is collected only when that user owns it.</summary>
    public int? AgentUid { get; init; }
}

/// <summary><c>processes.json</c> of a bundle: which processes were listed (the host's, or one network namespace's) and each one.</summary>
internal sealed record EvidenceProcesses(string Scope, IEnumerable<ProcessInfo> Processes);

/// <summary>
/// Writes the evidence archive: OpenClaw's state dir (config, .env, credentials, auth profiles, logs, session index,
/// managed skills) with session transcripts as metadata only, the workspace's instruction files, skills and hooks,
/// OpenClaw's log files, the reconciler's last reports, the process list and the open connections. Every host path is
/// read through <see cref="HostFs"/>: links are recorded as links, FIFOs and devices by type, nothing over
/// <see cref="MaxFileBytes"/> is read, and the archive stops growing at <see cref="MaxTotalBytes"/>.
/// </summary>
public sealed class EvidenceCollector(HostContext host, EvidenceScope scope)
{
    public const long MaxFileBytes = 16L * 1024 * 1024;
    public const long MaxTotalBytes = 512L * 1024 * 1024;
    public const int ReportsKept = 5;

    private readonly List<EvidenceEntry> _entries = [];
    private long _total;

    public async Task<IReadOnlyList<EvidenceEntry>> WriteAsync(Stream archive, CancellationToken cancellationToken)
    {
        await using var tar = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true);
        var paths = scope.Paths;
        Tree(tar, paths.StateDir, relative => !relative.StartsWith("workspace", StringComparison.Ordinal) && !Transcript(relative));
        Transcripts(paths.StateDir);
        foreach (var file in new[] { "AGENTS.md", "SOUL.md", "TOOLS.md", "IDENTITY.md", "USER.md", "HEARTBEAT.md", "BOOT.md", "BOOTSTRAP.md", "MEMORY.md", "HANDOFF.md" })
        {
            Tree(tar, $"{paths.Workspace}/{file}", _ => true);
        }

        foreach (var folder in new[] { $"{paths.Workspace}/skills", $"{paths.Workspace}/.agents/skills", $"{paths.Workspace}/hooks" }.Concat(scope.Home is null ? [] : [$"{scope.Home}/.agents/skills"]))
        {
            Tree(tar, folder, _ => true);
        }

        foreach (var log in scope.Logs)
        {
            Log(tar, log);
        }

        Reports(tar);
        Add(tar, "system/processes.json", Encoding.UTF8.GetBytes(Processes()), null, "process list");
        Add(tar, "system/connections.txt", Encoding.UTF8.GetBytes(await ConnectionsAsync(cancellationToken)), null, "open connections (ss -tanup)");
        return _entries;
    }

    private static bool Transcript(string relative) =>
        relative.StartsWith("agents/", StringComparison.Ordinal) && relative.Contains("/sessions/", StringComparison.Ordinal) && relative.EndsWith(".jsonl", StringComparison.Ordinal);

    /// <summary>A file, or a folder walked whole, under "host/" + its host path.</summary>
    private void Tree(TarWriter tar, string hostPath, Func<string, bool> keep)
    {
        HostStat stat;
        try
        {
            stat = host.Fs.Stat(hostPath);
        }
        catch (Exception e) when (e is UnsafePathException or IOException)
        {
            _entries.Add(new EvidenceEntry("host" + hostPath, hostPath, null, 0) { Note = $"not read: {Reporting.UserMessage.Of(e)}" });
            return;
        }

        if (!stat.Exists)
        {
            return;
        }

        if (!stat.IsDirectory)
        {
            One(tar, hostPath, stat, () => host.Fs.OpenRead(hostPath), () => host.Fs.ReadLink(hostPath));
            return;
        }

        try
        {
            foreach (var entry in host.Fs.Walk(hostPath, new WalkLimits { Enter = relative => keep(relative + "/") || keep(relative) }))
            {
                if (entry.Problem is { } problem)
                {
                    _entries.Add(new EvidenceEntry("host" + entry.HostPath, entry.HostPath, null, 0) { Note = problem });
                }
                else if (keep(entry.Relative))
                {
                    var current = entry;
                    One(tar, entry.HostPath, entry.Stat, current.OpenRead, () => current.LinkTarget);
                }
            }
        }
        catch (Exception e) when (e is UnsafePathException or IOException or UnauthorizedAccessException)
        {
            _entries.Add(new EvidenceEntry("host" + hostPath, hostPath, null, 0) { Note = $"not walked: {Reporting.UserMessage.Of(e)}" });
        }
    }

    /// <summary>
    /// A log folder or file: where it is comes from openclaw.json (logging.file), which the agent may write, so it is
    /// read only when the OpenClaw user owns it; root's keys or /etc/shadow are named, never copied.
    /// </summary>
    private void Log(TarWriter tar, string hostPath)
    {
        HostStat? stat = null;
        try
        {
            stat = host.Fs.Stat(hostPath);
        }
        catch (Exception e) when (e is UnsafePathException or IOException)
        {
            // Tree records why it cannot be read.
        }

        if (stat is { Exists: true } owned && owned.Uid != scope.AgentUid)
        {
            _entries.Add(new EvidenceEntry("host" + hostPath, hostPath, null, owned.Size)
            {
                Mode = owned.PermissionBits,
                Uid = owned.Uid,
                Gid = owned.Gid,
                Modified = owned.Modified,
                Note = $"a log location openclaw.json names, owned by uid {owned.Uid}, not the OpenClaw user's{(scope.AgentUid is { } uid ? $" (uid {uid})" : string.Empty)}: not collected",
            });
            return;
        }

        Tree(tar, hostPath, _ => true);
    }

    private void One(TarWriter tar, string hostPath, HostStat stat, Func<Stream> open, Func<string?> link)
    {
        var name = "host" + hostPath;
        var meta = new EvidenceEntry(name, hostPath, null, stat.Size) { Mode = stat.PermissionBits, Uid = stat.Uid, Gid = stat.Gid, Modified = stat.Modified };
        string? note = stat.Type switch
        {
            EntryType.Symlink => $"a symbolic link to {link()} (not followed)",
            EntryType.File when stat.Size > MaxFileBytes => $"larger than {MaxFileBytes / 1024 / 1024} MiB: not copied",
            EntryType.File when _total + stat.Size > MaxTotalBytes => $"the bundle reached {MaxTotalBytes / 1024 / 1024} MiB: not copied",
            EntryType.File => null,
            _ => $"{HostStat.Describe(stat.Type)}: never opened",
        };
        if (note is not null)
        {
            _entries.Add(meta with { Note = note });
            return;
        }

        byte[] bytes;
        try
        {
            using var stream = open();
            bytes = HostFs.ReadCapped(stream, hostPath, MaxFileBytes, host.Fs);
        }
        catch (Exception e) when (e is UnsafePathException or IOException or UnauthorizedAccessException)
        {
            _entries.Add(meta with { Note = $"not read: {Reporting.UserMessage.Of(e)}" });
            return;
        }

        Add(tar, name, bytes, meta, null);
    }

    private void Add(TarWriter tar, string name, byte[] bytes, EvidenceEntry? meta, string? note)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes, writable: false), Mode = UnixFileMode.UserRead };
        if (meta?.Modified is { } modified)
        {
            entry.ModificationTime = modified;
        }

        tar.WriteEntry(entry);
        _total += bytes.Length;
        _entries.Add((meta ?? new EvidenceEntry(name, null, null, bytes.Length)) with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Size = bytes.Length, Note = note ?? meta?.Note });
    }

    /// <summary>Session transcripts: metadata only (they hold whole conversations; their hash says whether they change later).</summary>
    private void Transcripts(string stateDir)
    {
        var agents = stateDir + "/agents";
        try
        {
            if (host.Fs.Probe(agents) is not { IsDirectory: true })
            {
                return;
            }

            foreach (var entry in host.Fs.Walk(agents).Where(e => e.Problem is null && e.Stat.IsFile && Transcript("agents/" + e.Relative)))
            {
                string? hash = null;
                if (entry.Stat.Size <= MaxFileBytes * 16)
                {
                    using var stream = entry.OpenRead();
                    hash = Convert.ToHexStringLower(SHA256.HashData(stream));
                }

                _entries.Add(new EvidenceEntry("host" + entry.HostPath, entry.HostPath, null, entry.Stat.Size)
                {
                    Mode = entry.Stat.PermissionBits,
                    Uid = entry.Stat.Uid,
                    Gid = entry.Stat.Gid,
                    Modified = entry.Stat.Modified,
                    Note = hash is null ? "session transcript: metadata only" : $"session transcript: metadata only (content sha256 {hash})",
                });
            }
        }
        catch (Exception e) when (e is UnsafePathException or IOException or UnauthorizedAccessException)
        {
            _entries.Add(new EvidenceEntry("host" + agents, agents, null, 0) { Note = $"transcripts not listed: {Reporting.UserMessage.Of(e)}" });
        }
    }

    /// <summary>The reconciler's newest run reports and the loop's status (its own trusted files).</summary>
    private void Reports(TarWriter tar)
    {
        var runs = scope.State.RunIds().Reverse().Select(id => Path.Combine(scope.State.RunPath(id), "report.json")).Where(File.Exists).Take(ReportsKept);
        foreach (var file in runs.Concat(new[] { Path.Combine(scope.State.Path, "status.json"), Path.Combine(scope.State.Path, "integrity", "baseline.json") }.Where(File.Exists)))
        {
            Add(tar, "reconciler/" + Path.GetRelativePath(scope.State.Path, file), File.ReadAllBytes(file), null, "the reconciler's own record");
        }
    }

    private string Processes()
    {
        if (!host.Root.IsRealRoot && scope.Netns is null)
        {
            return "{\"note\": \"processes are not part of a scratch root; name a network namespace (firewall.netns) to scope them\"}\n";
        }

        var inode = scope.Netns is null ? null : ProcessTable.Inode($"/run/netns/{scope.Netns}");
        var processes = ProcessTable.Read().Where(p => inode is null || p.NetNamespace == inode);
        return JsonSerializer.Serialize(new EvidenceProcesses(scope.Netns is null ? "host" : $"network namespace {scope.Netns}", processes), EvidenceJsonContext.Default.EvidenceProcesses) + "\n";
    }

    private async Task<string> ConnectionsAsync(CancellationToken cancellationToken)
    {
        if (!host.Root.IsRealRoot && scope.Netns is null)
        {
            return "connections are not part of a scratch root; name a network namespace (firewall.netns) to scope them\n";
        }

        var result = await FirewallCommands.For(host.Commands, scope.Netns).RunAsync("ss", ["-t", "-a", "-n", "-u", "-p"], TimeSpan.FromSeconds(15), cancellationToken);
        return result.Succeeded ? result.StandardOutput : $"ss failed: {result.StandardError}";
    }
}
