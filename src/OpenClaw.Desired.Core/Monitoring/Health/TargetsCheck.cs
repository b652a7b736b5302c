using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// <c>target.NAME</c>: each entry of monitoring.targets answers (an http(s) URL with a status below 500, or a
/// host:port that accepts a TCP connection). The firewall's commit-confirm checks the same targets.
/// </summary>
public sealed class TargetsCheck : IHealthCheck
{
    public const string Prefix = "target.";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public string Name => "targets";

    public bool AppliesTo(HealthContext context) => context.Settings.Targets && (context.Posture.Document.Monitoring?.Targets?.Count ?? 0) > 0;

    public async Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var targets = (context.Posture.Document.Monitoring?.Targets ?? []).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
        var results = await Task.WhenAll(targets.Select(t => ProbeAsync(context, t, cancellationToken)));
        return results;
    }

    private static async Task<HealthCheckResult> ProbeAsync(HealthContext context, System.Text.Json.Nodes.JsonObject target, CancellationToken cancellationToken)
    {
        var name = Prefix + Text(target, "name");
        if (Text(target, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var (ok, seconds, detail) = await NetworkProbe.GetAsync(context.Host.Http, uri, Timeout, cancellationToken);
            var shown = $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";
            return HealthCheckResult.Judge(name, ok, ok ? Math.Round(seconds, 4) : null, Timeout.TotalSeconds, "seconds", ok ? $"{shown} answered {detail}" : $"{shown}: {detail}");
        }

        if (Text(target, "tcp") is { } tcp && Resources.Firewall.FirewallSettings.ParseListen(tcp) is { } endpoint)
        {
            var (ok, seconds, error) = await NetworkProbe.ConnectAsync(endpoint.Host, endpoint.Port, Timeout, cancellationToken);
            return HealthCheckResult.Judge(name, ok, ok ? Math.Round(seconds, 4) : null, Timeout.TotalSeconds, "seconds", ok ? $"{tcp} accepts connections" : $"{tcp}: {error}");
        }

        return HealthCheckResult.Unknown(name, "the target has neither a url nor a host:port");
    }

    private static string? Text(System.Text.Json.Nodes.JsonObject target, string key) =>
        target[key] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
