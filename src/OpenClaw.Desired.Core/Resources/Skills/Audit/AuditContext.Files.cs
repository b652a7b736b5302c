namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>What a file is by its path and first bytes: a program that runs, configuration that runs, a test, a fixture.</summary>
public static partial class AuditContext
{
    /// <summary>Folders that hold a project's tests and their data.</summary>
    private static readonly HashSet<string> TestFolders = new(StringComparer.Ordinal) { "tests", "test", "fixtures", "testdata", "__fixtures__", "__tests__", "spec" };

    private static readonly string[] ExecutableExtensions =
        [".sh", ".bash", ".zsh", ".fish", ".py", ".js", ".mjs", ".cjs", ".ts", ".rb", ".pl", ".php", ".ps1", ".psm1", ".bat", ".cmd", ".vbs", ".go", ".rs", ".lua", ".mk", ".pm", ".mts", ".cts", ".tsx", ".jsx", ".java", ".kt", ".kts", ".cs", ".swift", ".ex", ".exs", ".dart", ".r", ".jl"];

    /// <summary>
    /// A test fixture's sample (see <see cref="IsUnnamedFixture"/>) that does not run: a data file or, in a security
    /// tool, a manifest that runs only at a project's root (its <c>tests/fixtures/evil-hook/package.json</c> is a sample
    /// of an install hook, not one of the skill).
    /// </summary>
    public static bool IsFixtureSample(string file, bool executable, string? skillMd, bool securityTool) =>
        (!executable || securityTool && file.EndsWith("/package.json", StringComparison.OrdinalIgnoreCase)) && IsUnnamedFixture(file, skillMd);

    /// <summary>
    /// A file under a test folder (<c>tests/</c>, <c>fixtures/</c>, <c>testdata/</c>, <c>__fixtures__/</c>) that the skill's
    /// instructions do not name: by its folder and name (<c>evil-hook/package.json</c>), or by its name where the name
    /// is its own (every Node project has a <c>package.json</c>, every skill a <c>SKILL.md</c>).
    /// </summary>
    public static bool IsUnnamedFixture(string file, string? skillMd)
    {
        var parts = file.Split('/');
        var folders = parts[..^1];
        if (!folders.Any(TestFolders.Contains))
        {
            return false;
        }

        if (skillMd is null)
        {
            return true;
        }

        var name = parts[^1];
        var named = CommonFileNames.Contains(name) ? parts.Length > 1 && skillMd.Contains(parts[^2] + "/" + name, StringComparison.OrdinalIgnoreCase) : skillMd.Contains(name, StringComparison.OrdinalIgnoreCase);
        return !named;
    }

    /// <summary>A file in a folder of test data (<c>fixtures/</c>, <c>testdata/</c>, <c>__fixtures__/</c>), not of tests that run.</summary>
    public static bool InFixtureFolder(string file) => file.Split('/')[..^1].Any(f => f is "fixtures" or "testdata" or "__fixtures__");

    /// <summary>File names every project of a kind has: mentioned in a SKILL.md, they name no one file.</summary>
    private static readonly HashSet<string> CommonFileNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "package.json", "SKILL.md", "README.md", "index.js", "index.ts", "main.py", "__init__.py", "setup.py", "pyproject.toml", "Cargo.toml", "go.mod", "Makefile", "Dockerfile", "main.go", "main.rs",
    };

    /// <summary>A file in a test folder, or named as a test (<c>test_x.py</c>, <c>x.test.js</c>, <c>x_test.go</c>, <c>x.spec.ts</c>).</summary>
    public static bool IsTestPath(string file)
    {
        var name = Path.GetFileName(file);
        return file.Split('/')[..^1].Any(TestFolders.Contains)
            || name.StartsWith("test_", StringComparison.Ordinal) || name.Contains(".test.", StringComparison.Ordinal) || name.Contains("_test.", StringComparison.Ordinal) || name.Contains(".spec.", StringComparison.Ordinal);
    }

    /// <summary>A file that runs (a script or source, or anything with a #! line) rather than documents.</summary>
    public static bool IsExecutable(string file, string text) =>
        ExecutableExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || RunsAsConfiguration.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase))
        || text.StartsWith("#!", StringComparison.Ordinal) || !file.Contains('.') || ShellVariables.IsMakefile(file) || RunsInEditor(file);

    /// <summary>VS Code's tasks (a task can run when the folder opens) and a dev container's definition (its commands run on the host and in the container as it is built).</summary>
    private static bool RunsInEditor(string file) => file.Replace('\\', '/') is var path
        && (path.EndsWith(".vscode/tasks.json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".devcontainer/devcontainer.json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".devcontainer.json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Files whose commands run without anyone running them: launchd agents, systemd units, desktop autostart entries,
    /// crontabs, and package.json (npm runs its install scripts).
    /// </summary>
    private static readonly string[] RunsAsConfiguration = [".plist", ".service", ".timer", ".desktop", ".crontab", ".cron", "package.json"];
}
