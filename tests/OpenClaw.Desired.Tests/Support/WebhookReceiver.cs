using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>A webhook endpoint on 127.0.0.1 that records every call (headers and body) and answers with a status the test chooses.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<int> _statuses = new();

    public WebhookReceiver(string path = "/hook")
    {
        Port = LoopbackPort.Free();
        Url = $"http://127.0.0.1:{Port}{path}";
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url { get; }

    /// <summary>The status every call gets once the queued ones are used up (Slack answers 200 "ok", Discord 204).</summary>
    public int DefaultStatus { get; set; } = 200;

    public ConcurrentQueue<WebhookCall> Calls { get; } = new();

    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
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

            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            Calls.Enqueue(new WebhookCall(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, buffer.ToArray()));
            var status = _statuses.TryDequeue(out var queued) ? queued : DefaultStatus;
            context.Response.StatusCode = status;
            if (status != 204)
            {
                var bytes = Encoding.UTF8.GetBytes(status < 300 ? "ok" : "no_service");
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Shut();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

public sealed record WebhookCall(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
