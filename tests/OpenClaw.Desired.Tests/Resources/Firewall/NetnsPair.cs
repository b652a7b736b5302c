using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Tests.Resources.Firewall;

/// <summary>
/// Two network namespaces joined by a veth pair, addressed in 10.203.0.0/24 and fd00:203::/64, so test traffic never
/// leaves them. Listeners run in the far namespace (TCP 22, 80, 443, 8080 and a UDP 53 echo) from this process:
/// a socket belongs to the namespace of the thread that created it. Both namespaces are deleted on dispose.
/// </summary>
public sealed partial class NetnsPair : IDisposable
{
    public const string NearV4 = "10.203.0.1";
    public const string FarV4 = "10.203.0.2";
    public const string NearV6 = "fd00:203::1";
    public const string FarV6 = "fd00:203::2";
    public static readonly int[] FarTcpPorts = [22, 80, 443, 8080];
    private const int CloneNewNet = 0x40000000;

    private readonly List<Socket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ProcessCommandRunner _runner = new();

    private NetnsPair(string id)
    {
        Near = $"ocd-{id}-near";
        Far = $"ocd-{id}-far";
    }

    public string Near { get; }

    public string Far { get; }

    public static NetnsPair Create()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var pair = new NetnsPair(id);
        try
        {
            pair.Setup(id);
            return pair;
        }
        catch
        {
            pair.Dispose();
            throw;
        }
    }

    /// <summary>Starts a TCP listener (both IP versions) in a namespace; connections are accepted and closed.</summary>
    public void ListenTcp(string ns, int port, IPAddress? address = null)
    {
        var socket = InNamespace(ns, () =>
        {
            var bind = address ?? IPAddress.IPv6Any;
            var s = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (address is null)
            {
                s.DualMode = true;
            }

            s.Bind(new IPEndPoint(bind, port));
            s.Listen(64);
            return s;
        });
        _sockets.Add(socket);
        _ = Serve(async () =>
        {
            using var client = await socket.AcceptAsync(_stop.Token);
        });
    }

    /// <summary>Starts a UDP echo (both IP versions) in a namespace.</summary>
    public void ListenUdpEcho(string ns, int port)
    {
        var socket = InNamespace(ns, () =>
        {
            var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) { DualMode = true };
            s.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
            return s;
        });
        _sockets.Add(socket);
        var buffer = new byte[512];
        _ = Serve(async () =>
        {
            var received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.IPv6Any, 0), _stop.Token);
            await socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), received.RemoteEndPoint, _stop.Token);
        });
    }

    /// <summary>
    /// Runs every probe at once and fails the test listing each one that did not behave as expected. A probe is a
    /// TCP connect or a UDP echo round trip from a namespace, optionally as another uid. Dropped TCP SYNs never
    /// fail on their own, so a probe expected to be blocked gets a short connect timeout; one expected to pass gets
    /// a long one (it returns as soon as it connects).
    /// </summary>
    public async Task ExpectAsync(params Probe[] probes)
    {
        var results = await Task.WhenAll(probes.Select(async p => (Probe: p, Reached: await ReachesAsync(p))));
        var wrong = results.Where(r => r.Reached != r.Probe.Allowed).Select(r => r.Probe.ToString()).ToList();
        Assert.True(wrong.Count == 0, "unexpected: " + string.Join("; ", wrong));
    }

    public async Task<bool> ReachesAsync(Probe probe)
    {
        // A UDP datagram must be read whole (dd): bash's read takes one byte and drops the rest of it.
        var script = probe.Udp
            ? "exec 3<>\"/dev/udp/$0/$1\" && printf 'ping\\n' >&3 && [ \"$(timeout 1 dd bs=512 count=1 status=none <&3)\" = ping ]"
            : "exec 3<>\"/dev/tcp/$0/$1\"";
        if (probe.CgroupProcs is { } procs)
        {
            // Join the cgroup before the socket exists: a socket keeps the cgroup it was created in.
            script = $"echo $$ > '{procs}' && {script}";
        }

        var args = new List<string> { $"--net=/run/netns/{probe.From}", "--" };
        if (probe.Uid is { } u)
        {
            args.AddRange(["setpriv", $"--reuid={u}", $"--regid={u}", "--clear-groups", "--"]);
        }

        args.AddRange(["timeout", probe.Allowed ? "5" : "0.8", "bash", "-c", script, probe.Host, probe.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var result = await _runner.RunAsync("nsenter", args, TimeSpan.FromSeconds(10));
        return result.Succeeded;
    }

    /// <summary>Runs nft in a namespace and returns its output; fails the test when nft fails.</summary>
    public async Task<string> NftAsync(string ns, params string[] args)
    {
        var result = await _runner.RunAsync("nsenter", [$"--net=/run/netns/{ns}", "--", "nft", .. args], TimeSpan.FromSeconds(10));
        Assert.True(result.Succeeded, $"nft {string.Join(' ', args)} in {ns}: {result.StandardError}");
        return result.StandardOutput;
    }

    /// <summary>Runs nft in a namespace; the caller judges the result (e.g. a table that may vanish meanwhile).</summary>
    public Task<global::OpenClaw.Desired.Host.CommandResult> TryNftAsync(string ns, params string[] args) =>
        _runner.RunAsync("nsenter", [$"--net=/run/netns/{ns}", "--", "nft", .. args], TimeSpan.FromSeconds(10));

    /// <summary>The full ruleset of a namespace as nft prints it, without counter values and set elements (data that changes with traffic).</summary>
    public Task<string> RulesetAsync(string ns) => NftAsync(ns, "-s", "-t", "list", "ruleset");

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        // Deleting a namespace also removes the veth end inside it, and with it the peer.
        Run("ip", "netns", "del", Near);
        Run("ip", "netns", "del", Far);
        _stop.Dispose();
    }

    private void Setup(string id)
    {
        Must("ip", "netns", "add", Near);
        Must("ip", "netns", "add", Far);
        Must("ip", "link", "add", $"ocd{id}n", "netns", Near, "type", "veth", "peer", "name", $"ocd{id}f", "netns", Far);
        foreach (var (ns, link, v4, v6) in new[] { (Near, $"ocd{id}n", NearV4, NearV6), (Far, $"ocd{id}f", FarV4, FarV6) })
        {
            Must("ip", "-n", ns, "link", "set", "lo", "up");
            Must("ip", "-n", ns, "addr", "add", v4 + "/24", "dev", link);
            Must("ip", "-n", ns, "addr", "add", v6 + "/64", "dev", link, "nodad");
            Must("ip", "-n", ns, "link", "set", link, "up");
        }

        foreach (var port in FarTcpPorts)
        {
            ListenTcp(Far, port);
        }

        ListenUdpEcho(Far, 53);
    }

    // Runs one step of a listener until the pair is disposed; the socket's end on dispose is expected.
    private Task Serve(Func<Task> step) => Task.Run(async () =>
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await step();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    });

    private static T InNamespace<T>(string ns, Func<T> action)
    {
        T? result = default;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle($"/run/netns/{ns}");
                if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new IOException($"setns into {ns} failed: errno {Marshal.GetLastPInvokeError()}");
                }

                result = action();
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        thread.Start();
        thread.Join();
        return error is null ? result! : throw new InvalidOperationException($"in namespace {ns}: {error.Message}", error);
    }

    private static void Must(string file, params string[] args)
    {
        var (code, error) = Run(file, args);
        Assert.True(code == 0, $"{file} {string.Join(' ', args)}: {error}");
    }

    private static (int Code, string Error) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);
}

/// <summary>One connection attempt and whether the firewall should let it through.</summary>
public sealed record Probe(string From, string Host, int Port, bool Allowed, int? Uid = null, bool Udp = false)
{
    /// <summary>The cgroup.procs file of a cgroup v2 group the probe joins before connecting.</summary>
    public string? CgroupProcs { get; init; }

    public static Probe Pass(string from, string host, int port, int? uid = null, bool udp = false) => new(from, host, port, true, uid, udp);

    public static Probe Block(string from, string host, int port, int? uid = null, bool udp = false) => new(from, host, port, false, uid, udp);

    public override string ToString() =>
        $"{(Udp ? "udp" : "tcp")} {From} -> {Host}:{Port}{(Uid is { } u ? $" as uid {u}" : string.Empty)}{(CgroupProcs is null ? string.Empty : " in " + CgroupProcs)} should be {(Allowed ? "allowed" : "blocked")}";
}
