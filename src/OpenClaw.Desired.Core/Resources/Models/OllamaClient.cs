using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Resources.Models;

/// <summary>What the local model endpoint said: the models it lists, or why it could not be asked.</summary>
public sealed record EndpointObservation(IReadOnlySet<string>? Models, string? Unknown);

/// <summary>The two Ollama API calls the models kind needs: list (GET /api/tags) and pull (POST /api/pull).</summary>
public sealed class OllamaClient(HttpClient http)
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<EndpointObservation> ListAsync(string baseUrl, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var response = await http.GetAsync($"{baseUrl}/api/tags", timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return new EndpointObservation(null, $"{baseUrl}/api/tags answered HTTP {(int)response.StatusCode}");
            }

            var tags = await response.Content.ReadFromJsonAsync(WireJsonContext.Default.TagsResponse, timeout.Token);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var model in tags?.Models ?? [])
            {
                foreach (var name in new[] { model.Name, model.Model }.OfType<string>())
                {
                    names.Add(name);
                    if (name.EndsWith(":latest", StringComparison.Ordinal))
                    {
                        names.Add(name[..^":latest".Length]);
                    }
                }
            }

            return new EndpointObservation(names, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EndpointObservation(null, $"{baseUrl} did not answer within {ProbeTimeout.TotalSeconds:0}s");
        }
        catch (HttpRequestException e)
        {
            return new EndpointObservation(null, $"{baseUrl} did not answer ({e.HttpRequestError})");
        }
        catch (JsonException)
        {
            return new EndpointObservation(null, $"{baseUrl}/api/tags did not return Ollama's JSON");
        }
    }

    public async Task<string?> PullAsync(string baseUrl, string model, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync($"{baseUrl}/api/pull", new PullRequest(model, Stream: false), WireJsonContext.Default.PullRequest, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"pull answered HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return $"pull failed ({e.HttpRequestError})";
        }
    }

    internal sealed record TagsResponse([property: JsonPropertyName("models")] List<TagModel>? Models);

    internal sealed record TagModel([property: JsonPropertyName("name")] string? Name, [property: JsonPropertyName("model")] string? Model);

    /// <summary>The body of POST /api/pull: the whole answer at once, not a stream of progress lines.</summary>
    internal sealed record PullRequest([property: JsonPropertyName("model")] string Model, [property: JsonPropertyName("stream")] bool Stream);
}
