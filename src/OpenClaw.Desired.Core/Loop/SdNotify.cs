using System.Net.Sockets;
using System.Text;

namespace OpenClaw.Desired.Loop;

/// <summary>
/// systemd's notify protocol (Type=notify): READY=1 once running, STATUS= after each tick, WATCHDOG=1 while
/// alive, STOPPING=1 on the way out. A datagram to $NOTIFY_SOCKET; absent outside systemd, and then silent.
/// </summary>
public sealed class SdNotify : IDisposable
{
    private readonly Socket _socket;
    private readonly UnixDomainSocketEndPoint _endpoint;

    private SdNotify(string path, TimeSpan? watchdog)
    {
        // A leading '@' names a socket in the abstract namespace.
        _endpoint = new UnixDomainSocketEndPoint(path.StartsWith('@') ? "\0" + path[1..] : path);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        Watchdog = watchdog;
    }

    /// <summary>How often to ping the watchdog (half of WatchdogSec), or null when systemd does not watch.</summary>
    public TimeSpan? Watchdog { get; }

    public static SdNotify? FromEnvironment(Func<string, string?> environment)
    {
        if (environment("NOTIFY_SOCKET") is not { Length: > 0 } path)
        {
            return null;
        }

        TimeSpan? watchdog = null;
        if (long.TryParse(environment("WATCHDOG_USEC"), out var usec) && usec > 0
            && (environment("WATCHDOG_PID") is not { } pid || pid == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            watchdog = TimeSpan.FromMicroseconds(usec / 2);
        }

        return new SdNotify(path, watchdog);
    }

    public void Send(string state)
    {
        try
        {
            _socket.SendTo(Encoding.UTF8.GetBytes(state), _endpoint);
        }
        catch (SocketException)
        {
            // systemd went away or never listened; the loop does not depend on it.
        }
    }

    public void Dispose() => _socket.Dispose();
}
