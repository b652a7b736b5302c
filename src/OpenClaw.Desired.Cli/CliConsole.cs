using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Cli;

/// <summary>Where commands write. Everything goes through the current run's redactor.</summary>
public sealed class CliConsole(TextWriter stdout, TextWriter stderr)
{
    public SecretRedactor Redactor { get; set; } = new();

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public string Redact(string text) => Redactor.Redact(text);

    public void WriteOut(string text) => Out.Write(Redact(text));

    public void WriteError(string text) => Error.WriteLine(Redact(text));

    public bool UseColor(bool noColor) =>
        !noColor
        && ReferenceEquals(Out, Console.Out)
        && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    public bool ShowProgress(bool quiet) => !quiet && ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;
}
