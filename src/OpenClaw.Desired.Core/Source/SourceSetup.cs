using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Source;

/// <summary>
/// Decides where the posture comes from: <c>--repo</c> on the command line; else the posture file, which is a
/// bootstrap when it has <c>source.repo</c> (its tier is then the floor for the repository's posture) unless
/// <c>--local</c> says to take it as written; else the posture file itself, read exactly as always.
/// </summary>
public static class SourceSetup
{
    public static (GitSourceOptions? Git, PostureLoadResult? Local) Decide(SourceRequest? request, string posturePath, HostRoot root)
    {
        request ??= new SourceRequest();
        if (request.Repo is { } repo)
        {
            return (Build(request, repo, null, VerifyPolicy.None, [], root, null), null);
        }

        var local = PostureLoader.LoadFile(posturePath);
        if (request.LocalOnly || local.Posture?.Document.Source is not { Repo: { } bootstrapRepo } source)
        {
            return (null, local);
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(posturePath));
        var keys = (source.Verify?["keys"] as System.Text.Json.Nodes.JsonArray)?.Select(Text).OfType<string>().ToList() ?? [];
        var keyring = Text(source.Verify?["keyring"]);
        var verify = keys.Count > 0 || keyring is not null ? new VerifyPolicy(keys, keyring is null ? null : ExpandHome(keyring, folder)) : VerifyPolicy.None;
        var git = Build(request with { Ref = request.Ref ?? source.Ref, Path = request.Path ?? source.Path }, bootstrapRepo, folder, verify, source.HostGroups ?? [], root, local.Posture.Tier);
        return (git, null);
    }

    private static GitSourceOptions Build(SourceRequest request, string repo, string? folder, VerifyPolicy bootstrapVerify, IReadOnlyList<string> bootstrapGroups, HostRoot root, Tier? floor)
    {
        var verify = request.VerifyKeys.Count > 0 || request.VerifyKeyring is not null
            ? new VerifyPolicy([.. bootstrapVerify.Keys, .. request.VerifyKeys], request.VerifyKeyring is { } k ? System.IO.Path.GetFullPath(k) : bootstrapVerify.Keyring)
            : bootstrapVerify;
        return new GitSourceOptions
        {
            Repo = repo.Contains("://", StringComparison.Ordinal) || folder is null ? repo : RepoLocation.Parse(repo, folder).Url,
            Ref = request.Ref ?? "HEAD",
            Path = request.Path ?? "posture.yaml",
            HostName = request.HostName ?? DefaultHostName(root),
            HostGroups = request.HostGroups.Count > 0 ? request.HostGroups : bootstrapGroups,
            Verify = verify,
            AllowRollback = request.AllowRollback,
            BaseRef = request.BaseRef,
            TierFloor = floor,
            GnupgHome = request.GnupgHome,
        };
    }

    /// <summary>The machine's name; on a scratch root, the root's /etc/hostname when it has one.</summary>
    public static string DefaultHostName(HostRoot root)
    {
        if (!root.IsRealRoot && new Host.Fs.HostFs(root).Probe("/etc/hostname") is { IsFile: true })
        {
            var name = new Host.Fs.HostFs(root).ReadAllText("/etc/hostname", 4096).Trim();
            if (name.Length > 0)
            {
                return name;
            }
        }

        return Environment.MachineName;
    }

    private static string? Text(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string ExpandHome(string path, string? folder) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? System.IO.Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/root", path[2..])
            : System.IO.Path.GetFullPath(path, folder ?? Directory.GetCurrentDirectory());
}
