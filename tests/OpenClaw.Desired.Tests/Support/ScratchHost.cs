namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// A throwaway host: a copy of examples/demo-host (or an empty root) in a temp folder, with its own state dir.
/// Deleted on dispose.
/// </summary>
public sealed class ScratchHost : IDisposable
{
    private ScratchHost(string folder)
    {
        Folder = folder;
        Root = Path.Combine(folder, "root");
        StateDir = Path.Combine(folder, "state");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The temp folder holding root/, state/ and any posture files.</summary>
    public string Folder { get; }

    public string Root { get; }

    public string StateDir { get; }

    /// <summary>Host path of the demo's OpenClaw state dir.</summary>
    public const string OpenClawHome = "/home/claw/.openclaw";

    public string ConfigPath => Real(OpenClawHome + "/openclaw.json");

    public static ScratchHost FromDemo()
    {
        var host = Empty();
        CopyDirectory(RepoPaths.DemoHost, host.Root);
        return host;
    }

    public static ScratchHost Empty() =>
        new(Directory.CreateTempSubdirectory("ocd-test-").FullName);

    /// <summary>The real path of a host path under this root.</summary>
    public string Real(string hostPath) => Path.Combine(Root, hostPath.TrimStart('/'));

    public string WritePosture(string yaml, string name = "posture.yaml")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Arguments common to reconcile runs against this host.</summary>
    public string[] Args(string posturePath, params string[] extra) =>
        ["--posture", posturePath, "--root", Root, "--state-dir", StateDir, .. extra];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
