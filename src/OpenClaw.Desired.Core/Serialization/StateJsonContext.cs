using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Incidents;
using OpenClaw.Desired.Integrity;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Monitoring.Alerts;
using OpenClaw.Desired.Resources.Firewall;
using OpenClaw.Desired.Resources.Skills;
using OpenClaw.Desired.Secrets.Rotation;
using OpenClaw.Desired.Source;

namespace OpenClaw.Desired.Serialization;

/// <summary>
/// JSON metadata, generated at build time, for the record files the reconciler keeps in its state dir (and in
/// /run for firewall changes): web names (camelCase written, read without regard to case), indented, nulls
/// written. No reflection is needed to read or write them, which the native executable requires; the output is
/// byte for byte what the reflection-based serializer wrote with the same options, so older files read as before.
/// A quarantine manifest's seal is computed over these bytes: the options must not change.
/// </summary>
/// <remarks>
/// A new state file: add its root type here. Types it reaches through its properties are generated with it.
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(LockdownRecord))]
[JsonSerializable(typeof(IntegrityBaseline))]
[JsonSerializable(typeof(RotationRecords.RecordsFile))]
[JsonSerializable(typeof(SuspendRecord))]
[JsonSerializable(typeof(LoopStatus))]
[JsonSerializable(typeof(FetchRecord))]
[JsonSerializable(typeof(AppliedRecord))]
[JsonSerializable(typeof(AlertState))]
[JsonSerializable(typeof(MetricCounters))]
[JsonSerializable(typeof(QuarantineManifest))]
[JsonSerializable(typeof(PendingChange))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
