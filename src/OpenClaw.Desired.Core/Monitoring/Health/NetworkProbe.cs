using System.Diagnostics;
using System.Net.Sockets;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>Whether something answers: a TCP connect, or an HTTP GET whose status is below 500.</summary>
public static class NetworkProbe
{
    public static async Task<(bool Ok, double Seconds, string? Error)> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var addresses = System.Net.IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await System.Net.Dns.GetHostAddressesAsync(host, cancellationToken);
            if (addresses.Length == 0)
            {
                return (false, watch.Elapsed.TotalSeconds, "host not found");
            }

            // A blocking connect bounded by a poll: no asynchronous socket engine to start for one probe.
            using var socket = new Socket(addresses[0].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            try
            {
                socket.Connect(addresses[0], port);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
                // The connect goes on; the poll below waits for it.
            }

            var remaining = timeout - watch.Elapsed;
            if (!socket.Poll(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, SelectMode.SelectWrite))
            {
                return (false, watch.Elapsed.TotalSeconds, $"no answer within {timeout.TotalSeconds:0.#} s");
            }

            var error = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
            return error == SocketError.Success ? (true, watch.Elapsed.TotalSeconds, null) : (false, watch.Elapsed.TotalSeconds, Describe(error));
        }
        catch (SocketException e)
        {
            return (false, watch.Elapsed.TotalSeconds, Describe(e.SocketErrorCode));
        }
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.TimedOut => "timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "unreachable",
        _ => error.ToString(),
    };

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
