using OpenClaw.Desired.Host;
using YamlDotNet.RepresentationModel;

namespace OpenClaw.Desired.Tests.Examples;

/// <summary>
/// Runs one `run:` step of a GitHub Actions workflow file the way a runner does (bash -eo pipefail, the
/// workflow's env, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), so the workflow's own shell is tested.
/// </summary>
internal sealed class WorkflowStep
{
    private readonly YamlMappingNode _root;

    public WorkflowStep(string workflowFile)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(workflowFile)));
        _root = (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public IReadOnlyDictionary<string, string> Env =>
        ((YamlMappingNode)_root["env"]).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? string.Empty);

    public string Script(string stepName)
    {
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)_root["jobs"])["dry-run"])["steps"];
        var step = steps.Children.OfType<YamlMappingNode>().Single(s => s.Children.TryGetValue("name", out var n) && ((YamlScalarNode)n).Value == stepName);
        return ((YamlScalarNode)step["run"]).Value!;
    }

    /// <summary>Runs the step in <paramref name="runnerTemp"/>; returns the exit code and what it wrote to GITHUB_OUTPUT.</summary>
    public async Task<(int ExitCode, string Output, string Log)> RunAsync(string stepName, string runnerTemp, IReadOnlyDictionary<string, string> env)
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
        var result = await new ProcessCommandRunner().RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", Script(stepName)], TimeSpan.FromMinutes(2), environment: environment);
        return (result.ExitCode, File.ReadAllText(environment["GITHUB_OUTPUT"]), result.StandardOutput + result.StandardError);
    }
}
