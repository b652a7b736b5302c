using System.Diagnostics;
using System.Net;
using System.Text;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// Serves the bare repositories of one folder over smart HTTP on 127.0.0.1 through the real
/// <c>git http-backend</c> (CGI), behind HTTP Basic authentication with one accepted token. Counts the
/// requests it refused, so tests can see that a wrong token is not retried in a loop.
/// </summary>
public sealed class GitHttpServer : IDisposable
{
    private const string Backend = "/usr/lib/git-core/git-http-backend";
    private readonly HttpListener _listener = new();
    private readonly string _projectRoot;
    private readonly string _expectedAuthorization;
    private readonly Task _serving;
    private int _refused;

    public GitHttpServer(string projectRoot, string token, string user = "x-access-token")
    {
        _projectRoot = projectRoot;
        _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}"));
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public int Refused => _refused;

    public string UrlOf(string repositoryName) => $"http://127.0.0.1:{Port}/{repositoryName}";


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
                await HandleAsync(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        if (context.Request.Headers["Authorization"] != _expectedAuthorization)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = 401;
            context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"git\"");
            return;
        }

        var info = new ProcessStartInfo(Backend) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.Environment["GIT_PROJECT_ROOT"] = _projectRoot;
        info.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        info.Environment["REQUEST_METHOD"] = context.Request.HttpMethod;
        info.Environment["PATH_INFO"] = context.Request.Url!.AbsolutePath;
        info.Environment["QUERY_STRING"] = context.Request.Url.Query.TrimStart('?');
        info.Environment["CONTENT_TYPE"] = context.Request.ContentType ?? string.Empty;
        info.Environment["HTTP_CONTENT_ENCODING"] = context.Request.Headers["Content-Encoding"] ?? string.Empty;
        info.Environment["GIT_PROTOCOL"] = context.Request.Headers["Git-Protocol"] ?? string.Empty;
        info.Environment["REMOTE_USER"] = "tester";
        info.Environment["REMOTE_ADDR"] = "127.0.0.1";
        using var backend = Process.Start(info)!;
        await context.Request.InputStream.CopyToAsync(backend.StandardInput.BaseStream);
        backend.StandardInput.Close();
        using var output = new MemoryStream();
        await backend.StandardOutput.BaseStream.CopyToAsync(output);
        await backend.WaitForExitAsync();
        Relay(output.ToArray(), context.Response);
    }

    /// <summary>CGI output: header lines, a blank line, the body.</summary>
    private static void Relay(byte[] cgi, HttpListenerResponse response)
    {
        var split = cgi.AsSpan().IndexOf("\r\n\r\n"u8);
        var (headerLength, separator) = split >= 0 ? (split, 4) : (cgi.AsSpan().IndexOf("\n\n"u8), 2);
        foreach (var line in Encoding.ASCII.GetString(cgi, 0, Math.Max(headerLength, 0)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else
            {
                response.AddHeader(name, value);
            }
        }

        var body = cgi.AsSpan(headerLength + separator);
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }

    public void Dispose()
    {
        _listener.Shut();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
