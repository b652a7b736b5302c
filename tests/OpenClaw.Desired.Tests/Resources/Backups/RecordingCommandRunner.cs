using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Tests.Resources.Backups;

/// <summary>Runs real processes (through <see cref="ProcessCommandRunner"/>) and keeps each command line and environment it was given.</summary>
public sealed class RecordingCommandRunner : ICommandRunner
{
    private readonly ProcessCommandRunner _inner = new();

    public List<(string File, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment)> Calls { get; } = [];

    public Task<CommandResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        string? standardInput = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        lock (Calls)
        {
            Calls.Add((fileName, arguments.ToList(), new Dictionary<string, string>(environment ?? new Dictionary<string, string>())));
        }

        return _inner.RunAsync(fileName, arguments, timeout, standardInput, environment, cancellationToken);
    }
}
