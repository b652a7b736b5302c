using System.Text.Json;
using LibGit2Sharp;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Backups;

/// <summary>
/// A demo host with the restic password (a canary) in OpenClaw's env store, two bare Git remotes on disk,
/// and helpers to run the CLI against it. Everything lives in one temp folder, removed on dispose.
/// </summary>
public sealed class BackupScenario : IDisposable
{
    public const string Workspace = "/home/claw/.openclaw/workspace";
    public const string EnvStore = "/home/claw/.openclaw/.env";

    private BackupScenario(ScratchHost host, string canary)
    {
        Host = host;
        Canary = canary;
        PrimaryRemote = Path.Combine(host.Folder, "remotes", "primary.git");
        SecondaryRemote = Path.Combine(host.Folder, "remotes", "secondary.git");
        Repository.Init(PrimaryRemote, isBare: true);
        Repository.Init(SecondaryRemote, isBare: true);
        File.AppendAllText(host.Real(EnvStore), $"RESTIC_PASSWORD={canary}\n");
        // The demo's short gateway token is a manual action of another kind; these tests are about backups.
        var config = host.ConfigPath;
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"claw-demo-short\"", "\"${OPENCLAW_GATEWAY_TOKEN}\"", StringComparison.Ordinal));
        // The demo's MEMORY.md holds a token: the Git backup (rightly) refuses to commit it. These tests are about
        // the backup's own mechanics, so the workspace starts clean; SecretsNeverOffsiteTests plants tokens on purpose.
        var memory = host.Real(Workspace + "/MEMORY.md");
        File.WriteAllLines(memory, File.ReadAllLines(memory).Where(l => !l.Contains("ghp_", StringComparison.Ordinal)));
    }

    public ScratchHost Host { get; }

    /// <summary>The restic password; it must never show up in any output.</summary>
    public string Canary { get; }

    public string PrimaryRemote { get; }

    public string SecondaryRemote { get; }

    public string WorkspaceReal => Host.Real(Workspace);

    public List<string> Outputs { get; } = [];

    public static BackupScenario Create() => new(ScratchHost.FromDemo(), "canary-" + Guid.NewGuid().ToString("N"));

    public void AddToStore(string name, string value) => File.AppendAllText(Host.Real(EnvStore), $"{name}={value}\n");

    public string Posture(string backups) => Host.WritePosture(
        $"""
        apiVersion: openclaw.desired/v1
        tier: basic
        openclaw:
          user: claw
          stateDir: ~/.openclaw
        backups:
          interval: 1h
        {backups}
        """);

    /// <summary>Runs the CLI in-process; keeps stdout and stderr for the canary check.</summary>
    public CliResult Cli(params string[] args)
    {
        var result = CliRunner.Run(args);
        Outputs.Add(result.All);
        return result;
    }

    public CliResult Reconcile(string posture, params string[] extra) =>
        Cli(["reconcile", .. Host.Args(posture, ["--no-color", "--yes", "-o", "json", .. extra])]);

    public CliResult Backup(string verb, string posture, params string[] extra) =>
        Cli(["backup", verb, .. extra, "--posture", posture, "--root", Host.Root, "--state-dir", Host.StateDir]);

    /// <summary>A dry run must find nothing to do; on failure the message lists what it found.</summary>
    public void AssertInSync(string posture)
    {
        var plan = Reconcile(posture, "--dry-run");
        var changes = Json(plan).GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("kind")}/{c.GetProperty("resource")}: {c.GetProperty("reason")}");
        var unknowns = Json(plan).GetProperty("unknowns").EnumerateArray().Select(u => $"unknown {u.GetProperty("resource")}: {u.GetProperty("reason")}");
        Assert.True(plan.ExitCode == 0, $"exit {plan.ExitCode}: " + string.Join("; ", changes.Concat(unknowns)));
    }

    public static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Stdout).RootElement;

    public static IReadOnlyList<string> Resources(CliResult result) =>
        Json(result).GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "backups")
            .Select(c => c.GetProperty("resource").GetString()!).ToList();

    public string? RemoteHead(string bareRemote, string branch = "main")
    {
        using var repo = new Repository(bareRemote);
        return repo.Branches[branch]?.Tip?.Sha;
    }

    public string WorkspaceHead()
    {
        using var repo = new Repository(WorkspaceReal);
        return repo.Head.Tip.Sha;
    }

    public void Dispose() => Host.Dispose();
}
