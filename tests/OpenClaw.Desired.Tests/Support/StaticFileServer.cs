using System.Net;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>Serves the files of one folder over plain HTTP on 127.0.0.1 (GET only, 404 for anything else), like a release download host.</summary>
public sealed class StaticFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly Task _serving;

    public StaticFileServer(string folder)
    {
        _folder = Path.GetFullPath(folder);
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

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

            try
            {
                var path = Path.GetFullPath(Path.Combine(_folder, Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/')));
                if (context.Request.HttpMethod != "GET" || !path.StartsWith(_folder + "/", StringComparison.Ordinal) || !File.Exists(path))
                {
                    context.Response.StatusCode = 404;
                    continue;
                }

                await using var file = File.OpenRead(path);
                context.Response.ContentLength64 = file.Length;
                await file.CopyToAsync(context.Response.OutputStream);
            }
            catch (HttpListenerException)
            {
                // The client went away; serve the next one.
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    public void Dispose()
    {
        _listener.Shut();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
