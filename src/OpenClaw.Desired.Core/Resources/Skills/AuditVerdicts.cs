using System.Text.Json;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Skills.Audit;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>
/// The skill audit's verdicts by content: a skill whose content hash, folder name and audit rules are those of
/// a verdict kept from an earlier run is not audited again. The rules (built-in rules, signals and IOC list) are
/// named by the build of this assembly (its MVID, which changes with any change to them), so a new version audits
/// everything afresh. Kept in the state dir (root's, never the agent's), written only by applying runs, and only
/// when the set of verdicts changed; a dry run reads it and writes nothing. What the walk finds beside the content
/// (FIFOs, devices, limits reached) is never kept: it is found again on every run.
/// </summary>
internal sealed class AuditVerdicts
{
    public const string FileName = "skill-audits.json";

    private readonly Dictionary<string, (string Hash, string Name, ValueList<AuditFinding> Findings, long Bytes)> _kept;
    private readonly Dictionary<string, (string Hash, string Name, ValueList<AuditFinding> Findings, long Bytes)> _used = new(StringComparer.Ordinal);

    private AuditVerdicts(Dictionary<string, (string, string, ValueList<AuditFinding>, long)> kept)
    {
        _kept = kept;
    }

    /// <summary>The version verdicts are kept under: this build of the audit.</summary>
    public static string RulesVersion { get; } = typeof(AuditVerdicts).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static string PathIn(string stateDir) => Path.Combine(stateDir, "cache", FileName);

    /// <summary>The verdicts kept in a state dir; none when there is no state dir, no file, another version or a file that does not read.</summary>
    public static AuditVerdicts Load(string? stateDir)
    {
        var kept = new Dictionary<string, (string, string, ValueList<AuditFinding>, long)>(StringComparer.Ordinal);
        if (stateDir is null || !File.Exists(PathIn(stateDir)))
        {
            return new AuditVerdicts(kept);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(PathIn(stateDir)));
            var root = document.RootElement;
            if (root.GetProperty("version").GetString() != RulesVersion)
            {
                return new AuditVerdicts(kept);
            }

            foreach (var skill in root.GetProperty("skills").EnumerateArray())
            {
                var hash = skill.GetProperty("hash").GetString()!;
                var name = skill.GetProperty("name").GetString()!;
                var findings = skill.GetProperty("findings").EnumerateArray().Select(ReadFinding).ToValueList();
                kept[Key(hash, name)] = (hash, name, findings, skill.GetProperty("bytes").GetInt64());
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            kept.Clear();
        }

        return new AuditVerdicts(kept);
    }

    /// <summary>The kept audit of a skill with this content hash and folder name, shown as <paramref name="shownAs"/>; null when none is kept.</summary>
    public SkillAudit? Find(string hash, string name, string shownAs) =>
        _kept.TryGetValue(Key(hash, name), out var kept) ? new SkillAudit(shownAs, kept.Findings, kept.Bytes) : null;

    /// <summary>Notes the verdict of a skill seen in this run (audited or found kept), for <see cref="Save"/>; from one thread.</summary>
    public void Record(string hash, string name, SkillAudit audit) => _used[Key(hash, name)] = (hash, name, audit.Findings, audit.BytesScanned);

    /// <summary>Keeps the verdicts of the skills seen in this run, atomically, when they differ from those kept; best effort.</summary>
    public void Save(string stateDir)
    {
        if (_used.Count == _kept.Count && _used.Keys.All(_kept.ContainsKey))
        {
            return;
        }

        try
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("version", RulesVersion);
                writer.WriteStartArray("skills");
                foreach (var (_, (hash, name, findings, bytes)) in _used.OrderBy(u => u.Key, StringComparer.Ordinal))
                {
                    writer.WriteStartObject();
                    writer.WriteString("hash", hash);
                    writer.WriteString("name", name);
                    writer.WriteNumber("bytes", bytes);
                    writer.WriteStartArray("findings");
                    foreach (var finding in findings)
                    {
                        WriteFinding(writer, finding);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            var path = PathIn(stateDir);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Safety.AtomicFile.Write(path, buffer.WrittenSpan, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full or read-only state dir costs the next run an audit, nothing more.
        }
    }

    private static string Key(string hash, string name) => hash + "\0" + name;

    private static void WriteFinding(Utf8JsonWriter writer, AuditFinding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("file", finding.File);
        writer.WriteNumber("line", finding.Line);
        writer.WriteString("rule", finding.Rule);
        writer.WriteNumber("severity", (int)finding.Severity);
        writer.WriteString("why", finding.Why);
        writer.WriteString("id", finding.Id);
        writer.WriteStartArray("evidence");
        foreach (var evidence in finding.Evidence)
        {
            writer.WriteStringValue(evidence);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static AuditFinding ReadFinding(JsonElement element) =>
        new(element.GetProperty("file").GetString()!, element.GetProperty("line").GetInt32(), element.GetProperty("rule").GetString()!,
            (AuditSeverity)element.GetProperty("severity").GetInt32(), element.GetProperty("why").GetString()!)
        {
            Id = element.GetProperty("id").GetString()!,
            Evidence = element.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToValueList(),
        };
}
