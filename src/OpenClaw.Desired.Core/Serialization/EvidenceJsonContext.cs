using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Incidents.Evidence;

namespace OpenClaw.Desired.Serialization;

/// <summary>
/// JSON metadata, generated at build time, for what an evidence bundle holds besides copied files: its manifest
/// and the process list. Web names, indented, nulls left out.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EvidenceManifest))]
[JsonSerializable(typeof(EvidenceProcesses))]
internal sealed partial class EvidenceJsonContext : JsonSerializerContext;
