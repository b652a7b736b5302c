using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// A real Prometheus (Debian's package) on a free loopback port with its own storage folder, started for one
/// test and stopped (killed if need be) when disposed. The package's own service is never involved.
/// </summary>
public sealed class PrometheusServer : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Process _process;
    private readonly string _folder;

    public PrometheusServer(string config)
    {
        _folder = Directory.CreateTempSubdirectory("ocd-prometheus-").FullName;
        File.WriteAllText(Path.Combine(_folder, "prometheus.yml"), config);
        Port = LoopbackPort.Free();
        var info = new ProcessStartInfo("prometheus") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            $"--config.file={Path.Combine(_folder, "prometheus.yml")}",
            $"--storage.tsdb.path={Path.Combine(_folder, "data")}",
            $"--web.listen-address=127.0.0.1:{Port}",
            "--web.enable-lifecycle",
            "--log.level=warn",
        })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start prometheus");
        _process.OutputDataReceived += (_, e) => Log.Enqueue(e.Data ?? string.Empty);
        _process.ErrorDataReceived += (_, e) => Log.Enqueue(e.Data ?? string.Empty);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitReady();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public System.Collections.Concurrent.ConcurrentQueue<string> Log { get; } = new();

    /// <summary>An instant query's result vector (empty when the query matched nothing).</summary>
    public async Task<IReadOnlyList<JsonElement>> QueryAsync(string promql)
    {
        var answer = await Http.GetFromJsonAsync<JsonElement>($"{Url}/api/v1/query?query={Uri.EscapeDataString(promql)}");
        if (answer.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"query failed: {promql}: {answer}");
        }

        return answer.GetProperty("data").GetProperty("result").EnumerateArray().ToList();
    }

    /// <summary>The health of each scrape target, by job.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TargetsAsync()
    {
        var answer = await Http.GetFromJsonAsync<JsonElement>($"{Url}/api/v1/targets");
        return answer.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
            .ToDictionary(t => t.GetProperty("labels").GetProperty("job").GetString()!, t => t.GetProperty("health").GetString()!);
    }

    private void WaitReady()
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited: {string.Join('\n', Log)}");
            }

            try
            {
                if (Http.GetAsync($"{Url}/-/ready").GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException("prometheus did not become ready");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
