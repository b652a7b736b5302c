using System.Net;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Get for the firewall: lists the owned table with <c>nft -j</c>, resolves what the desired table depends on
/// (users' uids, the Git remote's addresses, the cgroup v2 mount) and finds changes still awaiting confirmation.
/// </summary>
internal static class FirewallProbe
{
    public static async Task<FirewallObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var settings = FirewallSettings.From(posture);
        if (!host.Root.IsRealRoot && settings.Netns is null)
        {
            return FirewallObservation.NotInScope(settings);
        }

        var commands = FirewallCommands.For(host.Commands, settings.Netns);
        var cgroupPrefix = CgroupPrefix();
        var (tables, problem, missing) = await NftAvailability.ProbeDetailedAsync(commands, cancellationToken);
        NftTable? table = null;
        Reporting.ConnectionsReport? refused = null;
        if (tables is not null && NftJsonReader.ReadTables(tables).Contains((FirewallSettings.Family, settings.Table)))
        {
            var listing = await commands.NftAsync(["-j", "list", "table", FirewallSettings.Family, settings.Table], cancellationToken);
            if (listing.Succeeded)
            {
                table = NftJsonReader.ReadTable(listing.StandardOutput, FirewallSettings.Family, settings.Table, cgroupPrefix ?? string.Empty);
                refused = RefusedConnections.Read(listing.StandardOutput);
            }
            else
            {
                problem = $"nft could not list table {settings.QualifiedTable}: {NftAvailability.FirstLine(listing.StandardError)}";
            }
        }

        var unknowns = new List<UnknownState>();
        var facts = await FactsAsync(settings, host, cgroupPrefix, unknowns, cancellationToken);
        var pending = new CommitConfirm(host.Root, host.Commands, host.Clock).Awaiting().FirstOrDefault();
        return new FirewallObservation(settings, problem, table, facts, unknowns.ToValueList(), pending, ProxyEnvironment.Probe(settings, posture, host).ToValueList())
        {
            NftMissing = missing,
            Refused = refused,
            ProbedAt = host.Clock.GetUtcNow(),
        };
    }

    private static async Task<FirewallFacts> FactsAsync(FirewallSettings settings, HostContext host, string? cgroupPrefix, List<UnknownState> unknowns, CancellationToken cancellationToken)
    {
        var uids = new Dictionary<string, int>(StringComparer.Ordinal);
        var users = new List<(string User, string Path)>();
        if (settings.Level is FirewallLevel.Filter or FirewallLevel.Proxy)
        {
            users.AddRange(settings.Egress.Where(r => r.User is not null).Select(r => (r.User!, r.Path + ".user")));
        }

        if (settings.Level == FirewallLevel.Proxy && settings.Proxy is { } proxy)
        {
            users.Add((proxy.User, "firewall.proxy.user"));
        }

        foreach (var (user, path) in users)
        {
            if (Passwd.Lookup(host.Root, user) is { } ids)
            {
                uids[user] = ids.Uid;
            }
            else
            {
                unknowns.Add(new UnknownState(FirewallKind.Name, path, $"user '{user}' does not exist on this host, so the rule cannot match it"));
            }
        }

        if (settings.Egress.Any(r => r.Cgroup is not null) && (settings.Level is FirewallLevel.Filter or FirewallLevel.Proxy) && cgroupPrefix is null)
        {
            unknowns.Add(new UnknownState(FirewallKind.Name, "cgroup", "no cgroup v2 hierarchy is mounted, so cgroup rules cannot match"));
        }

        var remote = await RemoteAddressesAsync(settings, unknowns, cancellationToken);
        return new FirewallFacts(uids, remote, cgroupPrefix ?? string.Empty);
    }

    private static async Task<ValueList<NetAddress>> RemoteAddressesAsync(FirewallSettings settings, List<UnknownState> unknowns, CancellationToken cancellationToken)
    {
        if (settings.AllowedRemote is not { } remote)
        {
            return ValueList<NetAddress>.Empty;
        }

        if (remote.Address is { } literal)
        {
            return new[] { literal }.ToValueList();
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var addresses = await Dns.GetHostAddressesAsync(remote.Host, timeout.Token);
            return addresses.Select(NetAddress.FromIp).Distinct().OrderBy(a => a.Text, StringComparer.Ordinal).ToValueList();
        }
        catch (Exception e) when ((e is System.Net.Sockets.SocketException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            unknowns.Add(new UnknownState(FirewallKind.Name, "git-remote", $"cannot resolve the Git remote {remote.Host} (source.repo), so its rule cannot be written: {e.Message}"));
            return ValueList<NetAddress>.Empty;
        }
    }

    /// <summary>Where cgroup v2 sits below /sys/fs/cgroup (nft resolves paths there): "" when unified, "unified/" on hybrid hosts.</summary>
    private static string? CgroupPrefix() =>
        File.Exists("/sys/fs/cgroup/cgroup.controllers") ? string.Empty
        : File.Exists("/sys/fs/cgroup/unified/cgroup.controllers") ? "unified/"
        : null;
}
