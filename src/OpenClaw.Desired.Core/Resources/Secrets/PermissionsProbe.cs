using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;

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

    public static IReadOnlyList<PermissionState> Probe(HostFs fs, OpenClawPaths paths, IEnumerable<string> storeFiles, (int Uid, int Gid)? owner)
    {
        var targets = new List<(string Path, bool Directory)> { (paths.StateDir, true), (paths.StateDir + "/credentials", true) };
        var files = new List<string> { paths.ConfigPath, paths.StateDir + "/.env" };
        files.AddRange(storeFiles);
        foreach (var agent in Folders(fs, paths.StateDir + "/agents"))
        {
            var dir = $"{paths.StateDir}/agents/{agent}/agent";
            targets.Add((dir, true));
            files.AddRange(new[] { "auth-profiles.json", "auth.json", "auth-state.json", "models.json" }.Select(f => $"{dir}/{f}"));
        }

        if (fs.Probe(paths.StateDir + "/credentials") is { IsDirectory: true })
        {
            files.AddRange(fs.Walk(paths.StateDir + "/credentials").Where(e => e.Stat.IsFile).Select(e => e.HostPath));
        }

        targets.AddRange(files.Distinct(StringComparer.Ordinal).Select(f => (f, false)));
        var result = new List<PermissionState>();
        foreach (var (hostPath, isDirectory) in targets)
        {
            // A link root made is judged by what it names; one the agent user made is refused (and reported), never followed.
            if (fs.Probe(hostPath) is not { Exists: true } stat || stat.IsDirectory != isDirectory || !(stat.IsFile || stat.IsDirectory))
            {
                continue;
            }

            result.Add(new PermissionState(hostPath, isDirectory, (UnixFileMode)stat.PermissionBits, (stat.Uid, stat.Gid), isDirectory ? PrivateDir : PrivateFile, owner));
        }

        return result;
    }

    private static IEnumerable<string> Folders(HostFs fs, string hostPath) =>
        fs.Probe(hostPath) is { IsDirectory: true } ? fs.List(hostPath).Where(e => e.Stat.IsDirectory).Select(e => e.Name) : [];
}
