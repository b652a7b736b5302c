using System.Net;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>How the tests' HTTP servers stop.</summary>
internal static class ListenerShutdown
{
    /// <summary>
    /// Stops the listener, then closes it. On Linux, Close after Stop looks the port up again to remove the prefixes and
    /// binds it anew to do so; when another process took the port in between (parallel test runs), that throws "address
    /// already in use" although the listener is already stopped. Stopped is what a test needs: that error is not its failure.
    /// </summary>
    public static void Shut(this HttpListener listener)
    {
        listener.Stop();
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // Already stopped: nothing listens on the port any more.
        }
    }
}
