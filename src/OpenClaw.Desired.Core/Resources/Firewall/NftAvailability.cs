namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Whether nft can be used here, and if not, why in words: no nftables at all, legacy iptables (not supported for
/// apply), no privilege, or a namespace that does not exist.
/// </summary>
internal static class NftAvailability
{
    /// <summary>The JSON of <c>nft -j list tables</c>, or the reason nft cannot be used.</summary>
    public static async Task<(string? TablesJson, string? Problem)> ProbeAsync(FirewallCommands commands, CancellationToken cancellationToken)
    {
        var (json, problem, _) = await ProbeDetailedAsync(commands, cancellationToken);
        return (json, problem);
    }

    /// <summary>As <see cref="ProbeAsync"/>, and whether nft is missing altogether (then no table can exist).</summary>
    public static async Task<(string? TablesJson, string? Problem, bool Missing)> ProbeDetailedAsync(FirewallCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.NftAsync(["-j", "list", "tables"], cancellationToken);
        if (result.Succeeded)
        {
            return (result.StandardOutput, null, false);
        }

        if (result.TimedOut)
        {
            return (null, $"nft did not answer within {FirewallCommands.Timeout.TotalSeconds:0}s", false);
        }

        if (result.ExitCode == 127)
        {
            return (null, await DescribeMissingAsync(commands, cancellationToken), true);
        }

        var error = FirstLine(result.StandardError);
        return error.Contains("Operation not permitted", StringComparison.Ordinal)
            ? (null, "reading the ruleset needs root (CAP_NET_ADMIN): run the reconciler as root", false)
            : (null, $"nft failed: {error}", false);
    }

    private static async Task<string> DescribeMissingAsync(FirewallCommands commands, CancellationToken cancellationToken)
    {
        var iptables = await commands.RunAsync("iptables", ["-V"], TimeSpan.FromSeconds(10), cancellationToken);
        var version = FirstLine(iptables.StandardOutput + iptables.StandardError);
        if (iptables.ExitCode == 127)
        {
            return "this host has no nftables (the nft command is missing): install the nftables package to manage the firewall";
        }

        return version.Contains("legacy", StringComparison.Ordinal)
            ? $"this host filters with legacy iptables ({version}), which openclaw-desired does not support for apply: install nftables (iptables-nft shares its kernel engine)"
            : $"the nft command is missing ({version} is present): install the nftables package to manage the firewall";
    }

    public static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
