using System.Globalization;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// The self-check behind commit-confirm: can the reconciler still open a TCP connection to its Git remote and to
/// the posture's health targets? Connects with bash's /dev/tcp behind the same prefix as nft, so the check runs in
/// the namespace the rules were applied to, as the reconciler's own user.
/// </summary>
internal static class Reachability
{
    /// <summary>
    /// Retries for up to <paramref name="window"/> (conntrack and routes can take a moment) and returns the first
    /// endpoint still unreachable, or null when every one answered.
    /// </summary>
    public static async Task<string?> FirstUnreachableAsync(
        FirewallCommands commands, IReadOnlyList<Endpoint> endpoints, TimeSpan window, TimeProvider clock, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + window;
        var attempt = TimeSpan.FromMilliseconds(Math.Clamp(window.TotalMilliseconds, 300, 2000));
        var pending = endpoints.ToList();
        string? failure = null;
        while (true)
        {
            var still = new List<Endpoint>();
            foreach (var endpoint in pending)
            {
                var result = await commands.RunAsync(
                    "bash", ["-c", "exec 3<>\"/dev/tcp/$0/$1\"", endpoint.Host, endpoint.Port.ToString(CultureInfo.InvariantCulture)], attempt, cancellationToken);
                if (!result.Succeeded)
                {
                    still.Add(endpoint);
                    failure = result.TimedOut ? $"{endpoint}: no answer within {attempt.TotalSeconds:0.#}s" : $"{endpoint}: {Reason(result.StandardError)}";
                }
            }

            if (still.Count == 0)
            {
                return null;
            }

            if (clock.GetUtcNow() >= until)
            {
                return failure;
            }

            pending = still;
            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken);
        }
    }

    private static string Reason(string stderr)
    {
        var line = NftAvailability.FirstLine(stderr);
        var colon = line.LastIndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? line[(colon + 2)..] : line;
    }
}
