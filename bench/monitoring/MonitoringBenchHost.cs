namespace OpenClaw.Desired.Bench;

/// <summary>A copy of the demo host, a posture with monitoring, and a gateway listening where openclaw.json says.</summary>
internal sealed class MonitoringBenchHost : IDisposable
{
    private readonly System.Net.Sockets.TcpListener _gateway = new(System.Net.IPAddress.Loopback, 18789);

    public MonitoringBenchHost()
    {
        Folder = Directory.CreateTempSubdirectory("ocd-bench-monitoring-").FullName;
        Copy(Path.Combine(RepoRoot(), "examples", "demo-host"), Root);
        try
        {
            // The demo's gateway port; when something else holds it the gateway check simply fails, at the same cost.
            _gateway.Start();
        }
        catch (System.Net.Sockets.SocketException)
        {
        }

        File.WriteAllText(PosturePath, """
            apiVersion: openclaw.desired/v1
            tier: standard
            openclaw:
              user: claw
            agent:
              exec: { security: allowlist, ask: on-miss }
              skills: { allowlistOnly: true, allow: [weather, github-triage] }
              gateway: { token: bench-gateway-token-0123456789abcdef0123 }
            sandboxes:
              openclaw: { mode: off }
            monitoring:
              interval: 1s
              targets:
                - name: gateway
                  tcp: 127.0.0.1:18789
              checks:
                disk: { maxPercent: 95 }
                cron: { window: 7d }
            """);
    }

    public string Folder { get; }

    public string Root => Path.Combine(Folder, "root");

    public string StateDir => Path.Combine(Folder, "state");

    public string PosturePath => Path.Combine(Folder, "posture.yaml");

    public void Dispose()
    {
        _gateway.Stop();
        Directory.Delete(Folder, recursive: true);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenClaw.Desired.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the repository");
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
