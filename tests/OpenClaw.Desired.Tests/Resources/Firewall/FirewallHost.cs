using System.Diagnostics;
using System.Text.Json;
using OpenClaw.Desired.Resources.Firewall;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Firewall;

/// <summary>A firewall change as the JSON report shows it.</summary>
public sealed record FirewallChange(string Resource, string Action, string? Outcome, string? Message, string? After);

/// <summary>
/// A scratch OpenClaw host (the demo) whose firewall lives in the near namespace of a <see cref="NetnsPair"/>.
/// Postures name the namespace in firewall.netns, so every nft call of the reconciler runs there.
/// </summary>
public sealed class FirewallHost : IDisposable
{
    public const string Table = "inet openclaw_desired";

    private FirewallHost(NetnsPair net, ScratchHost host)
    {
        Net = net;
        Host = host;
    }

    public NetnsPair Net { get; }

    public ScratchHost Host { get; }

    public static FirewallHost Create()
    {
        var net = NetnsPair.Create();
        try
        {
            return new FirewallHost(net, ScratchHost.FromDemo());
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    /// <summary>Writes a basic-tier posture for user claw with this firewall section (netns added) and any other sections.</summary>
    public string Posture(string firewall, string other = "", string name = "posture.yaml")
    {
        var indented = string.Join('\n', firewall.Trim('\n').Split('\n').Select(l => "  " + l));
        return Host.WritePosture($"apiVersion: openclaw.desired/v1\ntier: basic\nopenclaw:\n  user: claw\nfirewall:\n  netns: {Net.Near}\n{indented}\n{other}", name);
    }

    public CliResult Reconcile(string posture, params string[] extra) =>
        CliRunner.Run(["reconcile", .. Host.Args(posture, ["--no-color", "--local", "--yes", "-o", "json", .. extra])]);

    public CliResult Confirm(params string[] extra) => CliRunner.Run(["confirm", "--root", Host.Root, .. extra]);

    /// <summary>The firewall part of a JSON report.</summary>
    public static IReadOnlyList<FirewallChange> Changes(CliResult result)
    {
        using var report = JsonDocument.Parse(result.Stdout);
        return report.RootElement.GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == FirewallKind.Name)
            .Select(c => new FirewallChange(
                c.GetProperty("resource").GetString()!,
                c.GetProperty("action").GetString()!,
                Text(c, "outcome"),
                Text(c, "message"),
                Text(c, "after")))
            .ToList();
    }

    public static IReadOnlyList<string> Unknowns(CliResult result)
    {
        using var report = JsonDocument.Parse(result.Stdout);
        return report.RootElement.GetProperty("unknowns").EnumerateArray().Select(u => u.GetProperty("reason").GetString()!).ToList();
    }

    /// <summary>The owned table as nft lists it (rules and declarations), or null when it does not exist.</summary>
    public async Task<string?> TableAsync()
    {
        // One call, not "list tables" then "list table": a rollback may remove the table in between.
        // Stateless and terse: counter values and the refused destinations are data that changes with traffic.
        var result = await Net.TryNftAsync(Net.Near, "-s", "-t", "list", "table", "inet", "openclaw_desired");
        if (result.Succeeded)
        {
            return result.StandardOutput;
        }

        Assert.Contains("No such file or directory", result.StandardError, StringComparison.Ordinal);
        return null;
    }

    /// <summary>A table in the near namespace that is not the reconciler's, to prove it is never touched.</summary>
    public async Task<string> AddForeignTableAsync()
    {
        var file = Path.Combine(Host.Folder, "foreign.nft");
        await File.WriteAllTextAsync(file, "table ip foreign {\n\tset blocked { type ipv4_addr; elements = { 192.0.2.7 } }\n\tchain out { type filter hook output priority 10; policy accept; ip daddr @blocked drop; }\n}\n");
        await Net.NftAsync(Net.Near, "-f", file);
        return await Net.NftAsync(Net.Near, "list", "table", "ip", "foreign");
    }

    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }

    public void Dispose()
    {
        Net.Dispose();
        Host.Dispose();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
