using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>What restic needs to open one repository. Holds secrets: never rendered, only passed to restic.</summary>
public sealed record ResticTarget(string Archive, string Repository, string Display, string Password, IReadOnlyDictionary<string, string> Environment)
{
    public override string ToString() => $"{Archive} ({Display})";
}

/// <summary>
/// Runs the real restic through <see cref="ICommandRunner"/>, always with <c>--json</c>. The repository and
/// its password reach restic only through its environment (RESTIC_REPOSITORY, RESTIC_PASSWORD_FILE pointing at
/// a 0600 file that lives for one call), never through the command line.
/// </summary>
public sealed class Restic(HostContext host, ResticTarget target, string? cacheDir)
{
    public const string Executable = "restic";
    public static readonly TimeSpan QuickTimeout = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan LongTimeout = TimeSpan.FromHours(6);

    public ResticTarget Target => target;

    /// <summary>Runs one restic command. Without a cache dir restic reads the repository itself (and writes no cache).</summary>
    public async Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var password = SecretFile.Create(target.Password);
        var environment = new Dictionary<string, string>(target.Environment, StringComparer.Ordinal)
        {
            ["RESTIC_REPOSITORY"] = target.Repository,
            ["RESTIC_PASSWORD_FILE"] = password.Path,
            // An inherited RESTIC_PASSWORD or password command must not win over the posture's password.
            ["RESTIC_PASSWORD"] = string.Empty,
            ["RESTIC_PASSWORD_COMMAND"] = string.Empty,
            ["RESTIC_PROGRESS_FPS"] = "0.0167",
        };
        var args = new List<string> { "--json" };
        if (cacheDir is null)
        {
            args.Add("--no-cache");
        }
        else
        {
            environment["RESTIC_CACHE_DIR"] = cacheDir;
        }

        args.AddRange(arguments);
        var result = await host.Commands.RunAsync(Executable, args, timeout, null, environment, cancellationToken);
        return result with { StandardOutput = host.Redactor.Redact(result.StandardOutput), StandardError = host.Redactor.Redact(result.StandardError) };
    }

    /// <summary>The line of restic's error output that says what went wrong, scrubbed of secrets.</summary>
    public string Error(CommandResult result)
    {
        if (result.ExitCode == 127)
        {
            return "restic is not installed (not found on PATH)";
        }

        if (result.TimedOut)
        {
            return "restic did not finish in time";
        }

        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fatal = lines.FirstOrDefault(l => l.StartsWith("Fatal:", StringComparison.Ordinal));
        // The fatal line often only sums up ("repository contains errors"); the first concrete error says what.
        var detail = lines.FirstOrDefault(l => !l.StartsWith("Fatal:", StringComparison.Ordinal)
            && (l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("does not match", StringComparison.Ordinal) || l.Contains("failed", StringComparison.Ordinal)));
        var line = fatal is not null && detail is not null ? $"{fatal} ({detail})"
            : fatal ?? detail ?? lines.LastOrDefault() ?? $"restic exited with {result.ExitCode}";
        return host.Redactor.Redact(line.Length > 400 ? line[..400] + "…" : line);
    }

    /// <summary>restic's words for "there is no repository here" (as opposed to "cannot reach it").</summary>
    public static bool IsMissingRepository(CommandResult result) =>
        result.StandardError.Contains("unable to open config file", StringComparison.Ordinal)
        && (result.StandardError.Contains("no such file or directory", StringComparison.Ordinal)
            || result.StandardError.Contains("does not exist", StringComparison.Ordinal)
            || result.StandardError.Contains("(404)", StringComparison.Ordinal));
}
