using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Every command the firewall runs, through <see cref="ICommandRunner"/> and behind one prefix: empty on the host,
/// <c>nsenter --net=/run/netns/NAME --</c> for a named network namespace (tests, or an agent kept in one).
/// nsenter, unlike <c>ip netns exec</c>, leaves /sys alone, so cgroup paths resolve as on the host.
/// </summary>
internal sealed class FirewallCommands(ICommandRunner runner, ValueList<string> prefix)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public ValueList<string> Prefix { get; } = prefix;

    public static ValueList<string> PrefixFor(string? netns) =>
        netns is null ? ValueList<string>.Empty : new[] { "nsenter", $"--net=/run/netns/{netns}", "--" }.ToValueList();

    public static FirewallCommands For(ICommandRunner runner, string? netns) => new(runner, PrefixFor(netns));

    public Task<CommandResult> NftAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync("nft", arguments, Timeout, cancellationToken);

    /// <summary>Runs <paramref name="file"/> behind the prefix.</summary>
    public Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        Prefix.Count == 0
            ? runner.RunAsync(file, arguments, timeout, cancellationToken: cancellationToken)
            : runner.RunAsync(Prefix[0], [.. Prefix.Skip(1), file, .. arguments], timeout, cancellationToken: cancellationToken);

    /// <summary>The command line as a POSIX shell would run it, for the detached rollback helper.</summary>
    public string ShellLine(string file, params string[] arguments) =>
        string.Join(' ', Prefix.Append(file).Concat(arguments).Select(ShellQuote));

    public static string ShellQuote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-=:,@%+".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
