using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// A fake of the two Ollama endpoints the models kind uses (GET /api/tags, POST /api/pull), on 127.0.0.1.
/// Ollama itself cannot be installed here; this stands in for it and says so in its name.
/// </summary>
public sealed class FakeOllamaServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, bool> _models = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public FakeOllamaServer(params string[] models)
    {
        foreach (var model in models)
        {
            _models[model] = true;
        }

        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<string> Pulls { get; } = new();

    /// <summary>Answer pulls with HTTP 500, as an Ollama with a full disk would.</summary>
    public bool FailPulls { get; set; }

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

            var path = context.Request.Url!.AbsolutePath;
            string body;
            if (context.Request.HttpMethod == "GET" && path == "/api/tags")
            {
                body = JsonSerializer.Serialize(new { models = _models.Keys.Order().Select(m => new { name = m, model = m }) });
            }
            else if (context.Request.HttpMethod == "POST" && path == "/api/pull" && FailPulls)
            {
                context.Response.StatusCode = 500;
                body = "{\"error\":\"no space left on device\"}";
            }
            else if (context.Request.HttpMethod == "POST" && path == "/api/pull")
            {
                using var reader = new StreamReader(context.Request.InputStream);
                var model = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.GetProperty("model").GetString()!;
                Pulls.Enqueue(model);
                _models[model] = true;
                body = "{\"status\":\"success\"}";
            }
            else
            {
                context.Response.StatusCode = 404;
                body = "{}";
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "application/json";
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
