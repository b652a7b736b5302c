using System.CommandLine;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>schema [--report]</c>: print the JSON Schema of posture.yaml (or of the JSON report).</summary>
internal static class SchemaCommand
{
    public static Command Create(CliConsole console)
    {
        var report = new Option<bool>("--report") { Description = "The schema of the JSON report instead of posture.yaml" };
        var command = new Command("schema", "Print the JSON Schema of posture.yaml") { report };
        command.SetAction(parse =>
        {
            console.WriteOut(Embedded.Text(parse.GetValue(report) ? "report.schema.json" : "posture.schema.json"));
            return 0;
        });
        return command;
    }
}
