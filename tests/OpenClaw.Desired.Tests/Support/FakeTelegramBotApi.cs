using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// A fake of Telegram's Bot API (only <c>POST /bot{token}/sendMessage</c>) on 127.0.0.1: it checks the token,
/// records each message, and answers as Telegram does (<c>{ok:true,result}</c>, or <c>{ok:false, error_code,
/// description, parameters:{retry_after}}</c>). Telegram's servers cannot be used here; this stands in for them
/// and says so in its name.
/// </summary>
public sealed class FakeTelegramBotApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<HttpStatusCode> _failures = new();

    public FakeTelegramBotApi(string token)
    {
        Token = token;
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Token { get; }

    public int Port { get; }

    public string ApiBase => $"http://127.0.0.1:{Port}";

    /// <summary>Messages accepted, in order.</summary>
    public ConcurrentQueue<TelegramMessage> Messages { get; } = new();

    /// <summary>Every request, accepted or not (raw body), for leak checks.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Answer the next requests with these errors (429 carries retry_after: 1).</summary>
    public void FailNext(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(body);
            var (status, answer) = Answer(context.Request, body);
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (HttpStatusCode, string) Answer(HttpListenerRequest request, string body)
    {
        if (request.HttpMethod != "POST" || request.Url!.AbsolutePath != $"/bot{Token}/sendMessage")
        {
            return (HttpStatusCode.NotFound, """{"ok":false,"error_code":404,"description":"Not Found"}""");
        }

        if (_failures.TryDequeue(out var failure))
        {
            return failure == HttpStatusCode.TooManyRequests
                ? (failure, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""")
                : (failure, $$"""{"ok":false,"error_code":{{(int)failure}},"description":"Internal Server Error"}""");
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var chat = root.GetProperty("chat_id").ToString();
        var text = root.GetProperty("text").GetString() ?? string.Empty;
        if (text.Length is 0 or > 4096)
        {
            return (HttpStatusCode.BadRequest, """{"ok":false,"error_code":400,"description":"Bad Request: message text is empty or too long"}""");
        }

        var id = Messages.Count + 1;
        Messages.Enqueue(new TelegramMessage(chat, text, root.TryGetProperty("parse_mode", out var mode) ? mode.GetString() : null));
        return (HttpStatusCode.OK, JsonSerializer.Serialize(new { ok = true, result = new { message_id = id, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), chat = new { id = chat, type = "private" }, text } }));
    }

    public void Dispose()
    {
        _listener.Shut();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

public sealed record TelegramMessage(string ChatId, string Text, string? ParseMode);
