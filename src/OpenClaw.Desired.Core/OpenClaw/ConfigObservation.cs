using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>What the probe saw of openclaw.json: the parsed config, or why it could not be seen.</summary>
public sealed record ConfigObservation(string HostPath, OpenClawConfig? Config, bool Exists, string? Unknown, Func<string, string> Fingerprint)
{
    /// <summary>openclaw.json is a few KiB; anything past this is not a config a person wrote.</summary>
    public const long MaxConfigBytes = 8L * 1024 * 1024;

    /// <summary>Set when the config path was refused (a planted link, a FIFO): reported as a finding.</summary>
    public UnsafePathException? Unsafe { get; init; }

    /// <summary>Reads openclaw.json under the root; registers every credential in it with the redactor.</summary>
    public static async Task<ConfigObservation> ProbeAsync(HostContext host, OpenClawPaths paths, CancellationToken cancellationToken)
    {
        HostStat stat;
        try
        {
            stat = host.Fs.StatFollow(paths.ConfigPath);
        }
        catch (UnsafePathException e)
        {
            return new ConfigObservation(paths.ConfigPath, null, true, e.Message, host.Redactor.Fingerprint) { Unsafe = e };
        }

        if (!stat.Exists)
        {
            return host.Fs.DirectoryExists(paths.StateDir)
                ? new ConfigObservation(paths.ConfigPath, OpenClawConfig.Empty(), false, null, host.Redactor.Fingerprint)
                : new ConfigObservation(paths.ConfigPath, null, false, $"OpenClaw's state dir {paths.StateDir} does not exist (is OpenClaw installed for user '{paths.User}'?)", host.Redactor.Fingerprint);
        }

        try
        {
            await Task.CompletedTask;
            var text = host.Fs.ReadAllText(paths.ConfigPath, MaxConfigBytes);
            var config = OpenClawConfig.Parse(text);
            foreach (var secret in config.SecretValues())
            {
                host.Redactor.Add(secret);
            }

            return new ConfigObservation(paths.ConfigPath, config, true, null, host.Redactor.Fingerprint);
        }
        catch (OpenClawConfigException e)
        {
            return new ConfigObservation(paths.ConfigPath, null, true, $"{paths.ConfigPath} is {e.Message}", host.Redactor.Fingerprint);
        }
        catch (UnsafePathException e)
        {
            return new ConfigObservation(paths.ConfigPath, null, true, e.Message, host.Redactor.Fingerprint) { Unsafe = e };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfigObservation(paths.ConfigPath, null, true, $"cannot read {paths.ConfigPath}: {Reporting.UserMessage.Of(e)}", host.Redactor.Fingerprint);
        }
    }
}
