using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Cli;

/// <summary>Where commands write (everything through the current run's redactor) and, on a terminal, read answers.</summary>
public sealed class CliConsole(TextWriter stdout, TextWriter stderr, TextReader? stdin = null, bool? interactive = null)
{
    public SecretRedactor Redactor { get; set; } = new();

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>Where answers to questions come from (the terminal).</summary>
    public TextReader In { get; } = stdin ?? Console.In;

    /// <summary>
    /// A person can be asked: standard input and standard error are a terminal (for the real console), or a test
    /// said so. Without one, nothing that changes a host may wait for an answer.
    /// </summary>
    public bool IsInteractive { get; } = interactive
        ?? (ReferenceEquals(stderr, Console.Error) && !Console.IsInputRedirected && !Console.IsErrorRedirected);

    public string Redact(string text) => Redactor.Redact(text);

    public void WriteOut(string text)
    {
        var redacted = Redact(text);
        if (redacted.Length >= LongOutput && ReferenceEquals(Out, Console.Out))
        {
            // The console's writer hands the system 256 bytes at a time: a report of megabytes (thousands of skills)
            // was tens of thousands of writes. The same bytes go out in one.
            Out.Flush();
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(Console.OutputEncoding.GetBytes(redacted));
            stdout.Flush();
            return;
        }

        Out.Write(redacted);
    }

    /// <summary>From this length on, standard output is written in one piece.</summary>
    private const int LongOutput = 64 * 1024;

    public void WriteError(string text) => Error.WriteLine(Redact(text));

    public bool UseColor(bool noColor) =>
        !noColor
        && ReferenceEquals(Out, Console.Out)
        && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    /// <summary>Colour on standard error: only on a terminal, never with --no-color or NO_COLOR.</summary>
    public bool UseErrorColor(bool noColor) =>
        !noColor
        && ReferenceEquals(Error, Console.Error)
        && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    public bool ShowProgress(bool quiet) => !quiet && ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Asks a yes/no question on standard error; only an explicit yes is yes.</summary>
    public bool Confirm(string question)
    {
        Error.Write(question + " [y/N] ");
        Error.Flush();
        var answer = In.ReadLine()?.Trim().ToLowerInvariant();
        return answer is "y" or "yes";
    }
}
