using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets.Audit;

namespace OpenClaw.Desired.Serialization;

/// <summary>
/// JSON metadata, generated at build time, for the append-only line files: a run's journal and the audit trail of
/// secret operations. Web names, one line per entry (not indented). The audit trail hashes each entry's JSON, so
/// these options must stay as they are: the same entry must give the same bytes (and hash) in every version.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
