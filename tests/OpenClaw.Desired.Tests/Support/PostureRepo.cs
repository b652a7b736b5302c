using LibGit2Sharp;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// A bare Git repository on disk that tests commit posture files into through LibGit2Sharp (no working
/// tree, no git CLI). Commits can be signed by any function that turns the commit buffer into an armored
/// signature (see <see cref="GpgKeys"/>). Deleted on dispose.
/// </summary>
public sealed class PostureRepo : IDisposable
{
    private static readonly Signature Author = new("Posture Author", "author@example.invalid", DateTimeOffset.Parse("2026-11-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private int _commits;

    private PostureRepo(string folder)
    {
        Folder = folder;
        Path = System.IO.Path.Combine(folder, "postures.git");
        Repository.Init(Path, isBare: true);
        using var repository = new Repository(Path);
        repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
    }

    public string Folder { get; }

    /// <summary>The bare repository, usable as a local path source.</summary>
    public string Path { get; }

    public string FileUrl => new Uri(Path).AbsoluteUri;

    public static PostureRepo Create() => new(Directory.CreateTempSubdirectory("ocd-repo-").FullName);

    /// <summary>Commits the files (null content removes a file) on top of the branch and moves the branch; returns the SHA.</summary>
    public string Commit(IReadOnlyDictionary<string, string?> files, string message = "posture", string branch = "main", Func<string, string>? sign = null)
    {
        using var repository = new Repository(Path);
        var parent = repository.Refs[$"refs/heads/{branch}"] is { } head ? repository.Lookup<LibGit2Sharp.Commit>(head.TargetIdentifier) : null;
        var tree = parent is null ? new TreeDefinition() : TreeDefinition.From(parent);
        foreach (var (path, content) in files)
        {
            if (content is null)
            {
                tree.Remove(path);
            }
            else
            {
                var blob = repository.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)));
                tree.Add(path, blob, Mode.NonExecutableFile);
            }
        }

        // Distinct, increasing commit times keep the history readable and the SHAs unique.
        var when = new Signature(Author.Name, Author.Email, Author.When.AddMinutes(++_commits));
        var created = repository.ObjectDatabase.CreateTree(tree);
        var parents = parent is null ? Array.Empty<LibGit2Sharp.Commit>() : [parent];
        ObjectId id;
        if (sign is null)
        {
            id = repository.ObjectDatabase.CreateCommit(when, when, message, created, parents, prettifyMessage: true).Id;
        }
        else
        {
            var buffer = LibGit2Sharp.Commit.CreateBuffer(when, when, message, created, parents, prettifyMessage: true, commentChar: null);
            id = repository.ObjectDatabase.CreateCommitWithSignature(buffer, sign(buffer));
        }

        repository.Refs.Add($"refs/heads/{branch}", id, allowOverwrite: true);
        return id.Sha;
    }

    public string Commit(string path, string content, string message = "posture", Func<string, string>? sign = null) =>
        Commit(new Dictionary<string, string?> { [path] = content }, message, sign: sign);

    /// <summary>Points a branch at an earlier commit, as a force-push would.</summary>
    public void ResetBranch(string sha, string branch = "main")
    {
        using var repository = new Repository(Path);
        repository.Refs.Add($"refs/heads/{branch}", new ObjectId(sha), allowOverwrite: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
