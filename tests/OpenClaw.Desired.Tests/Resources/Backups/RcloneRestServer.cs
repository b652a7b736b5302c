using OpenClaw.Desired.Tests.Support;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenClaw.Desired.Tests.Resources.Backups;

/// <summary>
/// A real restic REST server on 127.0.0.1 (<c>rclone serve restic</c> with user and password), on a free port,
/// serving a temp folder. Stopped by its process id and its folder removed on dispose.
/// </summary>
public sealed class RcloneRestServer : IDisposable
{
    private readonly Process _process;

    private RcloneRestServer(Process process, string folder, int port, string user, string password)
    {
        _process = process;
        Folder = folder;
        Port = port;
        User = user;
        Password = password;
    }

    public string Folder { get; }
    public int Port { get; }
    public string User { get; }
    public string Password { get; }

    /// <summary>A rest: URL without the password (it goes in the posture's credential).</summary>
    public string Url(string repository) => $"rest:http://{User}@127.0.0.1:{Port}/{repository}";

    public static RcloneRestServer Start(string password)
    {
        var folder = Directory.CreateTempSubdirectory("ocd-rclone-").FullName;
        var port = LoopbackPort.Free();
        var info = new ProcessStartInfo("rclone") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "serve", "restic", "--addr", $"127.0.0.1:{port}", "--user", "tester", "--pass", password, "--config", "/dev/null", Path.Combine(folder, "store") })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("rclone did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RcloneRestServer(process, folder, port, "tester", password);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Listening(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                server.Dispose();
                throw new InvalidOperationException($"rclone serve restic did not listen on 127.0.0.1:{port}");
            }

            Thread.Sleep(50);
        }

        return server;
    }


    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
