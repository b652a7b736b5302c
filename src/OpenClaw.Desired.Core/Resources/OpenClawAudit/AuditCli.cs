using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>One finding of OpenClaw's own audit, as its --json output gives it.</summary>
public sealed record UpstreamFinding(string CheckId, string Severity, string Title, string Detail, string? Remediation);

/// <summary>What running OpenClaw's audit gave: its findings, or why there are none (not installed, failed, timed out).</summary>
public sealed record UpstreamAudit(string? Cli, IReadOnlyList<UpstreamFinding> Findings, string? NotInstalled, string? Failed);

/// <summary>
/// Runs <c>openclaw security audit --json</c> (never --fix) as a probe, bounded in time, through the command
/// runner. As root it runs as the OpenClaw user (setpriv), so neither the CLI nor the plugins it reads run with
/// the reconciler's rights; the environment is emptied (env -i) but for what OpenClaw needs to find its files,
/// so no secret of the reconciler's environment reaches it.
/// </summary>
public static class AuditCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Where npm, pnpm, bun and friends put the CLI, for the OpenClaw user (~) or system-wide.</summary>
    public static readonly string[] Candidates =
    [
        "/usr/local/bin/openclaw", "/usr/bin/openclaw", "~/.npm-global/bin/openclaw", "~/.local/bin/openclaw", "~/.local/share/pnpm/openclaw",
        "~/.bun/bin/openclaw", "~/.volta/bin/openclaw", "/opt/openclaw/bin/openclaw",
    ];

    public static async Task<UpstreamAudit> RunAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var paths = host.PathsFor(posture);
        var searched = posture.Document.OpenClaw?.Cli is { } stated ? [stated] : Candidates;
        var cli = searched.Select(c => c.StartsWith('~') ? TryExpand(host, c, paths.User) : c).OfType<string>()
            .FirstOrDefault(c => Executable(host, c));
        if (cli is null)
        {
            return new UpstreamAudit(null, [], $"OpenClaw's CLI was not found (looked at {string.Join(", ", searched)}); its own audit was not run, so checks the reconciler does not cover itself are not reported", null);
        }

        var user = AgentUser.Lookup(host.Root, paths.User);
        var real = host.Root.Resolve(cli);
        var home = host.Homes.HomeOf(paths.User) is { } h ? host.Root.Resolve(h) : "/";
        string[] environment =
        [
            $"HOME={home}", $"USER={paths.User}", $"OPENCLAW_STATE_DIR={host.Root.Resolve(paths.StateDir)}", $"OPENCLAW_CONFIG_PATH={host.Root.Resolve(paths.ConfigPath)}",
            $"PATH={Path.GetDirectoryName(real)}:/usr/local/bin:/usr/bin:/bin", "NO_COLOR=1", "CI=1",
        ];
        string[] audit = posture.Document.OpenClaw?.AuditDeep == true ? ["security", "audit", "--json", "--deep"] : ["security", "audit", "--json"];
        var asUser = Native.GetEuid() == 0 && user is { Uid: not 0 };
        if (Native.GetEuid() == 0 && user is null)
        {
            return new UpstreamAudit(cli, [], null, $"the OpenClaw user '{paths.User}' is not in the host's /etc/passwd, so OpenClaw's audit is not run (it never runs with root's rights for another user)");
        }

        if (Native.GetEuid() == 0 && !asUser && !RootSafe(host, cli))
        {
            return new UpstreamAudit(cli, [], null, $"{cli} is not owned by root or is writable by others, and OpenClaw runs as root here: it is not run with root's rights");
        }

        IReadOnlyList<string> arguments = asUser
            ? ["--reuid", user!.Value.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture), "--regid", user.Value.Gid.ToString(System.Globalization.CultureInfo.InvariantCulture), "--clear-groups", "--", "env", "-i", .. environment, real, .. audit]
            : ["-i", .. environment, real, .. audit];
        var timeout = posture.Document.OpenClaw?.AuditTimeout is { } written ? Duration.Parse(written) : DefaultTimeout;
        var result = await host.Commands.RunAsync(asUser ? "setpriv" : "env", arguments, timeout, cancellationToken: cancellationToken);
        if (result.TimedOut)
        {
            return new UpstreamAudit(cli, [], null, $"`{cli} security audit --json` did not finish within {Duration.Format(timeout)}; it was stopped");
        }

        return Parse(result.StandardOutput) is { } findings
            ? new UpstreamAudit(cli, findings, null, null)
            : new UpstreamAudit(cli, [], null, $"`{cli} security audit --json` exited {result.ExitCode} without a JSON report{FirstLine(result.StandardError)}");
    }

    /// <summary>The findings of a report in OpenClaw's shape ({ts, summary, findings: [{checkId, severity, title, detail, remediation}]}), or null.</summary>
    public static IReadOnlyList<UpstreamFinding>? Parse(string output)
    {
        var start = output.IndexOf('{');
        if (start < 0)
        {
            return null;
        }

        try
        {
            if (JToken.Parse(output[start..]) is not JObject report || report["findings"] is not JArray findings)
            {
                return null;
            }

            return findings.OfType<JObject>()
                .Where(f => f["checkId"] is JValue { Type: JTokenType.String })
                .Select(f => new UpstreamFinding((string)f["checkId"]!, (string?)f["severity"] ?? "info", (string?)f["title"] ?? string.Empty, (string?)f["detail"] ?? string.Empty, (string?)f["remediation"]))
                .ToList();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static string? TryExpand(HostContext host, string path, string user)
    {
        try
        {
            return host.Homes.Expand(path, user);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A regular file (or a link to one) with an execute bit; links are not followed by this check, only by exec as the OpenClaw user.</summary>
    private static bool Executable(HostContext host, string path)
    {
        try
        {
            var stat = host.Fs.Stat(path);
            if (stat.IsSymlink)
            {
                var target = new FileInfo(host.Root.Resolve(path)).ResolveLinkTarget(returnFinalTarget: true);
                return target is FileInfo { Exists: true } file && (file.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
            }

            return stat.IsFile && (stat.Mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Safe to run as root: the file and every link to it root-owned and not writable by group or others.</summary>
    private static bool RootSafe(HostContext host, string path)
    {
        try
        {
            var stat = host.Fs.StatFollow(path);
            return stat.IsFile && stat.Uid == 0 && (stat.Mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } line ? $": {line[..Math.Min(line.Length, 200)]}" : string.Empty;
}
