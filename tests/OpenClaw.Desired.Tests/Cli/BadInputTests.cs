using System.Text;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Cli;

/// <summary>Every kind of bad posture gives exit 1, a clear positioned message, no stack trace, and no change on the host.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string> Corpus => new()
    {
        { "empty", "the file is empty" },
        { "comments-only", "the file is empty" },
        { "tabs", "posture.yaml:3:1: tab characters cannot indent YAML; use spaces" },
        { "duplicate-keys", "posture.yaml:3:1: duplicate key 'tier' (tier)" },
        { "wrong-types", "posture.yaml:4:14: expected a list (models.fallbacks)" },
        { "unknown-keys", "posture.yaml:4:3: unknown key 'yolo' (agent.yolo)" },
        { "alias-bomb", "alias bomb" },
        { "huge", "a posture file may be at most 1 MiB" },
        { "binary", "binary" },
        { "invalid-utf8", "not valid UTF-8" },
        { "not-a-mapping", "the document must be a mapping" },
        { "two-documents", "only one YAML document" },
        { "unclosed-quote", "posture.yaml:" },
        { "missing", "file not found" },
    };

    private static void Write(string kind, string path)
    {
        const string Head = "apiVersion: openclaw.desired/v1\ntier: basic\n";
        switch (kind)
        {
            case "empty": File.WriteAllText(path, string.Empty); break;
            case "comments-only": File.WriteAllText(path, "# nothing here\n   \n# still nothing\n"); break;
            case "tabs": File.WriteAllText(path, Head + "\tagent: {}\n"); break;
            case "duplicate-keys": File.WriteAllText(path, Head + "tier: paranoid\n"); break;
            case "wrong-types": File.WriteAllText(path, Head + "models:\n  fallbacks: openai/gpt-5.1\n"); break;
            case "unknown-keys": File.WriteAllText(path, Head + "agent:\n  yolo: true\n"); break;
            case "alias-bomb":
                var bomb = new StringBuilder(Head + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
                for (var i = 1; i < 12; i++)
                {
                    bomb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
                }

                File.WriteAllText(path, bomb.ToString());
                break;
            case "huge":
                using (var stream = File.Create(path))
                {
                    stream.Write(Encoding.UTF8.GetBytes(Head));
                    var line = Encoding.UTF8.GetBytes("# " + new string('x', 1000) + "\n");
                    for (var written = 0L; written < 50L * 1024 * 1024; written += line.Length)
                    {
                        stream.Write(line);
                    }
                }

                break;
            case "binary": File.WriteAllBytes(path, [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x10]); break;
            case "invalid-utf8": File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(Head + "x: "), 0xc3, 0x28, 0x0a]); break;
            case "not-a-mapping": File.WriteAllText(path, "- apiVersion\n- tier\n"); break;
            case "two-documents": File.WriteAllText(path, Head + "---\n" + Head); break;
            case "unclosed-quote": File.WriteAllText(path, Head + "models:\n  primary: \"openai/gpt-5.1\n"); break;
            case "missing": break;
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Reconcile_BadPosture_ExitsOneWithClearErrorAndChangesNothing(string kind, string expected)
    {
        using var host = ScratchHost.FromDemo();
        var posture = Path.Combine(host.Folder, "posture.yaml");
        Write(kind, posture);
        var before = File.ReadAllBytes(host.ConfigPath);

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.All);
        Assert.DoesNotContain("   at ", result.All);
        Assert.DoesNotContain("Exception", result.All);
        Assert.Equal(before, File.ReadAllBytes(host.ConfigPath));
        Assert.False(Directory.Exists(host.StateDir) && Directory.EnumerateFileSystemEntries(host.StateDir, "*", SearchOption.AllDirectories).Any(f => f.Contains("runs", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Validate_BadPosture_ExitsOneWithoutStackTrace(string kind, string expected)
    {
        using var host = ScratchHost.Empty();
        var posture = Path.Combine(host.Folder, "posture.yaml");
        Write(kind, posture);

        var result = CliRunner.Run("validate", "--posture", posture);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.All);
        Assert.DoesNotContain("   at ", result.All);
    }
}
