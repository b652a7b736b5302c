using System.Net;
using System.Net.Sockets;
using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>Disk, gateway and health targets: measured for real (statvfs, TCP, HTTP) on this machine.</summary>
public sealed class HostChecksTests : IDisposable
{
    private readonly HealthHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Disk_BelowAndAboveTheLimit_OkThenFailed_WithTheSameMeasuredValue()
    {
        var context = _h.For("checks:\n  disk: { maxPercent: 99.9 }");
        var roomy = HealthHarness.Run(new DiskCheck(), context);
        var tight = _h.Run(new DiskCheck(), "checks:\n  disk: { maxPercent: 1 }");

        Assert.Equal(HealthStatus.Ok, roomy.Status);
        Assert.Equal(HealthStatus.Failed, tight.Status);
        Assert.InRange(roomy.Value!.Value, 1.01, 99.9);
        Assert.Equal(roomy.Value!.Value, tight.Value!.Value, 0.5);
        Assert.Contains("above 1 %", tight.Message);
        // The root and OpenClaw's state dir share one filesystem here: measured once, both named.
        var fs = Assert.Single(context.Samples.Filesystems!);
        Assert.Contains(ScratchHost.OpenClawHome, fs.Holds);
    }

    [Fact]
    public void Disk_StateDirBehindALinkTheAgentPlanted_IsNotMeasuredThroughIt()
    {
        var home = _h.Host.Real(ScratchHost.OpenClawHome);
        Directory.Move(home, home + ".real");
        File.CreateSymbolicLink(home, "/proc");
        HostFiles.Lchown(home, 1000, 1000);

        var result = _h.Run(new DiskCheck());

        Assert.Equal(HealthStatus.Unknown, result.Status);
        Assert.Contains("not made by root", result.Message);
    }

    [Fact]
    public void Gateway_ListeningOnItsConfiguredPort_Passes_AndAClosedPortFails()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var open = ((IPEndPoint)listener.LocalEndpoint).Port;
        SetGatewayPort(open);
        var up = _h.Run(new GatewayCheck());
        listener.Stop();
        var down = _h.Run(new GatewayCheck());

        Assert.Equal(HealthStatus.Ok, up.Status);
        Assert.Contains($"127.0.0.1:{open}", up.Message);
        Assert.Equal(HealthStatus.Failed, down.Status);
        Assert.Contains("connection refused", down.Message);
    }

    [Fact]
    public void Gateway_BoundToTheTailnet_NeedsAnAddressOrIsUnknown()
    {
        var config = _h.Host.ConfigPath;
        File.WriteAllText(config, File.ReadAllText(config).Replace("bind: \"lan\"", "bind: \"tailnet\"", StringComparison.Ordinal));

        var result = _h.Run(new GatewayCheck());

        Assert.Equal(HealthStatus.Unknown, result.Status);
        Assert.Contains("monitoring.checks.gateway.host", result.Message);
    }

    [Fact]
    public void Gateway_WithAnUnreadableConfig_IsUnknown()
    {
        File.WriteAllText(_h.Host.ConfigPath, "{ gateway: { port: ");

        Assert.Equal(HealthStatus.Unknown, _h.Run(new GatewayCheck()).Status);
    }

    [Fact]
    public async Task Targets_EachIsOneCheck_HttpBelow500AndOpenTcpPass()
    {
        using var web = new WebhookReceiver { DefaultStatus = 401 };
        using var broken = new WebhookReceiver { DefaultStatus = 503 };
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var tcp = ((IPEndPoint)listener.LocalEndpoint).Port;
        var closed = LoopbackPort.Free();
        var context = _h.For($"""
            targets:
              - name: protected
                url: {web.Url}
              - name: broken
                url: {broken.Url}
              - name: open
                tcp: "127.0.0.1:{tcp}"
              - name: shut
                tcp: "127.0.0.1:{closed}"
            """);

        var results = await new TargetsCheck().RunAsync(context, CancellationToken.None);

        Assert.Equal(
            [("target.protected", HealthStatus.Ok), ("target.broken", HealthStatus.Failed), ("target.open", HealthStatus.Ok), ("target.shut", HealthStatus.Failed)],
            results.Select(r => (r.Name, r.Status)).OrderBy(r => r.Name == "target.protected" ? 0 : r.Name == "target.broken" ? 1 : r.Name == "target.open" ? 2 : 3));
    }

    private void SetGatewayPort(int port)
    {
        var config = _h.Host.ConfigPath;
        File.WriteAllText(config, File.ReadAllText(config).Replace("port: 18789", $"port: {port}", StringComparison.Ordinal));
    }
}
