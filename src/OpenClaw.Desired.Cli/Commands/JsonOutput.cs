using System.CommandLine;
using System.Text.Json;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>The <c>--output text|json</c> option of verbs that print a result, and the JSON they print.</summary>
internal static class JsonOutput
{
    public static Option<string> Option()
    {
        var output = new Option<string>("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyInOrder("text", "json");
        return output;
    }

    public static bool Wanted(ParseResult parse, Option<string> output) => parse.GetValue(output) == "json";

    public static string Of(object value) => JsonSerializer.Serialize(value, ReportWriter.Options) + "\n";
}
