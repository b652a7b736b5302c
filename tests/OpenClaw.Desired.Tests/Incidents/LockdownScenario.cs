using System.Formats.Tar;
using System.Text.Json;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Incidents;

/// <summary>Postures and CLI calls for lockdown tests on the demo host, and the state dir as a comparable listing.</summary>
public static class LockdownScenario
{
    public static string WritePosture(ScratchHost host, string? netns = null, string extra = "") => host.WritePosture($"""
        apiVersion: openclaw.desired/v1
        tier: basic
        openclaw:
          user: claw
        agent:
          skills:
            allowlistOnly: true
            allow: [weather, github-triage]
        secrets:
          store:
            kind: env
        {(netns is null ? string.Empty : $"firewall:\n  netns: {netns}")}
        {extra}
        """);

    /// <summary>The lockdown posture with alerts to <paramref name="webhook"/>, its URL in the env store.</summary>
    public static string WebhookPosture(ScratchHost host, WebhookReceiver webhook)
    {
        File.AppendAllText(host.Real(ScratchHost.OpenClawHome + "/.env"), $"ALERT_WEBHOOK_URL={webhook.Url}\n");
        return WritePosture(host, extra: """
            monitoring:
              alerts:
                webhook:
                  url: { store: ALERT_WEBHOOK_URL }
                  format: json
            """);
    }

    public static CliResult Lockdown(ScratchHost host, string posture, string reason = "skill crypto-price-alerts sends keys to a paste site") =>
        CliRunner.Run("lockdown", "--reason", reason, "--posture", posture, "--root", host.Root, "--state-dir", host.StateDir, "-o", "json", "--no-color");

    public static CliResult ReleaseLockdown(ScratchHost host, params string[] extra) =>
        CliRunner.Run(["lockdown", "--release", "--root", host.Root, "--state-dir", host.StateDir, "-o", "json", "--no-color", .. extra]);

    public static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Stdout).RootElement;

    public static IReadOnlyList<(string Resource, string Action, string? Outcome, string? After)> Changes(CliResult result) =>
        Json(result).GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("resource").GetString()!, c.GetProperty("action").GetString()!, Text(c, "outcome"), Text(c, "after")))
            .ToList();

    /// <summary>Every file of the state dir with its hash (the lock file, which every run takes, left out).</summary>
    public static IReadOnlyDictionary<string, string> State(ScratchHost host) =>
        Directory.EnumerateFileSystemEntries(host.StateDir, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p) != "lock")
            .ToDictionary(p => Path.GetRelativePath(host.StateDir, p), p => File.Exists(p) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p))) : "dir");

    /// <summary>The text of one entry of a plain evidence archive.</summary>
    public static string ArchiveEntry(string bundle, string name)
    {
        using var tar = new TarReader(File.OpenRead(Path.Combine(bundle, "evidence.tar")));
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == name)
            {
                using var reader = new StreamReader(entry.DataStream!);
                return reader.ReadToEnd();
            }
        }

        throw new InvalidOperationException($"{name} is not in {bundle}");
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
