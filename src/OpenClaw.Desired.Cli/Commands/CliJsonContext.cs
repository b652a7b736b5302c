using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Incidents.Evidence;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// JSON metadata, generated at build time, of what the verbs print with <c>--output json</c>: the report's options
/// (web names, indented, nulls left out; <see cref="JsonOutput.Types"/> adds its relaxed escaping), so every verb's
/// JSON reads like the report. No reflection: the native executable has none. A verb that prints a new document
/// declares it as a record beside its code and adds it here.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditCommand.Verdict))]
[JsonSerializable(typeof(BackupRecord))]
[JsonSerializable(typeof(BackupStatus))]
[JsonSerializable(typeof(ConfirmCommand.Result))]
[JsonSerializable(typeof(EvidenceVerification))]
[JsonSerializable(typeof(ScoreCommand.Scored))]
[JsonSerializable(typeof(SecretsRotatedCommand.Rotated))]
[JsonSerializable(typeof(SecretsScanCommand.Scan))]
[JsonSerializable(typeof(List<SkillsHashCommand.FolderHash>))]
[JsonSerializable(typeof(SkillsRestoreCommand.Restore))]
[JsonSerializable(typeof(SuspendRecord))]
[JsonSerializable(typeof(SuspendCommand.Resume))]
[JsonSerializable(typeof(ValidateCommand.Validation))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>
/// <c>skills audit --output json</c>: web names, indented, nulls left out, with the standard escaping (it has
/// always printed that way, unlike the other verbs).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IEnumerable<SkillsAuditCommand.Audited>))]
internal sealed partial class SkillsAuditJsonContext : JsonSerializerContext;
