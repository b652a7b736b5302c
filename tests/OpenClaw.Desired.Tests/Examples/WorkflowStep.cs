using OpenClaw.Desired.Host;
using YamlDotNet.RepresentationModel;

namespace OpenClaw.Desired.Tests.Examples;

/// <summary>
/// Runs one `run:` step of a GitHub Actions workflow file the way a runner does (bash -eo pipefail, the
/// workflow's and the job's env, GITHUB_ENV, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), so the
/// workflow's own shell is tested.
/// </summary>
public sealed class WorkflowStep
{
    private readonly YamlMappingNode _root;
    private readonly string _job;

    public WorkflowStep(string workflowFile, string job = "dry-run")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(workflowFile)));
        _root = (YamlMappingNode)stream.Documents[0].RootNode;
        _job = job;
    }

    /// <summary>The workflow's env, then the job's (literal values only; expressions are left as written).</summary>
    public IReadOnlyDictionary<string, string> Env
    {
        get
        {
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var map in new[] { _root, Job })
            {
                if (map.Children.TryGetValue("env", out var node) && node is YamlMappingNode values)
                {
                    foreach (var (key, value) in values.Children)
                    {
                        env[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value ?? string.Empty;
                    }
                }
            }

            return env;
        }
    }

    private YamlMappingNode Job => (YamlMappingNode)((YamlMappingNode)_root["jobs"])[_job];

    /// <summary>The names of the job's steps, in order (unnamed `uses:` steps are left out).</summary>
    public IReadOnlyList<string> StepNames =>
        Steps.Select(s => s.Children.TryGetValue("name", out var n) ? ((YamlScalarNode)n).Value : null).OfType<string>().ToList();

    private IEnumerable<YamlMappingNode> Steps => ((YamlSequenceNode)Job["steps"]).Children.OfType<YamlMappingNode>();

    public string Script(string stepName)
    {
        var step = Steps.Single(s => s.Children.TryGetValue("name", out var n) && ((YamlScalarNode)n).Value == stepName);
        return ((YamlScalarNode)step["run"]).Value!;
    }

    /// <summary>Runs the step in <paramref name="runnerTemp"/>; returns the exit code and what it wrote to GITHUB_OUTPUT.</summary>
    public async Task<(int ExitCode, string Output, string Log)> RunAsync(string stepName, string runnerTemp, IReadOnlyDictionary<string, string> env, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var environment = new Dictionary<string, string>(Env)
        {
            ["RUNNER_TEMP"] = runnerTemp,
            ["GITHUB_OUTPUT"] = Path.Combine(runnerTemp, "github-output"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(runnerTemp, "step-summary.md"),
            ["GITHUB_ENV"] = Path.Combine(runnerTemp, "github-env"),
        };
        foreach (var (key, value) in env)
        {
            environment[key] = value;
        }

        File.WriteAllText(environment["GITHUB_OUTPUT"], string.Empty);
        // A runner starts each step in the workspace (the checkout).
        var script = workingDirectory is null ? Script(stepName) : $"cd '{workingDirectory}'\n{Script(stepName)}";
        var result = await new ProcessCommandRunner().RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], timeout ?? TimeSpan.FromMinutes(2), environment: environment);
        return (result.TimedOut ? -1 : result.ExitCode, File.ReadAllText(environment["GITHUB_OUTPUT"]), result.StandardOutput + result.StandardError);
    }

    /// <summary>What earlier steps wrote to GITHUB_ENV (KEY=VALUE lines), as a runner hands it to later steps.</summary>
    public static Dictionary<string, string> ReadGithubEnv(string runnerTemp)
    {
        var file = Path.Combine(runnerTemp, "github-env");
        return !File.Exists(file) ? [] : File.ReadAllLines(file)
            .Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
    }
}
