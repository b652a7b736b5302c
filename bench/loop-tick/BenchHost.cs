using LibGit2Sharp;

namespace OpenClaw.Desired.Bench;

/// <summary>A scratch host (a copy of examples/demo-host) and a bare posture repository with one commit.</summary>
internal sealed class BenchHost : IDisposable
{
    public const string Posture = """
        apiVersion: openclaw.desired/v1
        tier: standard
        openclaw:
          user: claw
          stateDir: ~/.openclaw
        agent:
          exec:
            security: allowlist
            ask: on-miss
          skills:
            allowlistOnly: true
            allow: [weather, github-triage]
          gateway:
            token: bench-gateway-token-0123456789abcdef0123
        sandboxes:
          openclaw:
            mode: off
        """;

    public BenchHost()
    {
        Folder = Directory.CreateTempSubdirectory("ocd-bench-").FullName;
        Copy(Path.Combine(RepoRoot(), "examples", "demo-host"), Root);
        Repository.Init(Repo, isBare: true);
        using var repository = new Repository(Repo);
        var blob = repository.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Posture)));
        var tree = new TreeDefinition();
        tree.Add("posture.yaml", blob, Mode.NonExecutableFile);
        var who = new Signature("Bench", "bench@example.invalid", DateTimeOffset.UtcNow);
        var commit = repository.ObjectDatabase.CreateCommit(who, who, "posture", repository.ObjectDatabase.CreateTree(tree), [], prettifyMessage: true);
        repository.Refs.Add("refs/heads/main", commit.Id);
        repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
    }

    public string Folder { get; }

    public string Root => Path.Combine(Folder, "root");

    public string StateDir => Path.Combine(Folder, "state");

    public string Repo => Path.Combine(Folder, "postures.git");

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenClaw.Desired.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the repository");
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
