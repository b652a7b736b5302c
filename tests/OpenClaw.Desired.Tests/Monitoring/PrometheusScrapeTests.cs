using System.Diagnostics;
using System.Text.Json;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>
/// A real Prometheus scrapes the converge loop's <c>/metrics</c> (run --metrics-listen on the demo host) and
/// OpenClaw's telemetry (a fake of the collector's exporter), and every query of the example dashboard
/// returns data.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PrometheusScrapeTests : IDisposable
{
    private readonly AlertScenario _s = new();

    public void Dispose() => _s.Dispose();

    public static IReadOnlyList<string> DashboardQueries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Examples, "monitoring", "grafana", "dashboards", "openclaw-host.json")));
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!))
            .ToList();
    }

    [Fact]
    public async Task RealPrometheus_ScrapingTheLoop_AnswersEveryDashboardQuery()
    {
        var queries = DashboardQueries();
        Assert.True(queries.Count >= 25, $"only {queries.Count} queries in the dashboard");
        using var openclaw = new FakeOpenClawTelemetry();
        var port = LoopbackPort.Free();
        var posture = _s.Host.WritePosture(_s.Posture(disk: 1));
        using var loop = CliRunner.Start(null, "run", "--dry-run", "--interval", "2s", "--jitter", "0", "--metrics-listen", $"127.0.0.1:{port}",
            "--posture", posture, "--root", _s.Host.Root, "--state-dir", _s.Host.StateDir, "--quiet");
        var loopOutput = loop.StandardOutput.ReadToEndAsync();
        var loopErrors = loop.StandardError.ReadToEndAsync();
        try
        {
            using var prometheus = new PrometheusServer($"""
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: openclaw-desired
                    static_configs:
                      - targets: ["127.0.0.1:{port}"]
                  - job_name: openclaw
                    static_configs:
                      - targets: ["127.0.0.1:{openclaw.Port}"]
                """);

            var missing = queries.ToList();
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (missing.Count > 0 && DateTime.UtcNow < until && !loop.HasExited)
            {
                await Task.Delay(1000);
                var answered = new List<string>();
                foreach (var query in missing)
                {
                    var result = await prometheus.QueryAsync(query);
                    if (result.Any(r => r.GetProperty("value")[1].GetString() is not ("NaN" or null)))
                    {
                        answered.Add(query);
                    }
                }

                missing.RemoveAll(answered.Contains);
            }

            Assert.True(missing.Count == 0, $"queries without data: {string.Join("\n", missing)}\ntargets: {string.Join(", ", await prometheus.TargetsAsync())}");
            var targets = await prometheus.TargetsAsync();
            Assert.Equal("up", targets["openclaw-desired"]);
            Assert.Equal("up", targets["openclaw"]);
            Assert.NotEmpty(await prometheus.QueryAsync("openclaw_desired_health_check_status{check=\"disk\",status=\"failed\"} == 1"));
        }
        finally
        {
            Stop(loop);
        }

        Assert.False(string.IsNullOrWhiteSpace(await loopOutput), await loopErrors);
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }
}
