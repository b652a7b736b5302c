using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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

    /// <summary>The metadata of what the verbs print, with the report's options (see <see cref="CliJsonContext"/>).</summary>
    public static CliJsonContext Types { get; } = new(new JsonSerializerOptions(ReportWriter.Options));

    public static string Of<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type) + "\n";
}
