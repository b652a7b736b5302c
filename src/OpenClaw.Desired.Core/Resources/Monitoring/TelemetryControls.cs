using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Monitoring;

/// <summary>
/// monitoring.telemetry as openclaw.json keys: OpenClaw's diagnostics-otel plugin enabled the way
/// <c>openclaw plugins enable</c> does it (<c>plugins.entries.diagnostics-otel.enabled</c>, and the id added to
/// <c>plugins.allow</c> when that allowlist is in use), diagnostics on, and <c>diagnostics.otel.{enabled,
/// endpoint, protocol, serviceName, metrics, traces, logs, sampleRate}</c>. Values the posture leaves out are
/// OpenClaw's defaults (http/protobuf, openclaw-gateway, metrics and traces on, logs off) and are not written.
/// </summary>
public static class TelemetryControls
{
    public const string PluginId = "diagnostics-otel";

    public static IEnumerable<ConfigControl> For(TelemetrySpec telemetry, OpenClawConfig config)
    {
        if (telemetry.Enabled == false)
        {
            yield return Control("/diagnostics/otel/enabled", false, "telemetry off: OpenClaw exports no diagnostics", JValue.CreateNull());
            yield break;
        }

        yield return Control($"/plugins/entries/{PluginId}/enabled", true, "OpenClaw's OpenTelemetry exporter plugin is enabled", JValue.CreateNull());
        if (config.Get("/plugins/allow") is JArray allow && !allow.Any(a => a.Type == JTokenType.String && (string?)a == PluginId))
        {
            yield return Control("/plugins/allow", new JArray(allow.Concat([new JValue(PluginId)])), "the plugin allowlist admits diagnostics-otel", JValue.CreateNull());
        }

        yield return Control("/diagnostics/enabled", true, "diagnostics events are emitted (the exporter listens to them)", JValue.CreateNull());
        yield return Control("/diagnostics/otel/enabled", true, "the OTLP exporter is on", JValue.CreateNull());
        yield return Control("/diagnostics/otel/endpoint", telemetry.Endpoint!, "OTLP/HTTP collector that receives OpenClaw's metrics, traces and logs", JValue.CreateNull());
        yield return Control("/diagnostics/otel/protocol", telemetry.Protocol ?? "http/protobuf", "OTLP wire protocol", "http/protobuf");
        yield return Control("/diagnostics/otel/serviceName", telemetry.ServiceName ?? "openclaw-gateway", "service.name of the exported telemetry", "openclaw-gateway");
        yield return Control("/diagnostics/otel/metrics", telemetry.Metrics ?? true, "export metrics (tokens, cost, run and model-call latency, tool and exec errors, context use)", true);
        yield return Control("/diagnostics/otel/traces", telemetry.Traces ?? true, "export traces", true);
        yield return Control("/diagnostics/otel/logs", telemetry.Logs ?? false, "export logs", false);
        if (telemetry.SampleRate is { } rate)
        {
            yield return Control("/diagnostics/otel/sampleRate", rate, "share of root spans kept", JValue.CreateNull());
        }
    }

    /// <summary>What OpenClaw would refuse: the plugin on the denylist, or plugins switched off altogether.</summary>
    public static IEnumerable<PlannedChange> Conflicts(string kind, TelemetrySpec telemetry, OpenClawConfig config)
    {
        if (telemetry.Enabled == false)
        {
            yield break;
        }

        if (config.Get("/plugins/deny") is JArray deny && deny.Any(d => d.Type == JTokenType.String && (string?)d == PluginId))
        {
            yield return new PlannedChange(kind, "telemetry/plugins.deny", ChangeAction.Manual,
                "plugins.deny blocks diagnostics-otel, which monitoring.telemetry needs: take it off the denylist, or drop monitoring.telemetry",
                "denied", "allowed", PostureEffect.Neutral);
        }

        if (config.Get("/plugins/enabled") is JValue { Type: JTokenType.Boolean } enabled && !(bool)enabled)
        {
            yield return new PlannedChange(kind, "telemetry/plugins.enabled", ChangeAction.Manual,
                "plugins.enabled is false, so no plugin (diagnostics-otel included) loads: turn plugins on, or drop monitoring.telemetry",
                "false", "true", PostureEffect.Neutral);
        }
    }

    private static ConfigControl Control(string pointer, JToken desired, string reason, JToken defaultValue) =>
        new(pointer, desired, reason, Effects.Neutral, defaultValue.Type == JTokenType.Null ? null : defaultValue);
}
