namespace OpenClaw.Desired.Tests.Support;

/// <summary>Finds files of this repository from the test output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Examples => Path.Combine(Root, "examples");

    public static string DemoHost => Path.Combine(Examples, "demo-host");

    public static string Posture(string tier) => Path.Combine(Examples, tier, "posture.yaml");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenClaw.Desired.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("OpenClaw.Desired.sln not found above the test folder");
    }
}
