using OpenClaw.Desired.Host;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// The paths whose mode and owner guard secrets, as OpenClaw's own audit wants them: the state dir, agent and
/// credentials folders 0700; openclaw.json, .env, the store file, auth and models files, credentials 0600; all
/// owned by the agent user.
/// </summary>
internal static class PermissionsProbe
{
    public const UnixFileMode PrivateDir = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static IReadOnlyList<PermissionState> Probe(HostRoot root, OpenClawPaths paths, IEnumerable<string> storeFiles, (int Uid, int Gid)? owner)
    {
        var targets = new List<(string Path, bool Directory)> { (paths.StateDir, true), (paths.StateDir + "/credentials", true) };
        var files = new List<string> { paths.ConfigPath, paths.StateDir + "/.env" };
        files.AddRange(storeFiles);
        var agents = root.Resolve(paths.StateDir + "/agents");
        if (Directory.Exists(agents))
        {
            foreach (var agent in Directory.EnumerateDirectories(agents).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                var dir = $"{paths.StateDir}/agents/{agent}/agent";
                targets.Add((dir, true));
                files.AddRange(new[] { "auth-profiles.json", "auth.json", "auth-state.json", "models.json" }.Select(f => $"{dir}/{f}"));
            }
        }

        var credentials = root.Resolve(paths.StateDir + "/credentials");
        if (Directory.Exists(credentials))
        {
            files.AddRange(Directory.EnumerateFiles(credentials, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
                .Select(f => root.ToHostPath(f)).Order(StringComparer.Ordinal));
        }

        targets.AddRange(files.Distinct(StringComparer.Ordinal).Select(f => (f, false)));
        var result = new List<PermissionState>();
        foreach (var (hostPath, isDirectory) in targets)
        {
            var real = root.Resolve(hostPath);
            var exists = isDirectory ? Directory.Exists(real) : File.Exists(real);
            if (!exists || new FileInfo(real).LinkTarget is not null)
            {
                continue;
            }

            result.Add(new PermissionState(hostPath, isDirectory, File.GetUnixFileMode(real), Native.Owner(real), isDirectory ? PrivateDir : PrivateFile, owner));
        }

        return result;
    }
}
