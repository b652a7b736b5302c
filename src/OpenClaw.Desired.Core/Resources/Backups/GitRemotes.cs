using LibGit2Sharp;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// Adds or fixes the posture's remotes in the repository's <c>.git/config</c>. libgit2 edits a copy of the file
/// (it knows Git's config format), and the result is written through <see cref="FileChanger"/>, so the old
/// config is backed up and journalled like every other file the reconciler changes.
/// </summary>
public static class GitRemotes
{
    public static IReadOnlyList<string> Converge(HostContext host, GitDesired git, FileChanger files, string changeId)
    {
        var workspace = host.Fs.ResolveLinks(git.RepoPath) ?? git.RepoPath;
        var configHostPath = workspace.TrimEnd('/') + "/.git/config";
        var wrong = new List<RemoteDesired>();
        using (var repo = new Repository(host.Root.Resolve(workspace)))
        {
            foreach (var remote in git.Remotes)
            {
                var current = repo.Network.Remotes[remote.Name];
                if (current is null || current.Url != remote.Url || current.PushUrl != remote.Url || current.FetchRefSpecs.All(r => r.Specification != FetchSpec(remote.Name)))
                {
                    wrong.Add(remote);
                }
            }
        }

        if (wrong.Count == 0)
        {
            return [];
        }

        var folder = Directory.CreateTempSubdirectory("ocd-gitconfig-").FullName;
        try
        {
            var copy = Path.Combine(folder, "config");
            File.WriteAllBytes(copy, host.Fs.ReadAllBytes(configHostPath, 1024 * 1024));
            using (var config = Configuration.BuildFrom(copy))
            {
                foreach (var remote in wrong)
                {
                    config.Set($"remote.{remote.Name}.url", remote.Url, ConfigurationLevel.Local);
                    config.Set($"remote.{remote.Name}.fetch", FetchSpec(remote.Name), ConfigurationLevel.Local);
                    config.Unset($"remote.{remote.Name}.pushurl", ConfigurationLevel.Local);
                }
            }

            files.Write(configHostPath, File.ReadAllBytes(copy), changeId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // Tracking refs of a remote that was missing or elsewhere say nothing about the posture's remote: drop
        // them, so the next push really sends the branch there.
        using (var repo = new Repository(host.Root.Resolve(workspace)))
        {
            foreach (var remote in wrong)
            {
                foreach (var reference in repo.Refs.FromGlob($"refs/remotes/{remote.Name}/*").ToList())
                {
                    repo.Refs.Remove(reference);
                }
            }
        }

        return wrong.Select(r => $"set remote {r.Name} to {ResticRepository.Display(r.Url)}").ToList();
    }

    public static string FetchSpec(string remote) => $"+refs/heads/*:refs/remotes/{remote}/*";

    /// <summary>The user named in an https URL (https://USER@host/...), if any.</summary>
    public static string? UserOf(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.IndexOf('@', StringComparison.Ordinal);
        return scheme < 0 || at < scheme ? null : Uri.UnescapeDataString(url[(scheme + 3)..at].Split(':')[0]);
    }
}
