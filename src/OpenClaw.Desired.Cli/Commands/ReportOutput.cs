using System.Text;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Reporting.Sarif;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>Prints a report in the chosen format and writes the --report file in the format its extension names.</summary>
internal static class ReportOutput
{
    /// <summary>The formats of --output, and the extensions that pick one for --report.</summary>
    public static readonly string[] Formats = ["text", "json", "markdown", "html", "sarif"];

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".json"] = "json",
        [".md"] = "markdown",
        [".markdown"] = "markdown",
        [".html"] = "html",
        [".htm"] = "html",
        [".sarif"] = "sarif",
    };

    /// <summary>The format a --report file's extension names, or null for any other extension (an error, never silently JSON).</summary>
    public static string? FormatOf(string path) =>
        path.EndsWith(".sarif.json", StringComparison.OrdinalIgnoreCase) ? "sarif" : Extensions.GetValueOrDefault(Path.GetExtension(path));

    public static string BadExtension(string path) =>
        $"--report {path}: the extension picks the format, and '{Path.GetExtension(path)}' names none: use .json, .md, .html or .sarif";

    public static int Emit(CliConsole console, RunReport report, string format, string? reportFile, bool quiet, bool noColor)
    {
        console.WriteOut(Render(report, format, console.Redactor, console.UseColor(noColor), quiet));
        if (reportFile is not null)
        {
            WriteFile(console, report, reportFile);
        }

        return report.ExitCode;
    }

    public static string Render(RunReport report, string format, SecretRedactor redactor, bool color, bool quiet) => format switch
    {
        "json" => ReportWriter.ToJson(report, redactor),
        "markdown" => MarkdownRenderer.Render(report, redactor),
        "html" => HtmlRenderer.Render(report, redactor),
        "sarif" => SarifFromReport.Write(report, redactor),
        _ => quiet ? new TextRenderer(color).Quiet(report) : new TextRenderer(color).Render(report),
    };

    /// <summary>The --report file, in the format of its extension; the extension was checked before the run.</summary>
    public static void WriteFile(CliConsole console, RunReport report, string reportFile)
    {
        var content = Render(report, FormatOf(reportFile) ?? "json", console.Redactor, color: false, quiet: false);
        AtomicFile.Write(reportFile, Encoding.UTF8.GetBytes(content), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
