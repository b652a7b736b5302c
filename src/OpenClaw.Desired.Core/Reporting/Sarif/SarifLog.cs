using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Reporting.Sarif;

/// <summary>A rule (a check, or a kind of finding) with the help a reader needs to act on its results.</summary>
public sealed record SarifRule(string Id, string Name, string Description, string Help, string Level);

/// <summary>Where a result is: a file (relative to the repository, or an absolute host path) and a position in it.</summary>
public sealed record SarifLocation(string Path, int Line = 0, int Column = 0);

/// <summary>
/// One result. <see cref="Identity"/> holds what makes it the same result on the next run (never a secret value):
/// its hash is the result's partial fingerprint. A waived result is written as an accepted suppression.
/// </summary>
public sealed record SarifResult(string RuleId, string Level, string Message, SarifLocation? Location, string Identity, WaivedInfo? Waived = null);

/// <summary>
/// Writes SARIF 2.1.0 (OASIS) for code-scanning tools such as GitHub's: one run of the openclaw-desired driver,
/// its rules with help text, results with locations, stable <c>partialFingerprints</c>, levels from severities,
/// waivers as suppressions. Every text passes the redactor before it is encoded.
/// </summary>
public static class SarifLog
{
    public const string FingerprintKey = "openclawDesired/v1";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Severity words of findings and audits mapped to SARIF levels.</summary>
    public static string Level(string severity) => severity switch
    {
        "critical" or "high" or "error" => "error",
        "medium" or "warning" => "warning",
        "low" or "info" or "note" => "note",
        _ => "warning",
    };

    public static string Write(IEnumerable<SarifRule> rules, IEnumerable<SarifResult> results, SecretRedactor redactor, string? automationId = null)
    {
        string R(string text) => redactor.Redact(text);
        var ruleList = rules.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var index = ruleList.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var driver = new JsonObject
        {
            ["name"] = "openclaw-desired",
            ["fullName"] = "OpenClaw.Desired posture reconciler",
            ["version"] = ToolInfo.Version,
            ["semanticVersion"] = SemanticVersion(ToolInfo.Version),
            ["rules"] = new JsonArray(ruleList.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id,
                ["name"] = PascalName(r.Name),
                ["shortDescription"] = new JsonObject { ["text"] = R(r.Name) },
                ["fullDescription"] = new JsonObject { ["text"] = R(r.Description) },
                ["help"] = new JsonObject { ["text"] = R(r.Help), ["markdown"] = R(r.Help) },
                ["defaultConfiguration"] = new JsonObject { ["level"] = r.Level },
                ["properties"] = new JsonObject { ["tags"] = new JsonArray("security", "openclaw") },
            }).ToArray()),
        };
        var run = new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = driver },
            ["columnKind"] = "utf16CodeUnits",
            ["originalUriBaseIds"] = new JsonObject { ["SRCROOT"] = new JsonObject { ["description"] = new JsonObject { ["text"] = "The folder the tool ran in (the posture repository in CI)." } } },
            ["results"] = new JsonArray(results.Select(r => (JsonNode)Result(r, index, R)).ToArray()),
        };
        if (automationId is not null)
        {
            run["automationDetails"] = new JsonObject { ["id"] = automationId };
        }

        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return R(log.ToJsonString(Options)) + "\n";
    }

    private static JsonObject Result(SarifResult result, Dictionary<string, int> rules, Func<string, string> r)
    {
        var node = new JsonObject
        {
            ["ruleId"] = result.RuleId,
            ["ruleIndex"] = rules[result.RuleId],
            ["level"] = result.Level,
            ["message"] = new JsonObject { ["text"] = r(result.Message) },
        };
        if (result.Location is { } location)
        {
            var artifact = new JsonObject { ["uri"] = Uri(location.Path) };
            if (!location.Path.StartsWith('/'))
            {
                artifact["uriBaseId"] = "SRCROOT";
            }

            var physical = new JsonObject { ["artifactLocation"] = artifact };
            if (location.Line > 0)
            {
                var region = new JsonObject { ["startLine"] = location.Line };
                if (location.Column > 0)
                {
                    region["startColumn"] = location.Column;
                }

                physical["region"] = region;
            }

            node["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical });
        }

        node["partialFingerprints"] = new JsonObject { [FingerprintKey] = Hashing.Sha256Hex(Encoding.UTF8.GetBytes(result.RuleId + "\n" + result.Identity))[..32] };
        if (result.Waived is { } waived)
        {
            node["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["status"] = "accepted",
                ["justification"] = r($"waived until {waived.Until} by {waived.Owner}: {waived.Reason}"),
            });
        }

        return node;
    }

    /// <summary>A relative path as a relative URI reference; an absolute host path as a file: URI.</summary>
    private static string Uri(string path) =>
        path.StartsWith('/') ? new Uri("file://" + path).AbsoluteUri : string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));

    private static string SemanticVersion(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }

    private static string PascalName(string name) =>
        string.Concat(name.Split([' ', '-', '/', '.', ':', '_'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
