using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>What the probe saw of openclaw.json: the parsed config, or why it could not be seen.</summary>
public sealed record ConfigObservation(string HostPath, OpenClawConfig? Config, bool Exists, string? Unknown, Func<string, string> Fingerprint)
{
    /// <summary>Reads openclaw.json under the root; registers every credential in it with the redactor.</summary>
    public static async Task<ConfigObservation> ProbeAsync(HostContext host, OpenClawPaths paths, CancellationToken cancellationToken)
    {
        var real = host.Root.Resolve(paths.ConfigPath);
        if (!File.Exists(real))
        {
            return Directory.Exists(host.Root.Resolve(paths.StateDir))
                ? new ConfigObservation(paths.ConfigPath, OpenClawConfig.Empty(), false, null, host.Redactor.Fingerprint)
                : new ConfigObservation(paths.ConfigPath, null, false, $"OpenClaw's state dir {paths.StateDir} does not exist (is OpenClaw installed for user '{paths.User}'?)", host.Redactor.Fingerprint);
        }

        try
        {
            var text = File.ReadAllText(real); // synchronously: a probe blocks its own thread, never the pool's
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfigObservation(paths.ConfigPath, null, true, $"cannot read {paths.ConfigPath}: {e.GetType().Name}", host.Redactor.Fingerprint);
        }
    }
}
