using Docker.DotNet;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>
/// The container engine, reached only through Docker.DotNet on a Docker-compatible socket (Docker, or Podman's
/// compatible API). The engine is a live service of the real host, so its socket is never under the root prefix.
/// </summary>
public sealed class ContainerEngine : IDisposable
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    private ContainerEngine(string endpoint, DockerClient client)
    {
        Endpoint = endpoint;
        Client = client;
    }

    public string Endpoint { get; }

    public DockerClient Client { get; }

    /// <summary>Where to look when the posture names no socket: Docker's usual socket, then Podman's (system, then the user's).</summary>
    public static IReadOnlyList<string> DefaultSockets()
    {
        var sockets = new List<string> { "unix:///var/run/docker.sock", "unix:///run/podman/podman.sock" };
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime)
        {
            sockets.Add($"unix://{runtime}/podman/podman.sock");
        }

        return sockets;
    }

    /// <summary>The configured socket, or the first default one that exists; null with the places tried when none does.</summary>
    public static (string? Endpoint, IReadOnlyList<string> Tried) Locate(string? configured)
    {
        if (configured is not null)
        {
            return (configured, [configured]);
        }

        var tried = DefaultSockets();
        var found = tried.FirstOrDefault(s => File.Exists(s["unix://".Length..]));
        return (found, tried);
    }

    public static ContainerEngine Open(string endpoint)
    {
        var client = new DockerClientBuilder().WithEndpoint(new Uri(endpoint)).WithTimeout(TimeSpan.FromSeconds(60)).Build();
        return new ContainerEngine(endpoint, client);
    }

    /// <summary>Asks the engine who it is; null when it answers, else why it could not be reached.</summary>
    public async Task<string?> PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await Client.System.PingAsync(timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the container engine at {Endpoint} did not answer within {ProbeTimeout.TotalSeconds:0}s";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or DockerApiException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return $"the container engine at {Endpoint} did not answer ({Reporting.UserMessage.Of(e)})";
        }
    }

    public void Dispose() => Client.Dispose();
}
