using System.Diagnostics;
using System.Net.Sockets;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>Whether something answers: a TCP connect, or an HTTP GET whose status is below 500.</summary>
public static class NetworkProbe
{
    public static async Task<(bool Ok, double Seconds, string? Error)> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var client = new TcpClient();
            // An address literal needs no name resolution (and none of its start-up cost).
            if (System.Net.IPAddress.TryParse(host, out var address))
            {
                await client.ConnectAsync(new System.Net.IPEndPoint(address, port), limit.Token);
            }
            else
            {
                await client.ConnectAsync(host, port, limit.Token);
            }
            return (true, watch.Elapsed.TotalSeconds, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, watch.Elapsed.TotalSeconds, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            return (false, watch.Elapsed.TotalSeconds, e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                _ => e.SocketErrorCode.ToString(),
            });
        }
    }

    public static async Task<(bool Ok, double Seconds, string Detail)> GetAsync(HttpClient http, Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var status = (int)response.StatusCode;
            return (status < 500, watch.Elapsed.TotalSeconds, $"HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, watch.Elapsed.TotalSeconds, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return (false, watch.Elapsed.TotalSeconds, e.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "cannot connect",
                HttpRequestError.NameResolutionError => "host not found",
                HttpRequestError.SecureConnectionError => "TLS handshake failed",
                _ => e.HttpRequestError.ToString(),
            });
        }
    }
}
