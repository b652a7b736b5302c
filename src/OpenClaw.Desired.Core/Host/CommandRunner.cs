using System.Diagnostics;

namespace OpenClaw.Desired.Host;

/// <summary>The outcome of one external command. Output is captured, never echoed.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}

/// <summary>The one port through which the reconciler starts processes.</summary>
public interface ICommandRunner
{
    Task<CommandResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        string? standardInput = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// Runs real processes with a hard timeout; the process tree is killed when it runs over. Some commands run code
/// the agent user wrote (OpenClaw's own audit), so output is capped, and a process a command left behind holding
/// its output open (<c>sleep 1d &amp;</c>) cannot keep a run waiting past the command's own end.
/// </summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    /// <summary>Characters of each of stdout and stderr that are kept; the rest is read and dropped.</summary>
    public const int MaxOutputChars = 16 * 1024 * 1024;

    /// <summary>How long output is still read once the command has ended (its pipes closing ends it at once).</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(10);

    public async Task<CommandResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        string? standardInput = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new CommandResult(127, string.Empty, $"{fileName}: {e.Message}", false);
        }

        var stdout = new CappedText(process.StandardOutput);
        var stderr = new CappedText(process.StandardError);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), timer.Token);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(timer.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            timedOut = e is OperationCanceledException && !cancellationToken.IsCancellationRequested;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        await Task.WhenAny(Task.WhenAll(stdout.Done, stderr.Done), Task.Delay(OutputGrace, CancellationToken.None));
        return new CommandResult(process.ExitCode, stdout.Text, stderr.Text, timedOut);
    }

    /// <summary>Reads a stream to its end in the background, keeping at most <see cref="MaxOutputChars"/>.</summary>
    private sealed class CappedText
    {
        private readonly System.Text.StringBuilder _text = new();

        public CappedText(StreamReader reader)
        {
            Done = Task.Run(async () =>
            {
                var buffer = new char[64 * 1024];
                try
                {
                    int read;
                    while ((read = await reader.ReadAsync(buffer)) > 0)
                    {
                        lock (_text)
                        {
                            _text.Append(buffer, 0, Math.Min(read, MaxOutputChars - _text.Length));
                        }
                    }
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    // The process is gone and its pipe with it: what was read is what there is.
                }
            });
        }

        public Task Done { get; }

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }
    }
}
