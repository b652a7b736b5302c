using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// A fake of what Prometheus scrapes from OpenClaw's own telemetry: the OpenTelemetry Collector's Prometheus
/// exporter fed by OpenClaw's diagnostics-otel plugin. Neither OpenClaw nor the collector runs here; this
/// serves the metric names and labels that chain produces (openclaw.tokens → openclaw_tokens_total,
/// openclaw.run.duration_ms with unit ms → openclaw_run_duration_ms_milliseconds_*, openclaw.provider →
/// openclaw_provider), with counters that grow with time so rates are not zero.
/// </summary>
public sealed class FakeOpenClawTelemetry : IDisposable
{
    private static readonly double[] TokenBuckets = [1000, 8000, 32000, 128000, 1000000];
    private static readonly double[] MsBuckets = [100, 500, 1000, 5000, 30000, 60000];
    private readonly HttpListener _listener = new();
    private readonly Stopwatch _age = Stopwatch.StartNew();
    private readonly Task _loop;

    public FakeOpenClawTelemetry()
    {
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Exposition()
    {
        var t = 1 + _age.Elapsed.TotalSeconds;
        var text = new StringBuilder();
        const string Model = "openclaw_channel=\"telegram\",openclaw_provider=\"anthropic\",openclaw_model=\"claude-sonnet-4-5\"";
        Counter(text, "openclaw_tokens_total", "Token usage by type", [($"openclaw_token=\"input\",{Model}", 1200 * t), ($"openclaw_token=\"output\",{Model}", 300 * t)]);
        Counter(text, "openclaw_cost_usd_total", "Estimated model cost (USD)", [(Model, 0.002 * t)]);
        Histogram(text, "openclaw_context_tokens", "Context window size and usage", "openclaw_context=\"used\"," + Model, TokenBuckets, t, 24000);
        Histogram(text, "openclaw_run_duration_ms_milliseconds", "Agent run duration", Model, MsBuckets, t, 4200);
        Histogram(text, "openclaw_model_call_duration_ms_milliseconds", "Model call duration", "openclaw_provider=\"anthropic\",openclaw_model=\"claude-sonnet-4-5\",openclaw_api=\"messages\",openclaw_transport=\"https\"", MsBuckets, t, 900);
        Histogram(text, "openclaw_tool_execution_duration_ms_milliseconds", "Tool execution duration", "gen_ai_tool_name=\"exec\",openclaw_toolName=\"exec\"", MsBuckets, t, 300);
        Histogram(text, "openclaw_tool_execution_duration_ms_milliseconds", null, "gen_ai_tool_name=\"browser\",openclaw_toolName=\"browser\",openclaw_errorCategory=\"timeout\"", MsBuckets, t / 4, 30000);
        Histogram(text, "openclaw_exec_duration_ms_milliseconds", "Exec duration", "openclaw_exec_target=\"sandbox\",openclaw_exec_mode=\"allowlist\",openclaw_outcome=\"ok\"", MsBuckets, t, 200);
        Histogram(text, "openclaw_exec_duration_ms_milliseconds", null, "openclaw_exec_target=\"sandbox\",openclaw_exec_mode=\"allowlist\",openclaw_outcome=\"error\",openclaw_failureKind=\"exit_code\"", MsBuckets, t / 5, 150);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, (string Labels, double Value)[] series)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n");
        foreach (var (labels, value) in series)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{{{labels}}} {value:0.###}\n");
        }
    }

    private static void Histogram(StringBuilder text, string name, string? help, string labels, double[] buckets, double count, double typical)
    {
        if (help is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} histogram\n");
        }

        var n = Math.Floor(count);
        foreach (var le in buckets)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"{le}\"}} {(le >= typical ? n : Math.Floor(n / 3))}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels},le=\"+Inf\"}} {n}\n{name}_sum{{{labels}}} {n * typical}\n{name}_count{{{labels}}} {n}\n");
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(Exposition());
            context.Response.ContentType = "text/plain; version=0.0.4";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Shut();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
