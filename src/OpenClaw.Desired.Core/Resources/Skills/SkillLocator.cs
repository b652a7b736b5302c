using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>One of OpenClaw's skill folders: its host path, where it comes from, and its rank (0 wins).</summary>
public sealed record SkillRoot(string HostPath, string Origin, int Precedence);

/// <summary>A skill found on disk: a folder with a SKILL.md. Shadowed when a higher-ranked folder has one of the same name.</summary>
public sealed record FoundSkill(string Name, string HostPath, SkillRoot Root, bool Shadowed)
{
    public string FolderName => HostPath[(HostPath.LastIndexOf('/') + 1)..];
}

/// <summary>
/// OpenClaw's skill folders in its precedence order (highest first): the workspace's skills, the workspace's
/// .agents/skills, the user's ~/.agents/skills, the managed ~/.openclaw/skills, then skills.load.extraDirs.
/// Bundled skills ship inside OpenClaw and are governed by skills.allowBundled, not here.
/// </summary>
public static class SkillLocator
{
    public static IReadOnlyList<SkillRoot> Roots(HostContext host, OpenClawPaths paths, OpenClawConfig? config)
    {
        var home = host.Homes.HomeOf(paths.User);
        var roots = new List<SkillRoot>
        {
            new($"{paths.Workspace}/skills", "workspace", 0),
            new($"{paths.Workspace}/.agents/skills", "workspace .agents", 1),
        };
        if (home is not null)
        {
            roots.Add(new SkillRoot(HostRoot.Normalize($"{home}/.agents/skills"), "user .agents", 2));
        }

        roots.Add(new SkillRoot($"{paths.StateDir}/skills", "managed", 3));
        var extra = config?.Get("/skills/load/extraDirs") as JArray ?? [];
        var rank = 5;
        foreach (var dir in extra.Select(t => t.Type == JTokenType.String ? (string?)t : null).OfType<string>())
        {
            if (dir.StartsWith('/') || dir.StartsWith('~'))
            {
                roots.Add(new SkillRoot(HostRoot.Normalize(host.Homes.Expand(dir, paths.User)), "extraDirs", rank++));
            }
        }

        return roots.DistinctBy(r => r.HostPath, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<FoundSkill> Find(HostRoot root, IReadOnlyList<SkillRoot> roots) => Find(new HostFs(root), roots);

    /// <summary>
    /// The skills in each folder, on descriptors. A skill folder that is a link the agent user made is refused
    /// (and reported by the host filesystem); one root made is followed. A folder whose SKILL.md names no valid
    /// skill name and whose own name is none either (say "../../x") is skipped: it can never become a config key.
    /// </summary>
    public static IReadOnlyList<FoundSkill> Find(HostFs fs, IReadOnlyList<SkillRoot> roots)
    {
        var found = new List<FoundSkill>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var skillRoot in roots.OrderBy(r => r.Precedence))
        {
            if (fs.Probe(skillRoot.HostPath) is not { IsDirectory: true })
            {
                continue;
            }

            var listed = fs.List(skillRoot.HostPath);
            var manifests = Manifests(fs, skillRoot.HostPath);
            foreach (var (folderName, stat) in listed)
            {
                var folder = $"{skillRoot.HostPath}/{folderName}";
                if (!stat.IsDirectory && !(stat.IsSymlink && fs.Probe(folder) is { IsDirectory: true }))
                {
                    continue;
                }

                string? name;
                try
                {
                    var walked = !stat.IsDirectory ? null : manifests is null ? WalkOne(fs, folder) : manifests.GetValueOrDefault(folderName) ?? Manifest.None;
                    if (!ManifestName(fs, folder, walked, out name))
                    {
                        continue;
                    }
                }
                catch (IOException)
                {
                    continue;
                }

                name ??= SkillManifest.IsValid(folderName) ? folderName : null;
                if (name is null)
                {
                    continue;
                }

                found.Add(new FoundSkill(name, folder, skillRoot, Shadowed: !names.Add(name)));
            }
        }

        return found;
    }

    /// <summary>What a skill folder's SKILL.md is, as the walk of its skill root met it.</summary>
    private sealed record Manifest(bool IsFile, bool IsLink, string? Name, bool Unreadable = false)
    {
        public static readonly Manifest None = new(false, false, null);
    }

    /// <summary>A root's folders and their own entries: folders in a skill folder are not looked into.</summary>
    private static readonly WalkLimits FoldersAndTheirEntries = new() { MaxDepth = 2 };

    /// <summary>
    /// The SKILL.md of every folder of a skill root, from one walk of the root: each folder is opened on the root's
    /// descriptor (never through a link) and its SKILL.md, when a regular file, read on the folder's, where every probe
    /// that walks the skills reads it too. Null when the root cannot be walked: each folder is then read on its own.
    /// </summary>
    private static Dictionary<string, Manifest>? Manifests(HostFs fs, string root)
    {
        var manifests = new Dictionary<string, Manifest>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in fs.Walk(root, FoldersAndTheirEntries))
            {
                if (entry.Name != "SKILL.md" || entry.Problem is not null || entry.Relative.Count('/') != 1)
                {
                    continue;
                }

                var folder = entry.Relative[..entry.Relative.IndexOf('/')];
                if (!entry.Stat.IsFile)
                {
                    manifests[folder] = new Manifest(false, entry.Stat.IsSymlink, null);
                    continue;
                }

                try
                {
                    using var stream = entry.OpenRead();
                    manifests[folder] = new Manifest(true, false, SkillManifest.NameIn(stream));
                }
                catch (IOException)
                {
                    manifests[folder] = new Manifest(true, false, null, Unreadable: true);
                }
            }
        }
        catch (IOException)
        {
            return null;
        }

        return manifests;
    }

    /// <summary>Folders in a skill folder are not looked into: only its own SKILL.md names it.</summary>
    private static readonly WalkLimits OwnEntries = new() { MaxDepth = 1 };

    /// <summary>A folder's SKILL.md from a walk of the folder alone (when its root could not be walked).</summary>
    private static Manifest WalkOne(HostFs fs, string folder)
    {
        foreach (var entry in fs.Walk(folder, OwnEntries))
        {
            if (entry.Name != "SKILL.md" || entry.Problem is not null)
            {
                continue;
            }

            if (!entry.Stat.IsFile)
            {
                return new Manifest(false, entry.Stat.IsSymlink, null);
            }

            using var stream = entry.OpenRead();
            return new Manifest(true, false, SkillManifest.NameIn(stream));
        }

        return Manifest.None;
    }

    /// <summary>
    /// Whether a skill folder has a SKILL.md (a regular file, or a link root made to one) and the name its front matter
    /// gives. A folder that is no link is read on its own descriptor (or as its root's walk met it: <paramref name="walked"/>),
    /// where every probe that walks it reads it too; a SKILL.md that is a link, and a folder that is one, are probed by
    /// path, so a planted link is refused and reported.
    /// </summary>
    private static bool ManifestName(HostFs fs, string folder, Manifest? walked, out string? name)
    {
        name = null;
        if (walked is not null)
        {
            if (walked.Unreadable)
            {
                throw new IOException($"{folder}/SKILL.md: cannot be read");
            }

            if (walked.IsFile)
            {
                name = walked.Name;
                return true;
            }

            if (!walked.IsLink)
            {
                return false;
            }
        }

        if (fs.Probe(folder + "/SKILL.md") is not { IsFile: true })
        {
            return false;
        }

        using (var stream = fs.OpenRead(folder + "/SKILL.md"))
        {
            name = SkillManifest.NameIn(stream);
        }

        return true;
    }
}
