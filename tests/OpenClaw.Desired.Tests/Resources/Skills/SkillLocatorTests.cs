using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Resources.Skills;
using OpenClaw.Desired.Tests.Host;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Skills;

/// <summary>
/// The skill locator reads each folder's SKILL.md from one walk of the skill root, on descriptors: the same skills,
/// names and refusals as a folder-by-folder probe, in a plan's memo or not; a planted link (a folder or a SKILL.md)
/// is refused and reported, a FIFO never opened.
/// </summary>
public sealed class SkillLocatorTests : IDisposable
{
    private const string Skills = "/home/claw/.openclaw/workspace/skills";
    private readonly ScratchHost _host = ScratchHost.Empty();
    private readonly string _outside = Directory.CreateTempSubdirectory("ocd-outside-").FullName;

    public SkillLocatorTests()
    {
        Write("weather/SKILL.md", "---\nname: weather\ndescription: forecasts\n---\n# weather\n");
        Write("a-b/SKILL.md", "---\nname: a-b\n---\n");
        Write("a/SKILL.md", "---\nname: a\n---\n");
        Write("no-front-matter/SKILL.md", "# just a title\n");
        Write("bad-name/SKILL.md", "---\nname: ../../x\n---\n");
        Write("twin/SKILL.md", "---\nname: weather\n---\n");
        Write("nested/deeper/SKILL.md", "---\nname: deeper\n---\n");
        Write("empty/.keep", string.Empty);
        Directory.CreateDirectory(Path.Combine(_outside, "evil"));
        File.WriteAllText(Path.Combine(_outside, "evil", "SKILL.md"), "---\nname: evil\n---\n");
        File.WriteAllText(Path.Combine(_outside, "SKILL.md"), "---\nname: stolen\n---\n");
        HostFsTests.PlantLink(_host.Real(Skills + "/linked"), Path.Combine(_outside, "evil"));
        Directory.CreateDirectory(_host.Real(Skills + "/planted-manifest"));
        HostFsTests.PlantLink(_host.Real(Skills + "/planted-manifest/SKILL.md"), Path.Combine(_outside, "SKILL.md"));
        Directory.CreateDirectory(_host.Real(Skills + "/pipe"));
        HostFiles.MkFifo(_host.Real(Skills + "/pipe/SKILL.md"));
        File.WriteAllText(_host.Real(Skills + "/stray.md"), "not a folder");
    }

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private void Write(string relative, string text)
    {
        var path = _host.Real(Skills + "/" + relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Find_GivesEachFoldersSkill_AndRefusesPlantedLinks()
    {
        var fs = new HostFs(new HostRoot(_host.Root));

        var found = SkillLocator.Find(fs, [new SkillRoot(Skills, "workspace", 0)]);

        Assert.Equal(
            [("a", "a", false), ("a-b", "a-b", false), ("bad-name", "bad-name", false), ("no-front-matter", "no-front-matter", false), ("twin", "weather", false), ("weather", "weather", true)],
            found.Select(f => (f.FolderName, f.Name, f.Shadowed)));
        Assert.Contains(fs.Refused, r => r.HostPath == Skills + "/linked" && r.Problem == UnsafePathProblem.PlantedLink);
        Assert.Contains(fs.Refused, r => r.HostPath == Skills + "/planted-manifest/SKILL.md" && r.Problem == UnsafePathProblem.PlantedLink);
    }

    [Fact]
    public void Find_InAPlansMemo_FindsWhatItFindsWithout()
    {
        var plain = new HostFs(new HostRoot(_host.Root));
        var remembering = new HostFs(new HostRoot(_host.Root));
        var roots = new[] { new SkillRoot(Skills, "workspace", 0) };

        var without = SkillLocator.Find(plain, roots);
        using (remembering.Remember())
        {
            // Another probe walked the skills first: the locator reads from what the memo keeps.
            Assert.NotEmpty(remembering.Walk(Skills).ToList());
            var within = SkillLocator.Find(remembering, roots);

            Assert.Equal(without, within);
            Assert.Equal(plain.Refused.Select(r => (r.HostPath, r.Problem)), remembering.Refused.Select(r => (r.HostPath, r.Problem)));
        }
    }
}
