namespace OpenClaw.Desired.Monitoring.Processes;

/// <summary>One headless browser: its main process, how many processes it runs, its age, and whether an OpenClaw process owns it.</summary>
public sealed record HeadlessBrowser(ProcessInfo Main, IReadOnlyList<ProcessInfo> Processes, TimeSpan Age, bool Orphaned, int? OwnerPid);

/// <summary>
/// Finds the agent user's headless browsers in a process table. A browser is a Chromium-family main process
/// (no <c>--type=</c>) that runs headless (<c>--headless</c>, or the chrome-headless-shell build); its renderers,
/// zygotes and helpers count with it, and so does a process of the same name under it (a fork before a helper's
/// exec). It is orphaned when no ancestor is an OpenClaw process (the gateway or
/// the <c>openclaw</c> CLI): the run that started it is gone and nothing will close it.
/// </summary>
public static class HeadlessBrowsers
{
    private static readonly HashSet<string> BrowserNames = new(StringComparer.Ordinal)
    {
        "chrome", "chromium", "chromium-browse", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome-headless",
        "chrome-headless-shell", "headless_shell", "msedge", "brave",
    };

    private static readonly HashSet<string> AlwaysHeadless = new(StringComparer.Ordinal) { "chrome-headless", "chrome-headless-shell", "headless_shell" };

    public static IReadOnlyList<HeadlessBrowser> Find(ProcessTable table, int uid, DateTimeOffset now)
    {
        var owned = table.All.Where(p => p.Uid == uid && IsBrowser(p)).ToList();
        var heads = owned.Where(p => IsMain(p) && IsHeadless(p)).ToList();
        var headPids = heads.Select(m => m.Pid).ToHashSet();
        // A main under another (a child forked before it execs a helper, or the browser under a wrapper script of its
        // name) is a process of that browser, not a browser of its own.
        var mains = heads.Where(m => !table.Ancestors(m).Any(a => headPids.Contains(a.Pid))).ToList();
        var mainPids = mains.Select(m => m.Pid).ToHashSet();
        var helpers = owned.Where(p => !mainPids.Contains(p.Pid))
            .Select(p => (Process: p, Main: table.Ancestors(p).FirstOrDefault(a => mainPids.Contains(a.Pid))))
            .Where(h => h.Main is not null)
            .ToLookup(h => h.Main!.Pid, h => h.Process);
        return mains
            .Select(main =>
            {
                var owner = table.Ancestors(main).FirstOrDefault(IsOpenClaw);
                var age = now - main.Started;
                return new HeadlessBrowser(main, [main, .. helpers[main.Pid]], age < TimeSpan.Zero ? TimeSpan.Zero : age, owner is null, owner?.Pid);
            })
            .OrderBy(b => b.Main.Pid)
            .ToList();
    }

    public static bool IsBrowser(ProcessInfo p) => BrowserNames.Contains(p.Comm) || BrowserNames.Contains(p.Program);

    public static bool IsMain(ProcessInfo p) => !p.Args.Any(a => a.StartsWith("--type=", StringComparison.Ordinal));

    public static bool IsHeadless(ProcessInfo p) =>
        AlwaysHeadless.Contains(p.Comm) || AlwaysHeadless.Contains(p.Program)
        || p.Args.Any(a => a == "--headless" || a.StartsWith("--headless=", StringComparison.Ordinal));

    /// <summary>
    /// The gateway (or any OpenClaw process): it names itself <c>openclaw</c> or <c>openclaw-gateway</c> (the
    /// kernel cuts names at 15 characters), or runs OpenClaw's entry script with the <c>gateway</c> verb.
    /// </summary>
    public static bool IsOpenClaw(ProcessInfo p) =>
        p.Comm is "openclaw" or "openclaw-gatewa" or "openclaw-gateway"
        || p.Program is "openclaw" or "openclaw-gateway"
        || (p.Args.Contains("gateway") && p.Args.Any(a => a.Contains("openclaw", StringComparison.OrdinalIgnoreCase)));
}
