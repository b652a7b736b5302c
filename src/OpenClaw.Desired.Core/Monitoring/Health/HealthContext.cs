using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// What every check may use: the posture and its monitoring settings, the host (reached only through
/// <see cref="HostContext.Fs"/>), OpenClaw's paths, the reconciler's state dir, and the samples it fills.
/// </summary>
public sealed class HealthContext
{
    private readonly Lazy<(OpenClawConfig? Config, string? Problem)> _config;

    public HealthContext(EffectivePosture posture, HostContext host)
    {
        Posture = posture;
        Host = host;
        Settings = MonitoringSettings.From(posture);
        Paths = host.PathsFor(posture);
        Now = host.Clock.GetUtcNow();
        _config = new Lazy<(OpenClawConfig?, string?)>(ReadConfig);
    }

    public EffectivePosture Posture { get; }

    public HostContext Host { get; }

    public HostFs Fs => Host.Fs;

    public MonitoringSettings Settings { get; }

    public OpenClawPaths Paths { get; }

    /// <summary>The reconciler's state dir (trusted: the reconciler made it), or null.</summary>
    public string? StateDir => Host.StateDir;

    /// <summary>One clock reading for the whole run, so every age is measured from the same moment.</summary>
    public DateTimeOffset Now { get; }

    public HealthSamples Samples { get; } = new();

    /// <summary>openclaw.json through the safe filesystem; its credentials are registered with the redactor.</summary>
    public OpenClawConfig? Config => _config.Value.Config;

    /// <summary>Why openclaw.json could not be read (null when it was, or does not exist).</summary>
    public string? ConfigProblem => _config.Value.Problem;

    /// <summary>
    /// Text from OpenClaw's files (a cron job's last error, a job's name) made safe for an alert: every secret
    /// the run has seen is masked, and so is anything the secret scanner recognises as a credential.
    /// </summary>
    public string Scrub(string text, int maxLength = 200)
    {
        var cut = text.Length > maxLength ? text[..maxLength] + "…" : text;
        var matches = MayHoldSecret(cut) ? SecretScanner.Scan(cut) : [];
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            cut = cut[..matches[i].Start] + Redaction.SecretRedactor.Mask + cut[matches[i].End..];
        }

        return Host.Redactor.Redact(cut.ReplaceLineEndings(" "));
    }

    /// <summary>
    /// Whether the scanner could find anything: a credential is a long unbroken run of characters, or follows
    /// a word that names one. Plain names ("Morning brief") skip the scanner and the cost of starting it.
    /// </summary>
    internal static bool MayHoldSecret(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsWhiteSpace(c) ? 0 : run + 1;
            if (run >= 12)
            {
                return true;
            }
        }

        return SecretWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] SecretWords = ["key", "token", "secret", "pass", "pwd", "auth", "bearer", "cred", "cookie", "session"];

    /// <summary>Describes a refused or unreadable path for a result message.</summary>
    public static string Describe(Exception e) => e switch
    {
        UnsafePathException unsafePath => $"{unsafePath.HostPath}: {unsafePath.Detail} ({unsafePath.Rule})",
        FileNotFoundException or DirectoryNotFoundException => e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private (OpenClawConfig?, string?) ReadConfig()
    {
        try
        {
            var text = Fs.TryReadAllText(Paths.ConfigPath, 16L * 1024 * 1024);
            if (text is null)
            {
                return (null, null);
            }

            var config = OpenClawConfig.Parse(text);
            foreach (var secret in config.SecretValues())
            {
                Host.Redactor.Add(secret);
            }

            return (config, null);
        }
        catch (OpenClawConfigException e)
        {
            return (null, $"{Paths.ConfigPath} is {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read {Describe(e)}");
        }
    }
}
