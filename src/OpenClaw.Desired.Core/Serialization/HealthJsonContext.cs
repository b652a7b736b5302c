using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Monitoring;

namespace OpenClaw.Desired.Serialization;

/// <summary>
/// JSON metadata, generated at build time, for <c>health --output json</c>: web names, indented, null values
/// written; <see cref="HealthOutput"/> makes the instance with the relaxed escaping it prints with.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(HealthOutput.Document))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
