using System.Text.Json;
using LibGit2Sharp;
using OpenClaw.Desired.Tests.Resources.Firewall;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Scoring;

/// <summary>
/// The demo host under a tier's example posture, made to converge on this machine: the local model behind a fake
/// Ollama, Git remotes and the restic archive in temp folders (the restic password in the env store), the firewall in
/// the near namespace of a <see cref="NetnsPair"/> with a fake gateway answering the health target, and no container
/// engine. Nothing else of the example changes, so the score measures what the tier brings.
/// </summary>
public sealed class TierScenario : IDisposable
{
    private readonly FakeOllamaServer _ollama = new("llama3.3:8b", "qwen3:32b");
    private readonly FirewallHost _fw;
    private readonly FakeGateway _gateway;

    private TierScenario(string tier, FirewallHost fw, FakeGateway gateway)
    {
        _fw = fw;
        _gateway = gateway;
        var remotes = Path.Combine(Host.Folder, "remotes");
        Repository.Init(Path.Combine(remotes, "primary.git"), isBare: true);
        Repository.Init(Path.Combine(remotes, "offsite.git"), isBare: true);
        File.AppendAllText(Host.Real("/home/claw/.openclaw/.env"), "RESTIC_PASSWORD=restic-" + Guid.NewGuid().ToString("N") + "\n");
        var yaml = File.ReadAllText(RepoPaths.Posture(tier))
            .Replace("http://127.0.0.1:11434", _ollama.BaseUrl, StringComparison.Ordinal)
            .Replace("git@git.example.internal:agents/claw-workspace.git", Path.Combine(remotes, "primary.git"), StringComparison.Ordinal)
            .Replace("https://git.offsite.example/agents/claw-workspace.git", Path.Combine(remotes, "offsite.git"), StringComparison.Ordinal)
            .Replace("      credential: { store: GIT_OFFSITE_TOKEN }   # a token from <state>/.env, never in .git/config\n", string.Empty, StringComparison.Ordinal)
            .Replace("/srv/backup/restic/", Path.Combine(Host.Folder, "restic") + "/", StringComparison.Ordinal)
            .Replace("/srv/backup/offsite-disk/restic/", Path.Combine(Host.Folder, "offsite") + "/", StringComparison.Ordinal)
            .Replace("\nsandboxes:\n", "\nsandboxes:\n  engine:\n    socket: unix:///nonexistent/engine.sock\n", StringComparison.Ordinal);
        yaml = yaml.Contains("\nfirewall:\n", StringComparison.Ordinal)
            ? yaml.Replace("\nfirewall:\n", $"\nfirewall:\n  netns: {fw.Net.Near}\n", StringComparison.Ordinal)
            : yaml + $"\nfirewall:\n  netns: {fw.Net.Near}\n";
        PosturePath = Host.WritePosture(yaml);
    }

    public ScratchHost Host => _fw.Host;

    public NetnsPair Net => _fw.Net;

    public string PosturePath { get; }

    public static async Task<TierScenario> CreateAsync(string tier)
    {
        var fw = FirewallHost.Create();
        try
        {
            return new TierScenario(tier, fw, await FakeGateway.StartAsync(fw.Net.Near));
        }
        catch
        {
            fw.Dispose();
            throw;
        }
    }

    public CliResult DryRun() => CliRunner.Run(["reconcile", .. Host.Args(PosturePath, "--dry-run", "--local", "-o", "json")]);

    public CliResult Apply() => CliRunner.Run(["reconcile", .. Host.Args(PosturePath, "--yes", "--local", "-o", "json")]);

    public static JsonElement Score(CliResult result) => JsonDocument.Parse(result.Stdout).RootElement.GetProperty("score");

    /// <summary>Every criterion as id → met (null: unknown).</summary>
    public static IReadOnlyDictionary<string, bool?> Criteria(JsonElement score) =>
        score.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("criteria").EnumerateArray())
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("met").ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => (bool?)false, _ => null });

    public void Dispose()
    {
        _gateway.Dispose();
        _fw.Dispose();
        _ollama.Dispose();
    }
}
