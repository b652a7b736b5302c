using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Source;

namespace OpenClaw.Desired.Monitoring;

/// <summary>
/// A loaded posture (from a file, or from Git as a reconcile run would take it) and a host context, for the
/// monitoring verbs. Opening writes nothing: the state dir is only read.
/// </summary>
public sealed record HealthSession(EffectivePosture Posture, HostContext Host, string StateDir, string PosturePath)
{
    public SecretRedactor Redactor => Host.Redactor;

    /// <summary>The session, or null with the diagnostics that stopped the posture from loading.</summary>
    public static async Task<(HealthSession? Session, IReadOnlyList<string> Diagnostics)> OpenAsync(
        RunOptions options, ICommandRunner commands, TimeProvider clock, HttpClient http, CancellationToken cancellationToken)
    {
        var root = new HostRoot(options.Root);
        var stateDir = options.ResolveStateDir(root);
        var redactor = new SecretRedactor(FingerprintKey.Load(new StateDirectory(stateDir), create: false));
        var resolved = await new PostureSources(commands, clock, Environment.GetEnvironmentVariable).LoadAsync(options, root, stateDir, redactor, cancellationToken);
        var diagnostics = resolved.Loaded.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).Concat(resolved.Notes).ToList();
        if (!resolved.Loaded.Succeeded)
        {
            return (null, diagnostics);
        }

        var posture = resolved.Loaded.Posture!;
        foreach (var secret in posture.LiteralSecrets)
        {
            redactor.Add(secret);
        }

        var host = new HostContext(root, commands, clock, http, redactor)
        {
            StateDir = stateDir,
            PosturePath = Path.GetFullPath(options.PosturePath),
        };
        return (new HealthSession(posture, host, stateDir, resolved.Path), diagnostics);
    }

    /// <summary>The name alerts give this host: the machine's, or /etc/hostname under a scratch root.</summary>
    public static string HostName(HostContext host)
    {
        if (host.Root.IsRealRoot)
        {
            return Environment.MachineName;
        }

        try
        {
            return host.Fs.TryReadAllText("/etc/hostname", 4096)?.Trim() is { Length: > 0 } name ? name : "host at " + host.Root.Root;
        }
        catch (IOException)
        {
            return "host at " + host.Root.Root;
        }
    }
}
