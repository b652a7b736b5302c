using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Secrets.Vault;

/// <summary>
/// A small typed HashiCorp Vault KV v2 client on HttpClient: read, write, metadata and list under one mount,
/// with token or AppRole login and an optional namespace. Written for this tool (VaultSharp is not on the
/// package mirror); tested against an in-process fake of these endpoints only, not against a real Vault.
/// </summary>
public sealed class VaultKvClient(HttpClient http, VaultSettings settings) : IVaultClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _login = new(1, 1);
    private string? _token = (settings.Auth as VaultTokenAuth)?.Token;

    public async Task<VaultSecret?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{settings.Mount}/data/{Clean(path)}", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var body = await ReadAsync(response, WireJsonContext.Default.EnvelopeKvData, "read", path, cancellationToken);
        var kv = body.Data;
        if (kv?.Metadata is null || kv.Data is null)
        {
            return null;
        }

        var data = kv.Data.Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Key, p => p.Value.GetString()!, StringComparer.Ordinal);
        return new VaultSecret(data, kv.Metadata.Version, kv.Metadata.CreatedTime);
    }

    public async Task<int> WriteAsync(string path, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"{settings.Mount}/data/{Clean(path)}", JsonContent.Create(new VaultWire.KvWrite(data), WireJsonContext.Default.KvWrite), cancellationToken);
        var body = await ReadAsync(response, WireJsonContext.Default.EnvelopeKvVersion, "write", path, cancellationToken);
        return body.Data?.Version ?? throw new VaultException($"Vault answered the write of {path} without a version", (int)response.StatusCode);
    }

    public async Task<VaultSecretMetadata?> ReadMetadataAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{settings.Mount}/metadata/{Clean(path)}", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var body = await ReadAsync(response, WireJsonContext.Default.EnvelopeKvMetadata, "read metadata of", path, cancellationToken);
        if (body.Data is null)
        {
            return null;
        }

        var versions = (body.Data.Versions ?? []).Where(v => int.TryParse(v.Key, out _)).ToDictionary(v => int.Parse(v.Key, System.Globalization.CultureInfo.InvariantCulture), v => v.Value.CreatedTime);
        return new VaultSecretMetadata(body.Data.CurrentVersion, versions);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{settings.Mount}/metadata/{Clean(path)}/?list=true", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var body = await ReadAsync(response, WireJsonContext.Default.EnvelopeKeyList, "list", path, cancellationToken);
        return body.Data?.Keys ?? [];
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, HttpContent? body, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken);
        using var request = Request(method, relative, body);
        request.Headers.Add("X-Vault-Token", token);
        return await SendWithTimeoutAsync(request, cancellationToken);
    }

    private HttpRequestMessage Request(HttpMethod method, string relative, HttpContent? body)
    {
        var request = new HttpRequestMessage(method, new Uri(settings.Address, "v1/" + relative));
        if (settings.Namespace is { Length: > 0 } ns)
        {
            request.Headers.Add("X-Vault-Namespace", ns);
        }

        request.Content = body;

        return request;
    }

    private async Task<HttpResponseMessage> SendWithTimeoutAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await http.SendAsync(request, timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw new VaultException($"Vault at {settings.Address} cannot be reached: {e.HttpRequestError}", 0);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VaultException($"Vault at {settings.Address} did not answer within {Timeout.TotalSeconds:0}s", 0);
        }
    }

    /// <summary>The token to send: the given one, or one AppRole login obtains (once per client).</summary>
    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is not null)
        {
            return _token;
        }

        await _login.WaitAsync(cancellationToken);
        try
        {
            if (_token is null && settings.Auth is VaultAppRoleAuth role)
            {
                using var request = Request(HttpMethod.Post, $"auth/{role.MountPath}/login", JsonContent.Create(new VaultWire.AppRoleLogin(role.RoleId, role.SecretId), WireJsonContext.Default.AppRoleLogin));
                using var response = await SendWithTimeoutAsync(request, cancellationToken);
                var body = await ReadAsync(response, WireJsonContext.Default.AuthEnvelope, "log in with AppRole at", $"auth/{role.MountPath}", cancellationToken);
                _token = body.Auth?.ClientToken ?? throw new VaultException("Vault's AppRole login returned no token", (int)response.StatusCode);
            }

            return _token ?? throw new VaultException("no Vault token", 0);
        }
        finally
        {
            _login.Release();
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string what, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var errors = await TryReadErrorsAsync(response, cancellationToken);
            throw new VaultException($"Vault refused to {what} {path}: {(int)response.StatusCode} {errors}".TrimEnd(), (int)response.StatusCode);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken)
                ?? throw new VaultException($"Vault sent an empty answer to {what} {path}", (int)response.StatusCode);
        }
        catch (JsonException)
        {
            throw new VaultException($"Vault's answer to {what} {path} is not the JSON KV v2 sends", (int)response.StatusCode);
        }
    }

    private static async Task<string> TryReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var errors = await response.Content.ReadFromJsonAsync(WireJsonContext.Default.Errors, cancellationToken);
            return string.Join("; ", errors?.Messages ?? []);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return string.Empty;
        }
    }

    private static string Clean(string path) => string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
}
