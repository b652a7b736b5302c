using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Secrets.Vault;

/// <summary>
/// OpenClaw's exec secret-provider protocol on top of the Vault store: a request
/// <c>{"protocolVersion":1,"provider":"vault","ids":["NAME"]}</c> on stdin, an answer
/// <c>{"protocolVersion":1,"values":{"NAME":"…"},"errors":{…}}</c> on stdout. This is the one place the tool
/// hands out secret values, and only to the OpenClaw process that runs it.
/// </summary>
public static class ExecResolver
{
    public sealed record Request(
        [property: JsonPropertyName("protocolVersion")] int ProtocolVersion,
        [property: JsonPropertyName("provider")] string? Provider,
        [property: JsonPropertyName("ids")] List<string>? Ids);

    public sealed record ErrorText([property: JsonPropertyName("message")] string Message);

    public sealed record Response(
        [property: JsonPropertyName("protocolVersion")] int ProtocolVersion,
        [property: JsonPropertyName("values")] Dictionary<string, string> Values,
        [property: JsonPropertyName("errors")] Dictionary<string, ErrorText>? Errors)
    {
        public override string ToString() => $"{Values.Count} value(s), {Errors?.Count ?? 0} error(s)";
    }

    public static async Task<string> ResolveAsync(string requestJson, IVaultClient client, string basePath, CancellationToken cancellationToken)
    {
        Request? request;
        try
        {
            request = JsonSerializer.Deserialize(requestJson, WireJsonContext.Default.Request);
        }
        catch (JsonException)
        {
            request = null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, ErrorText>(StringComparer.Ordinal);
        if (request is not { ProtocolVersion: 1, Ids: not null })
        {
            errors["*"] = new ErrorText("not a protocolVersion 1 request with ids");
            return Serialize(values, errors);
        }

        foreach (var id in request.Ids.Distinct(StringComparer.Ordinal))
        {
            if (id.Length == 0 || id.Contains('/', StringComparison.Ordinal) || id.Contains("..", StringComparison.Ordinal))
            {
                errors[id] = new ErrorText("not a store name");
                continue;
            }

            try
            {
                var secret = await client.ReadAsync($"{basePath}/{id}", cancellationToken);
                if (secret?.Data.GetValueOrDefault(Stores.VaultSecretStore.ValueKey) is { } value)
                {
                    values[id] = value;
                }
                else
                {
                    errors[id] = new ErrorText("not found");
                }
            }
            catch (VaultException e)
            {
                errors[id] = new ErrorText(e.Message);
            }
        }

        return Serialize(values, errors);
    }

    private static string Serialize(Dictionary<string, string> values, Dictionary<string, ErrorText> errors) =>
        JsonSerializer.Serialize(new Response(1, values, errors.Count == 0 ? null : errors), WireJsonContext.Default.Response);
}
