using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// <c>gateway</c>: OpenClaw's gateway answers on its port (<c>gateway.port</c>, default 18789). The address
/// follows <c>gateway.bind</c>: loopback, lan and auto answer on 127.0.0.1, custom on its customBindHost;
/// a tailnet bind needs <c>monitoring.checks.gateway.host</c>.
/// </summary>
public sealed class GatewayCheck : IHealthCheck
{
    public const string CheckName = "gateway";
    public const int DefaultPort = 18789;

    public string Name => CheckName;

    public bool AppliesTo(HealthContext context) => context.Settings.Gateway.Enabled;

    public async Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings.Gateway;
        if (settings.Host is null && settings.Port is null && context.ConfigProblem is { } problem)
        {
            return [HealthCheckResult.Unknown(Name, $"cannot tell the gateway's address: {problem}", null, "seconds")];
        }

        var config = context.Config;
        var port = settings.Port ?? (config?.Get("/gateway/port") is JValue { Type: JTokenType.Integer } p ? (int)p : DefaultPort);
        var bind = config?.Get("/gateway/bind") is JValue { Type: JTokenType.String } b ? (string)b! : "loopback";
        var host = settings.Host ?? bind switch
        {
            "custom" => config?.Get("/gateway/customBindHost") is JValue { Type: JTokenType.String } h ? (string?)h : null,
            "tailnet" => null,
            _ => "127.0.0.1",
        };
        if (host is null)
        {
            return [HealthCheckResult.Unknown(Name, $"the gateway binds '{bind}': set monitoring.checks.gateway.host to the address it listens on", null, "seconds")];
        }

        var (ok, seconds, error) = await NetworkProbe.ConnectAsync(host, port, settings.Timeout, cancellationToken);
        context.Samples.GatewayUp = ok;
        var where = $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        return [ok
            ? HealthCheckResult.Ok(Name, Math.Round(seconds, 4), settings.Timeout.TotalSeconds, "seconds", $"answers on {where} ({seconds * 1000:0} ms)")
            : HealthCheckResult.Failed(Name, null, settings.Timeout.TotalSeconds, "seconds", $"nothing answers on {where}: {error}")];
    }
}
