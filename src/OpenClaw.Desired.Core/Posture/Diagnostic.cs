namespace OpenClaw.Desired.Posture;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>One problem in a posture file, printed as <c>file:line:col: message (path)</c>. Never holds a value.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message, string? Path, Severity Severity = Severity.Error)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var prefix = Severity == Severity.Warning ? "warning: " : string.Empty;
        return string.IsNullOrEmpty(Path) ? $"{where}: {prefix}{Message}" : $"{where}: {prefix}{Message} ({Path})";
    }
}

/// <summary>A posture that cannot be used. Carries every problem found, not just the first.</summary>
public sealed class PostureException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}

/// <summary>
/// Where a YAML node started; attached to the JSON tokens built from it. <see cref="File"/> is set when a
/// posture is composed of several files (includes, overlays) and names the one the node came from.
/// </summary>
internal sealed record YamlPosition(int Line, int Column, string? File = null);
