using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Resources.Skills;

namespace OpenClaw.Desired.Tests.Safety;

public sealed class TreeMoveTests
{
    [Fact]
    public void CopyThenRemove_SkillFolder_ArrivesWithBytesModesAndLinksAndTheSourceIsGone()
    {
        using var work = new TempFolder();
        var source = Path.Combine(work.Path, "skill");
        Directory.CreateDirectory(Path.Combine(source, "lib"));
        File.WriteAllText(Path.Combine(source, "SKILL.md"), "---\nname: x\n---\n");
        File.WriteAllBytes(Path.Combine(source, "lib", "run.sh"), [0x23, 0x21, 0x00, 0xff]);
        File.SetUnixFileMode(Path.Combine(source, "lib", "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(Path.Combine(source, "link"), "lib/run.sh");
        Directory.CreateSymbolicLink(Path.Combine(source, "libdir"), "lib");
        var hash = TreeHash.OfFolder(source);
        var target = Path.Combine(work.Path, "quarantine", "skill");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        TreeMove.CopyThenRemove(source, target);

        Assert.False(Directory.Exists(source));
        Assert.Equal(hash, TreeHash.OfFolder(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(target, "lib", "run.sh")));
        Assert.Equal("lib/run.sh", new FileInfo(Path.Combine(target, "link")).LinkTarget);
        Assert.Equal("lib", new DirectoryInfo(Path.Combine(target, "libdir")).LinkTarget);
    }
}
