using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Tests.Resources.Skills;

public sealed class TreeHashTests
{
    [Fact]
    public void OfFolder_SameContentWrittenInAnotherOrder_SameHash()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        Write(a.Path, "SKILL.md", "x");
        Write(a.Path, "lib/run.py", "print(1)");
        Write(b.Path, "lib/run.py", "print(1)");
        Write(b.Path, "SKILL.md", "x");

        Assert.Equal(TreeHash.OfFolder(a.Path), TreeHash.OfFolder(b.Path));
        Assert.StartsWith("sha256:", TreeHash.OfFolder(a.Path));
        Assert.Equal(71, TreeHash.OfFolder(a.Path).Length);
    }

    [Fact]
    public void OfFolder_OneByteOrHiddenFileChanged_DifferentHash()
    {
        using var folder = new TempFolder();
        Write(folder.Path, "SKILL.md", "x");
        var before = TreeHash.OfFolder(folder.Path);
        Write(folder.Path, ".clawhub/origin.json", "{}");
        var withHidden = TreeHash.OfFolder(folder.Path);
        Write(folder.Path, "SKILL.md", "y");

        Assert.NotEqual(before, withHidden);
        Assert.NotEqual(withHidden, TreeHash.OfFolder(folder.Path));
    }

    [Fact]
    public void OfFolder_ContentThatSpellsAnotherFile_DoesNotCollide()
    {
        // With only "path NUL content", {a: "x", b: "y"} and {a: "xb NUL y"} would both feed "a NUL x b NUL y".
        using var one = new TempFolder();
        using var two = new TempFolder();
        Write(one.Path, "a", "x");
        Write(one.Path, "b", "y");
        Write(two.Path, "a", "xb\0y");

        Assert.NotEqual(TreeHash.OfFolder(one.Path), TreeHash.OfFolder(two.Path));
    }

    [Fact]
    public void OfFolder_SymlinkToSecret_HashesTheLinkNotTheTarget()
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        Write(outside.Path, "secret", "one");
        Write(folder.Path, "SKILL.md", "x");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "key"), Path.Combine(outside.Path, "secret"));
        var before = TreeHash.OfFolder(folder.Path);
        Write(outside.Path, "secret", "two");

        Assert.Equal(before, TreeHash.OfFolder(folder.Path));
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
