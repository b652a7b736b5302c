using System.Globalization;
using OpenClaw.Desired.Monitoring.Metrics;
using Prometheus;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>run --metrics-listen HOST:PORT</c>: the loop's metrics served at <c>/metrics</c> for Prometheus to scrape.</summary>
internal static class MetricsEndpoint
{
    public static (string Host, int Port)? Parse(string listen)
    {
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        var host = listen[..colon].Trim('[', ']');
        return host.Length == 0 ? null : (host, port);
    }

    public static MetricServer Start((string Host, int Port) listen, DesiredMetrics metrics)
    {
        var server = new MetricServer(listen.Host, listen.Port, "metrics/", metrics.Registry);
        server.Start();
        return server;
    }
}
