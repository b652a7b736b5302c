using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Host;

/// <summary>
/// Which links root may follow. The agent user owns its home: it cannot make a link root owns, but it can rename
/// one that root made there (to <c>credentials</c>, to <c>auth-profiles.json</c>) and so point root's own link at
/// whatever the reconciler is about to chown. A link is trusted only where no one but root can move it.
/// </summary>
public sealed class HostFsTrustTests : IDisposable
{
    private readonly ScratchHost _host = ScratchHost.Empty();
    private readonly HostFs _fs;

    public HostFsTrustTests()
    {
        _fs = new HostFs(new HostRoot(_host.Root));
        Directory.CreateDirectory(_host.Real("/etc/openclaw"));
        File.WriteAllText(_host.Real("/etc/openclaw/shared.json"), "{\"root\":\"only\"}");
        Directory.CreateDirectory(_host.Real("/home/claw/.openclaw/agents/main/agent"));
    }

    public void Dispose() => _host.Dispose();

    private void GiveHomeToTheAgent()
    {
        foreach (var folder in new[] { "/home/claw", "/home/claw/.openclaw", "/home/claw/.openclaw/agents", "/home/claw/.openclaw/agents/main", "/home/claw/.openclaw/agents/main/agent" })
        {
            HostFiles.Lchown(_host.Real(folder), 1000, 1000);
        }
    }

    [Fact]
    public void RootOwnedLink_InAFolderTheAgentOwns_IsNotFollowed()
    {
        // Root made this link (say, openclaw.json → /etc/openclaw/shared.json); the agent renamed it into place.
        File.CreateSymbolicLink(_host.Real("/home/claw/.openclaw/agents/main/agent/auth-profiles.json"), "/etc/openclaw/shared.json");
        GiveHomeToTheAgent();

        Assert.Throws<UnsafePathException>(() => _fs.ReadAllText("/home/claw/.openclaw/agents/main/agent/auth-profiles.json"));
        Assert.Throws<UnsafePathException>(() => _fs.SetOwner("/home/claw/.openclaw/agents/main/agent/auth-profiles.json", 1000, 1000));
        Assert.Null(_fs.ResolveLinks("/home/claw/.openclaw/agents/main/agent/auth-profiles.json"));
        Assert.Equal(0, HostFiles.Uid(_host.Real("/etc/openclaw/shared.json")));
    }

    [Fact]
    public void RootOwnedFolderLink_BelowAFolderTheAgentOwns_IsNotFollowed()
    {
        // A root-owned folder inside the agent's home can itself be moved by the agent, links and all.
        Directory.CreateDirectory(_host.Real("/home/claw/.openclaw/shared"));
        File.CreateSymbolicLink(_host.Real("/home/claw/.openclaw/shared/credentials"), "/etc/openclaw");
        GiveHomeToTheAgent();

        Assert.Throws<UnsafePathException>(() => _fs.ReadAllText("/home/claw/.openclaw/shared/credentials/shared.json"));
    }

    [Fact]
    public void RootOwnedLink_WhereOnlyRootWrites_IsStillFollowed()
    {
        // The link the operator made in a root folder (and the sticky /tmp) stays usable.
        File.CreateSymbolicLink(_host.Real("/etc/openclaw/current.json"), "shared.json");
        Directory.CreateDirectory(_host.Real("/tmp"));
        File.SetUnixFileMode(_host.Real("/tmp"), (UnixFileMode)0b1_111_111_111);
        File.CreateSymbolicLink(_host.Real("/tmp/openclaw"), "/etc/openclaw");
        GiveHomeToTheAgent();

        Assert.Equal("{\"root\":\"only\"}", _fs.ReadAllText("/etc/openclaw/current.json"));
        Assert.Equal("{\"root\":\"only\"}", _fs.ReadAllText("/tmp/openclaw/shared.json"));
    }

    [Fact]
    public void MoveOutAndIn_AcrossFilesystems_KeepOwners_SoNoLinkComesBackAsRoots()
    {
        // A skill the agent made, with its own link, goes to a quarantine on another filesystem and back.
        var skill = _host.Real("/home/claw/.openclaw/skills/s");
        Directory.CreateDirectory(Path.Combine(skill, "lib"));
        File.WriteAllText(Path.Combine(skill, "lib", "notes.md"), "n");
        File.CreateSymbolicLink(Path.Combine(skill, "etc"), "/etc/openclaw");
        foreach (var path in new[] { "/home/claw/.openclaw/skills", "/home/claw/.openclaw/skills/s", "/home/claw/.openclaw/skills/s/lib", "/home/claw/.openclaw/skills/s/lib/notes.md", "/home/claw/.openclaw/skills/s/etc" })
        {
            HostFiles.Lchown(_host.Real(path), 1000, 1000);
        }

        var shm = Path.Combine("/dev/shm", "ocd-shm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(shm);
        try
        {
            _fs.MoveOut("/home/claw/.openclaw/skills/s", Path.Combine(shm, "s"));
            _fs.MoveIn(Path.Combine(shm, "s"), "/home/claw/.openclaw/skills/s");
        }
        finally
        {
            Directory.Delete(shm, recursive: true);
        }

        Assert.Equal(1000, HostFiles.Uid(Path.Combine(skill, "etc")));
        Assert.Equal(1000, HostFiles.Uid(Path.Combine(skill, "lib", "notes.md")));
        Assert.Equal(1000, HostFiles.Uid(Path.Combine(skill, "lib")));
        Assert.Equal(1000, HostFiles.Uid(skill));
        Assert.Throws<UnsafePathException>(() => _fs.ReadAllText("/home/claw/.openclaw/skills/s/etc/shared.json"));
    }
}
