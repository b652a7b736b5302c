using System.Text;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Bench;

/// <summary>Scales the demo host: more skills, agents, channel accounts, memory files and a bigger openclaw.json.</summary>
internal static class HostGenerator
{
    public sealed record Size(int Factor, int Skills, int Agents, long ConfigBytes, long WorkspaceBytes);

    /// <summary>The demo scaled by <paramref name="factor"/>; <paramref name="skills"/> overrides the number of generated skills.</summary>
    public static Size Generate(string demoHost, string root, int factor, int? skills = null)
    {
        Copy(demoHost, root);
        var state = Path.Combine(root, "home/claw/.openclaw");
        var workspace = Path.Combine(state, "workspace");
        var config = OpenClawConfig.Parse(File.ReadAllText(Path.Combine(state, "openclaw.json")));

        var generated = skills ?? 3 * factor;
        var entries = (JObject)config.Get("/skills/entries")!;
        for (var i = 0; i < generated; i++)
        {
            var name = $"skill-{i:D5}";
            var folder = Path.Combine(workspace, "skills", name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "SKILL.md"), $"---\nname: {name}\ndescription: Generated skill {i} for the benchmark.\n---\n\n# {name}\n\n{Lorem(2_000)}\n");
            entries[name] = new JObject { ["enabled"] = i % 2 == 0 };
        }

        var agents = (JArray)config.Get("/agents/list")!;
        for (var i = 1; i <= factor; i++)
        {
            agents.Add(new JObject { ["id"] = $"agent-{i:D4}", ["workspace"] = $"~/.openclaw/workspace-{i}", ["model"] = "anthropic/claude-sonnet-4-5" });
        }

        var accounts = new JObject();
        for (var i = 0; i < 5 * factor; i++)
        {
            accounts[$"acct-{i:D5}"] = new JObject { ["enabled"] = true, ["dmPolicy"] = "pairing", ["allowFrom"] = new JArray($"tg:{100000 + i}", $"tg:{200000 + i}") };
        }

        config.Set("/channels/telegram/accounts", accounts);
        var configText = config.ToJson();
        File.WriteAllText(Path.Combine(state, "openclaw.json"), configText);

        var memory = Path.Combine(workspace, "memory");
        for (var i = 0; i < 10 * factor; i++)
        {
            File.WriteAllText(Path.Combine(memory, $"2026-{1 + (i / 28 % 12):D2}-{1 + (i % 28):D2}-{i:D5}.md"), $"# Day {i}\n\n{Lorem(4_000)}\n");
        }

        var workspaceBytes = Directory.EnumerateFiles(workspace, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        return new Size(factor, generated + 3, factor + 1, Encoding.UTF8.GetByteCount(configText), workspaceBytes);
    }

    private static string Lorem(int length)
    {
        const string Text = "The agent keeps notes on the household calendar, the weather and open issues. ";
        var builder = new StringBuilder(length + Text.Length);
        while (builder.Length < length)
        {
            builder.Append(Text);
        }

        return builder.ToString(0, length);
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
