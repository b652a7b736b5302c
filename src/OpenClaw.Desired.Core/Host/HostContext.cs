using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Host;

/// <summary>Everything a resource kind may use to reach the host: the rooted filesystem, processes, HTTP, the clock.</summary>
public sealed class HostContext
{
    public HostContext(HostRoot root, ICommandRunner commands, TimeProvider clock, HttpClient http, SecretRedactor redactor)
    {
        Root = root;
        Commands = commands;
        Clock = clock;
        Http = http;
        Redactor = redactor;
        Homes = new HomeResolver(root);
        Fs = new Fs.HostFs(root);
    }

    public HostRoot Root { get; }

    /// <summary>
    /// The only way kinds reach host paths: resolved on descriptors, never through a link the agent user planted,
    /// never opening a FIFO or device where a file is expected. See <see cref="Fs.HostFs"/>.
    /// </summary>
    public Fs.HostFs Fs { get; }

    public HomeResolver Homes { get; }

    public ICommandRunner Commands { get; }

    public TimeProvider Clock { get; }

    public HttpClient Http { get; }

    public SecretRedactor Redactor { get; }

    /// <summary>The reconciler's state dir, where scheduled jobs (backups) leave results for probes to read
    /// and kinds may keep caches; null when there is none.</summary>
    public string? StateDir { get; init; }

    /// <summary>The posture file of this run, full path, for jobs the run installs that read it again later.</summary>
    public string? PosturePath { get; init; }

    /// <summary>True in a dry run: kinds may read their caches but write nothing, not even there.</summary>
    public bool DryRun { get; init; }

    /// <summary>OpenClaw's locations on this host, with ~ expanded for the OpenClaw user.</summary>
    public OpenClawPaths PathsFor(EffectivePosture posture)
    {
        var user = posture.OpenClaw.User ?? (Root.IsRealRoot ? Environment.UserName : "root");
        var state = Homes.Expand(posture.OpenClaw.StateDir, user);
        return new OpenClawPaths(
            user,
            state,
            posture.OpenClaw.ConfigPath is { } config ? Homes.Expand(config, user) : state + "/openclaw.json",
            posture.OpenClaw.Workspace is { } workspace ? Homes.Expand(workspace, user) : state + "/workspace",
            posture.OpenClaw.AgentId);
    }
}

/// <summary>Host paths (as the host sees them) of one OpenClaw installation.</summary>
public sealed record OpenClawPaths(string User, string StateDir, string ConfigPath, string Workspace, string AgentId)
{
    public string AgentDir => $"{StateDir}/agents/{AgentId}/agent";
}
