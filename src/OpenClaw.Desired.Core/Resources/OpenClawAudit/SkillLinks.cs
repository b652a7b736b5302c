using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>
/// Links under the workspace's skills/ whose target lies outside the workspace: OpenClaw would load a SKILL.md
/// from elsewhere. Read with readlink only; the target is judged by its path, never opened.
/// </summary>
public static class SkillLinks
{
    public static IReadOnlyList<EscapingLink> Find(HostFs fs, string workspace)
    {
        var skills = workspace + "/skills";
        var found = new List<EscapingLink>();
        try
        {
            if (!fs.Stat(skills).IsDirectory)
            {
                return [];
            }

            foreach (var entry in fs.Walk(skills, new WalkLimits { MaxDepth = 4, MaxEntries = 50_000, IncludeDirectories = true }).Where(e => e.Stat.IsSymlink))
            {
                if (fs.ReadLink(entry.HostPath) is not { } target)
                {
                    continue;
                }

                var parent = entry.HostPath[..entry.HostPath.LastIndexOf('/')];
                var resolved = HostRoot.Normalize(target.StartsWith('/') ? target : $"{parent}/{target}");
                if (!resolved.StartsWith(workspace.TrimEnd('/') + "/", StringComparison.Ordinal))
                {
                    found.Add(new EscapingLink(entry.HostPath, target));
                }
            }
        }
        catch (IOException)
        {
            // A skills folder reached through a planted link is not walked; the files probe reports such paths.
        }

        return found;
    }
}
