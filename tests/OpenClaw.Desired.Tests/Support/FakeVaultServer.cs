using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// A fake of the HashiCorp Vault endpoints the KV v2 client uses, on 127.0.0.1: KV v2 data read/write,
/// metadata read and list under one mount, and AppRole login, with X-Vault-Token and X-Vault-Namespace
/// checks. Vault cannot be installed here; this stands in for it and says so in its name. Times come
/// from a TimeProvider so tests can age versions.
/// </summary>
public sealed class FakeVaultServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, List<(DateTimeOffset At, Dictionary<string, string> Data)>> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public FakeVaultServer(string rootToken, string mount = "secret", string? @namespace = null, TimeProvider? clock = null)
    {
        Mount = mount;
        Namespace = @namespace;
        Clock = clock ?? TimeProvider.System;
        _tokens[rootToken] = true;
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    public string Mount { get; }

    public string? Namespace { get; }

    public TimeProvider Clock { get; set; }

    /// <summary>AppRole credentials the login accepts.</summary>
    public (string RoleId, string SecretId)? AppRole { get; set; }

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Writes a version directly, as an operator would with the vault CLI.</summary>
    public void Put(string path, string key, string value, DateTimeOffset? at = null) =>
        _secrets.GetOrAdd(path, _ => []).Add((at ?? Clock.GetUtcNow(), new Dictionary<string, string> { [key] = value }));

    public string? Current(string path, string key) =>
        _secrets.TryGetValue(path, out var versions) && versions.Count > 0 ? versions[^1].Data.GetValueOrDefault(key) : null;

    public int Versions(string path) => _secrets.TryGetValue(path, out var versions) ? versions.Count : 0;

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

            var (status, body) = await HandleAsync(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private async Task<(int, JsonNode)> HandleAsync(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue($"{request.HttpMethod} {path}{request.Url.Query}");
        if (Namespace is not null && request.Headers["X-Vault-Namespace"] != Namespace)
        {
            return Error(403, "permission denied (namespace)");
        }

        if (request.HttpMethod == "POST" && path == "/v1/auth/approle/login")
        {
            var login = JsonNode.Parse(await new StreamReader(request.InputStream).ReadToEndAsync())!;
            if (AppRole is not { } role || (string?)login["role_id"] != role.RoleId || (string?)login["secret_id"] != role.SecretId)
            {
                return Error(400, "invalid role or secret ID");
            }

            var token = "hvs.fake-" + Guid.NewGuid().ToString("N");
            _tokens[token] = true;
            return (200, new JsonObject { ["auth"] = new JsonObject { ["client_token"] = token, ["lease_duration"] = 3600 } });
        }

        if (request.Headers["X-Vault-Token"] is not { } presented || !_tokens.ContainsKey(presented))
        {
            return Error(403, "permission denied");
        }

        var data = $"/v1/{Mount}/data/";
        var metadata = $"/v1/{Mount}/metadata/";
        if (path.StartsWith(data, StringComparison.Ordinal))
        {
            var key = Uri.UnescapeDataString(path[data.Length..]);
            if (request.HttpMethod == "POST")
            {
                var written = JsonNode.Parse(await new StreamReader(request.InputStream).ReadToEndAsync())!["data"]!.AsObject();
                var values = written.ToDictionary(p => p.Key, p => (string)p.Value!);
                var versions = _secrets.GetOrAdd(key, _ => []);
                versions.Add((Clock.GetUtcNow(), values));
                return (200, new JsonObject { ["data"] = Version(versions.Count, versions[^1].At) });
            }

            if (!_secrets.TryGetValue(key, out var stored) || stored.Count == 0)
            {
                return Error(404, string.Empty);
            }

            var current = stored[^1];
            var payload = new JsonObject();
            foreach (var (k, v) in current.Data)
            {
                payload[k] = v;
            }

            return (200, new JsonObject { ["data"] = new JsonObject { ["data"] = payload, ["metadata"] = Version(stored.Count, current.At) } });
        }

        if (path.StartsWith(metadata, StringComparison.Ordinal) && request.HttpMethod == "GET")
        {
            var key = Uri.UnescapeDataString(path[metadata.Length..]).TrimEnd('/');
            if (request.QueryString["list"] == "true")
            {
                var prefix = key + "/";
                var keys = _secrets.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..])
                    .Select(k => k.Contains('/') ? k[..(k.IndexOf('/') + 1)] : k).Distinct().Order().ToList();
                return keys.Count == 0 ? Error(404, string.Empty) : (200, new JsonObject { ["data"] = new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k!).ToArray()) } });
            }

            if (!_secrets.TryGetValue(key, out var stored))
            {
                return Error(404, string.Empty);
            }

            var versions = new JsonObject();
            for (var i = 0; i < stored.Count; i++)
            {
                versions[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject { ["created_time"] = stored[i].At.ToString("O"), ["destroyed"] = false };
            }

            return (200, new JsonObject { ["data"] = new JsonObject { ["current_version"] = stored.Count, ["versions"] = versions } });
        }

        return Error(404, string.Empty);
    }

    private static JsonObject Version(int version, DateTimeOffset at) =>
        new() { ["created_time"] = at.ToString("O"), ["version"] = version, ["deletion_time"] = string.Empty, ["destroyed"] = false };

    private static (int, JsonNode) Error(int status, string message) =>
        (status, new JsonObject { ["errors"] = message.Length == 0 ? new JsonArray() : new JsonArray(message) });


    public void Dispose()
    {
        _listener.Shut();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
