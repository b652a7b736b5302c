using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Host;

/// <summary>The safe host filesystem: links the agent user planted are never followed, FIFOs never block, changes happen on descriptors.</summary>
public sealed class HostFsTests : IDisposable
{
    private readonly ScratchHost _host = ScratchHost.Empty();
    private readonly string _outside = Directory.CreateTempSubdirectory("ocd-outside-").FullName;
    private readonly HostFs _fs;

    public HostFsTests()
    {
        _fs = new HostFs(new HostRoot(_host.Root));
        Directory.CreateDirectory(_host.Real("/home/claw/.openclaw"));
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "outside the root");
        File.SetUnixFileMode(_outside, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    /// <summary>A link as the agent user would make it: owned by uid 1000.</summary>
    internal static void PlantLink(string path, string target)
    {
        File.CreateSymbolicLink(path, target);
        HostFiles.Lchown(path, 1000, 1000);
    }

    [Fact]
    public void ReadAllBytes_ThroughPlantedFolderLink_IsRefusedAsPlantedLink()
    {
        PlantLink(_host.Real("/home/claw/.openclaw/credentials"), _outside);

        var error = Assert.Throws<UnsafePathException>(() => _fs.ReadAllBytes("/home/claw/.openclaw/credentials/secret.txt"));

        Assert.Equal(UnsafePathProblem.PlantedLink, error.Problem);
        Assert.Equal("/home/claw/.openclaw/credentials", error.HostPath);
    }

    [Fact]
    public void SetMode_OnPlantedLink_LeavesTheTargetAlone()
    {
        PlantLink(_host.Real("/home/claw/.openclaw/credentials"), _outside);

        Assert.Throws<UnsafePathException>(() => _fs.SetMode("/home/claw/.openclaw/credentials", UnixFileMode.UserRead));
        Assert.Throws<UnsafePathException>(() => _fs.SetOwner("/home/claw/.openclaw/credentials", 1000, 1000));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_outside));
        Assert.Equal(0, HostFiles.Uid(_outside));
    }

    [Fact]
    public void Stat_OfPlantedLink_SaysLinkWithItsOwner()
    {
        PlantLink(_host.Real("/home/claw/.openclaw/credentials"), _outside);

        var stat = _fs.Stat("/home/claw/.openclaw/credentials");

        Assert.Equal(EntryType.Symlink, stat.Type);
        Assert.Equal(1000, stat.Uid);
        Assert.Throws<UnsafePathException>(() => _fs.StatFollow("/home/claw/.openclaw/credentials"));
    }

    [Fact]
    public void ReadAllBytes_ThroughRootOwnedLink_IsFollowedAndStaysUnderTheRoot()
    {
        Directory.CreateDirectory(_host.Real("/data/openclaw"));
        File.WriteAllText(_host.Real("/data/openclaw/openclaw.json"), "{}");
        // An absolute target as the admin wrote it: taken under the root, never the real /data.
        Directory.Delete(_host.Real("/home/claw/.openclaw"));
        File.CreateSymbolicLink(_host.Real("/home/claw/.openclaw"), "/data/openclaw");

        Assert.Equal("{}", _fs.ReadAllText("/home/claw/.openclaw/openclaw.json"));
        Assert.Equal("/data/openclaw/openclaw.json", _fs.ResolveLinks("/home/claw/.openclaw/openclaw.json"));
    }

    [Fact]
    public void RootOwnedLink_WithTwoNames_IsNotTrusted()
    {
        File.CreateSymbolicLink(_host.Real("/link"), _outside);
        HostFiles.HardLink(_host.Real("/link"), _host.Real("/home/claw/.openclaw/credentials"));

        Assert.Throws<UnsafePathException>(() => _fs.ReadAllBytes("/home/claw/.openclaw/credentials/secret.txt"));
    }

    [Fact]
    public void OpenRead_OfFifo_IsRefusedAtOnce()
    {
        var fifo = _host.Real("/home/claw/.openclaw/MEMORY.md");
        HostFiles.MkFifo(fifo);
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<UnsafePathException>(() => _fs.ReadAllBytes("/home/claw/.openclaw/MEMORY.md"));

        Assert.Equal(UnsafePathProblem.NotRegularFile, error.Problem);
        Assert.Contains("a FIFO", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "a FIFO must never block a read");
    }

    [Fact]
    public void SetMode_OfHardLinkedFile_IsRefused()
    {
        File.WriteAllText(Path.Combine(_outside, "shadow"), "x");
        HostFiles.HardLink(Path.Combine(_outside, "shadow"), _host.Real("/home/claw/.openclaw/auth.json"));

        var error = Assert.Throws<UnsafePathException>(() => _fs.SetMode("/home/claw/.openclaw/auth.json", UnixFileMode.UserRead | UnixFileMode.UserWrite));

        Assert.Equal(UnsafePathProblem.HardLink, error.Problem);
    }

    [Fact]
    public void WriteAtomic_OverPlantedLink_IsRefusedAndTheTargetKeepsItsBytes()
    {
        PlantLink(_host.Real("/home/claw/.openclaw/openclaw.json"), Path.Combine(_outside, "secret.txt"));

        Assert.Throws<UnsafePathException>(() => _fs.WriteAtomic("/home/claw/.openclaw/openclaw.json", "{}"u8));

        Assert.Equal("outside the root", File.ReadAllText(Path.Combine(_outside, "secret.txt")));
        Assert.NotNull(new FileInfo(_host.Real("/home/claw/.openclaw/openclaw.json")).LinkTarget);
    }

    [Fact]
    public void WriteAtomic_ThroughRootOwnedLink_KeepsTheLink()
    {
        Directory.CreateDirectory(_host.Real("/home/claw/dotfiles"));
        File.WriteAllText(_host.Real("/home/claw/dotfiles/openclaw.json"), "{\"a\":1}");
        File.CreateSymbolicLink(_host.Real("/home/claw/.openclaw/openclaw.json"), "../dotfiles/openclaw.json");

        _fs.WriteAtomic("/home/claw/.openclaw/openclaw.json", "{\"a\":2}"u8);

        Assert.Equal("../dotfiles/openclaw.json", new FileInfo(_host.Real("/home/claw/.openclaw/openclaw.json")).LinkTarget);
        Assert.Equal("{\"a\":2}", File.ReadAllText(_host.Real("/home/claw/dotfiles/openclaw.json")));
    }

    [Fact]
    public void WriteAtomic_KeepsModeAndOwnerOfTheFileItReplaces()
    {
        var real = _host.Real("/home/claw/.openclaw/openclaw.json");
        File.WriteAllText(real, "{}");
        File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        HostFiles.Lchown(real, 1000, 1000);

        _fs.WriteAtomic("/home/claw/.openclaw/openclaw.json", "{\"x\":1}"u8);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(real));
        Assert.Equal(1000, HostFiles.Uid(real));
        Assert.Empty(Directory.GetFiles(_host.Real("/home/claw/.openclaw"), ".*ocd-tmp*"));
    }

    [Fact]
    public void Walk_YieldsLinksAndFifosWithoutEnteringOrOpeningThem()
    {
        var skill = _host.Real("/home/claw/.openclaw/skills/evil");
        Directory.CreateDirectory(skill);
        File.WriteAllText(Path.Combine(skill, "SKILL.md"), "# evil");
        PlantLink(Path.Combine(skill, "etc"), _outside);
        HostFiles.MkFifo(Path.Combine(skill, "pipe"));

        var entries = _fs.Walk("/home/claw/.openclaw/skills").Select(e => (e.Relative, e.Stat.Type)).ToList();

        Assert.Equal([("evil/SKILL.md", EntryType.File), ("evil/etc", EntryType.Symlink), ("evil/pipe", EntryType.Fifo)], entries);
    }

    [Fact]
    public void Walk_StopsAtTheDepthLimitAndSaysSo()
    {
        var path = "/home/claw/.openclaw/deep";
        for (var i = 0; i < 10; i++)
        {
            path += "/d";
        }

        Directory.CreateDirectory(_host.Real(path));

        var entries = _fs.Walk("/home/claw/.openclaw/deep", new WalkLimits { MaxDepth = 4 }).ToList();

        var stop = Assert.Single(entries);
        Assert.Contains("nested deeper than 4", stop.Problem, StringComparison.Ordinal);
    }

    /// <summary>A folder the agent user filled with empty files, beside ordinary ones.</summary>
    private string Flood(string folder, int files)
    {
        var real = _host.Real(folder);
        Directory.CreateDirectory(real);
        for (var i = 0; i < files; i++)
        {
            File.WriteAllBytes(Path.Combine(real, $"f{i:D5}"), []);
        }

        return real;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Walk_FolderWithMoreEntriesThanOneFolderMayHold_IsReportedAndNotRead(bool memo)
    {
        var fs = new HostFs(new HostRoot(_host.Root)) { MaxFolderEntries = 40 };
        Flood("/home/claw/.openclaw/skills/b-flood", 41);
        Flood("/home/claw/.openclaw/skills/c-full", 40);
        Directory.CreateDirectory(_host.Real("/home/claw/.openclaw/skills/a"));
        File.WriteAllText(_host.Real("/home/claw/.openclaw/skills/a/SKILL.md"), "a");
        using var remember = memo ? fs.Remember() : null;

        var entries = fs.Walk("/home/claw/.openclaw/skills", new WalkLimits { IncludeDirectories = true }).ToList();

        var flood = Assert.Single(entries, e => e.Relative.StartsWith("b-flood", StringComparison.Ordinal));
        Assert.Equal("b-flood", flood.Relative);
        Assert.Equal("holds more than 40 entries; not read", flood.Problem);
        Assert.Equal(["a", "a/SKILL.md"], entries.TakeWhile(e => e != flood).Select(e => e.Relative));
        Assert.Equal(41, entries.Count(e => e.Relative.StartsWith("c-full", StringComparison.Ordinal) && e.Problem is null));
    }

    [Fact]
    public void Walk_TopFolderWithMoreEntriesThanOneFolderMayHold_IsOneProblem()
    {
        var fs = new HostFs(new HostRoot(_host.Root)) { MaxFolderEntries = 40 };
        Flood("/home/claw/.openclaw/workspace", 41);

        var entries = fs.Walk("/home/claw/.openclaw/workspace").ToList();

        var only = Assert.Single(entries);
        Assert.Equal(".", only.Relative);
        Assert.True(only.Stat.IsDirectory);
        Assert.Equal("holds more than 40 entries; not read", only.Problem);
    }

    [Fact]
    public void List_FolderWithMoreEntriesThanOneFolderMayHold_IsRefusedAndRecorded()
    {
        var fs = new HostFs(new HostRoot(_host.Root)) { MaxFolderEntries = 40 };
        Flood("/home/claw/.openclaw/workspace", 41);
        Flood("/home/claw/.openclaw/agents", 40);

        var refused = Assert.Throws<UnsafePathException>(() => fs.List("/home/claw/.openclaw/workspace"));

        Assert.Equal(UnsafePathProblem.TooDeep, refused.Problem);
        Assert.Equal("/home/claw/.openclaw/workspace", Assert.Single(fs.Refused).HostPath);
        Assert.Equal(40, fs.List("/home/claw/.openclaw/agents").Count);
        Assert.Equal(40, fs.Fresh.List("/home/claw/.openclaw/agents").Count);
        Assert.Throws<UnsafePathException>(() => fs.Fresh.List("/home/claw/.openclaw/workspace"));
    }

    [Fact]
    public void SetOwnerRecursive_ChangesLinksAsLinksAndSkipsHardLinks()
    {
        var folder = _host.Real("/home/claw/.openclaw/workspace");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "sub", "note.md"), "n");
        PlantLink(Path.Combine(folder, "etc"), _outside);
        File.WriteAllText(Path.Combine(_outside, "passwd"), "root");
        HostFiles.HardLink(Path.Combine(_outside, "passwd"), Path.Combine(folder, "passwd"));

        var skipped = _fs.SetOwnerRecursive("/home/claw/.openclaw/workspace", 1000, 1000);

        Assert.Equal(1000, HostFiles.Uid(Path.Combine(folder, "sub", "note.md")));
        Assert.Equal(0, HostFiles.Uid(_outside));
        Assert.Equal(0, HostFiles.Uid(Path.Combine(_outside, "passwd")));
        Assert.Equal(["/home/claw/.openclaw/workspace/passwd"], skipped);
    }

    [Fact]
    public void MoveOutAndIn_RoundTripsAFolderWithItsLinks()
    {
        var skill = _host.Real("/home/claw/.openclaw/skills/s");
        Directory.CreateDirectory(skill);
        File.WriteAllText(Path.Combine(skill, "SKILL.md"), "# s");
        File.CreateSymbolicLink(Path.Combine(skill, "link"), "SKILL.md");
        var before = _fs.HashOf("/home/claw/.openclaw/skills/s");
        var quarantine = Path.Combine(_host.StateDir, "q", "s");

        _fs.MoveOut("/home/claw/.openclaw/skills/s", quarantine);
        Assert.False(Directory.Exists(skill));
        _fs.MoveIn(quarantine, "/home/claw/.openclaw/skills/s");

        Assert.Equal(before, _fs.HashOf("/home/claw/.openclaw/skills/s"));
        Assert.Equal(global::OpenClaw.Desired.Safety.TreeHash.OfFolder(skill), before);
    }

    [Fact]
    public void Rename_SwappedParentForLink_FailsInsteadOfFollowing()
    {
        var workspace = _host.Real("/home/claw/.openclaw/workspace");
        Directory.CreateDirectory(workspace);
        File.WriteAllText(Path.Combine(workspace, "MEMORY.md"), "m");
        // The race, won by the attacker: the folder was swapped for a link between a check and a use.
        Directory.Move(workspace, workspace + ".old");
        PlantLink(workspace, _outside);

        Assert.Throws<UnsafePathException>(() => _fs.WriteAtomic("/home/claw/.openclaw/workspace/secret.txt", "x"u8));
        Assert.Equal("outside the root", File.ReadAllText(Path.Combine(_outside, "secret.txt")));
    }

    [Fact]
    public void MoveOut_AcrossFilesystems_CopiesWithModesAndLinksWithoutEnteringThem()
    {
        // /dev/shm is a tmpfs: a rename from the scratch root there fails with EXDEV, so the copy path runs.
        var skill = _host.Real("/home/claw/.openclaw/skills/s");
        Directory.CreateDirectory(Path.Combine(skill, "lib"));
        File.WriteAllText(Path.Combine(skill, "SKILL.md"), "---\nname: s\n---\n");
        File.WriteAllBytes(Path.Combine(skill, "lib", "run.sh"), [0x23, 0x21, 0x00, 0xff]);
        File.SetUnixFileMode(Path.Combine(skill, "lib", "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        PlantLink(Path.Combine(skill, "etc"), _outside);
        var before = _fs.HashOf("/home/claw/.openclaw/skills/s");
        var shm = Path.Combine("/dev/shm", "ocd-shm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(shm);
        try
        {
            var target = Path.Combine(shm, "s");

            _fs.MoveOut("/home/claw/.openclaw/skills/s", target);

            Assert.False(Directory.Exists(skill));
            Assert.Equal(before, global::OpenClaw.Desired.Safety.TreeHash.OfFolderOrFile(target));
            Assert.Equal(_outside, new FileInfo(Path.Combine(target, "etc")).LinkTarget);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(target, "lib", "run.sh")));
            Assert.True(File.Exists(Path.Combine(_outside, "secret.txt")), "the link's target is never entered or removed");

            _fs.MoveIn(target, "/home/claw/.openclaw/skills/s");

            Assert.Equal(before, _fs.HashOf("/home/claw/.openclaw/skills/s"));
            Assert.False(Directory.Exists(target));
        }
        finally
        {
            Directory.Delete(shm, recursive: true);
        }
    }
}
