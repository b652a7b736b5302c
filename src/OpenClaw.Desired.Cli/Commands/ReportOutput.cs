using System.Text;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>Prints a report in the chosen format and writes the --report file.</summary>
internal static class ReportOutput
{
    public static int Emit(CliConsole console, RunReport report, string format, string? reportFile, bool quiet, bool noColor)
    {
        var text = format switch
        {
            "json" => ReportWriter.ToJson(report, console.Redactor),
            "markdown" => MarkdownRenderer.Render(report, console.Redactor),
            _ => quiet ? new TextRenderer(console.UseColor(noColor)).SummaryLine(report) + "\n" : new TextRenderer(console.UseColor(noColor)).Render(report),
        };
        console.WriteOut(text);
        if (reportFile is not null)
        {
            WriteFile(console, report, reportFile);
        }

        return report.ExitCode;
    }

    /// <summary>The --report file: Markdown for .md, else JSON.</summary>
    public static void WriteFile(CliConsole console, RunReport report, string reportFile)
    {
        var content = reportFile.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            ? MarkdownRenderer.Render(report, console.Redactor)
            : ReportWriter.ToJson(report, console.Redactor);
        AtomicFile.Write(reportFile, Encoding.UTF8.GetBytes(content), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
