using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>An environment file the proxy level governs, as found on the host.</summary>
public sealed record ProxyFileObservation(string HostPath, string? Content, bool IsDropIn, string Owner);

/// <summary>
/// At level proxy the agent must send its traffic to the proxy: HTTP_PROXY, HTTPS_PROXY and NO_PROXY (OpenClaw's
/// undici dispatcher reads them, lower-case first, so both cases are set) go into OpenClaw's <c>&lt;state&gt;/.env</c>,
/// and, where the gateway runs as the systemd user unit, into a drop-in for it, since process environment wins over .env.
/// </summary>
internal static class ProxyEnvironment
{
    public const string UnitPath = "/.config/systemd/user/openclaw-gateway.service";
    public const string DropInName = "openclaw-desired-proxy.conf";

    public static IReadOnlyList<ProxyFileObservation> Probe(FirewallSettings settings, EffectivePosture posture, HostContext host)
    {
        if (settings.Level != FirewallLevel.Proxy || settings.Proxy is null)
        {
            return [];
        }

        var paths = host.PathsFor(posture);
        var files = new List<ProxyFileObservation> { Read(host, paths.StateDir + "/.env", false, paths.User) };
        if (host.Homes.HomeOf(paths.User) is { } home && host.Fs.Probe(home + UnitPath) is { IsFile: true })
        {
            files.Add(Read(host, $"{home}{UnitPath}.d/{DropInName}", true, paths.User));
        }

        return files;
    }

    public static IEnumerable<PlannedChange> Changes(string kind, ProxySettings proxy, IReadOnlyList<ProxyFileObservation> files)
    {
        var values = Values(proxy);
        foreach (var file in files)
        {
            if (file.IsDropIn)
            {
                var content = DropIn(values);
                if (file.Content != content)
                {
                    yield return new PlannedChange(kind, $"proxy-env {file.HostPath}", file.Content is null ? ChangeAction.Create : ChangeAction.Update,
                        "level proxy: the gateway's systemd unit sends the agent's traffic to the proxy (takes effect on its next restart)",
                        file.Content is null ? null : "differs", "HTTP(S)_PROXY=" + proxy.Url, PostureEffect.Tightens, new OwnedFileWrite(file.HostPath, content, file.Owner));
                }

                continue;
            }

            // Last assignment wins, as in any dotenv reader.
            var current = global::OpenClaw.Desired.Secrets.DotEnv.Parse(file.Content ?? string.Empty).GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            var differing = values.Where(v => current.GetValueOrDefault(v.Key) != v.Value).ToList();
            if (differing.Count > 0)
            {
                yield return new PlannedChange(kind, $"proxy-env {file.HostPath}", file.Content is null ? ChangeAction.Create : ChangeAction.Update,
                    "level proxy: OpenClaw sends the agent's traffic to the proxy (read at gateway start)",
                    string.Join(", ", differing.Select(v => $"{v.Key}={Display(current.GetValueOrDefault(v.Key))}")),
                    string.Join(", ", differing.Select(v => $"{v.Key}={v.Value}")),
                    PostureEffect.Tightens,
                    new EnvFileEdit(file.HostPath, values, file.Owner));
            }
        }
    }

    public static ValueList<KeyValuePair<string, string>> Values(ProxySettings proxy)
    {
        var noProxy = string.Join(',', new[] { "localhost", "127.0.0.1", "::1" }.Concat(proxy.NoProxy).Distinct(StringComparer.Ordinal));
        return new KeyValuePair<string, string>[]
        {
            new("HTTP_PROXY", proxy.Url), new("HTTPS_PROXY", proxy.Url), new("NO_PROXY", noProxy),
            new("http_proxy", proxy.Url), new("https_proxy", proxy.Url), new("no_proxy", noProxy),
        }.ToValueList();
    }

    public static string DropIn(IEnumerable<KeyValuePair<string, string>> values) =>
        "# Managed by openclaw-desired (firewall.level proxy): the gateway reaches the internet only through the proxy.\n[Service]\n"
        + string.Concat(values.Select(v => $"Environment=\"{v.Key}={v.Value}\"\n"));

    private static ProxyFileObservation Read(HostContext host, string hostPath, bool isDropIn, string owner)
    {
        return new ProxyFileObservation(hostPath, host.Fs.TryReadAllText(hostPath, 1024 * 1024), isDropIn, owner);
    }

    // A proxy URL may carry credentials; never show them.
    private static string Display(string? value)
    {
        if (value is null)
        {
            return "unset";
        }

        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var at = value.LastIndexOf('@');
        return scheme >= 0 && at > scheme ? value[..(scheme + 3)] + "***" + value[at..] : value;
    }
}
