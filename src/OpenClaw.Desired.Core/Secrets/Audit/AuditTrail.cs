using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Secrets.Audit;

/// <summary>
/// The append-only, hash-chained record of secret operations in <c>&lt;state&gt;/audit/secrets.jsonl</c> (0600).
/// Each line is fsynced; a <c>head</c> file beside it holds the last sequence number and hash, so removing
/// entries from the end is noticed as well. Callers hold the run lock, so appends never interleave.
/// </summary>
public sealed class AuditTrail(string directory, TimeProvider clock)
{
    public const string FileName = "secrets.jsonl";
    public const string HeadName = "head";
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private (long Seq, string Hash)? _last;

    public string Path => System.IO.Path.Combine(directory, FileName);

    public string HeadPath => System.IO.Path.Combine(directory, HeadName);

    public static AuditTrail For(StateDirectory state, TimeProvider clock) => new(System.IO.Path.Combine(state.Path, "audit"), clock);

    public AuditEntry Append(string run, string op, string? name = null, string? fingerprint = null, string? location = null, string? detail = null)
    {
        var (seq, prev) = _last ??= ReadLast();
        var entry = new AuditEntry
        {
            Seq = seq + 1,
            At = clock.GetUtcNow(),
            Run = run,
            Op = op,
            Name = name,
            Fingerprint = fingerprint,
            Location = location,
            Detail = detail,
            Prev = prev,
        };
        entry = entry with { Hash = HashOf(entry) };
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using (var stream = new FileStream(Path, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, JournalJsonContext.Default.AuditEntry) + "\n"));
            stream.Flush(flushToDisk: true);
        }

        AtomicFile.Write(HeadPath, Encoding.UTF8.GetBytes($"{entry.Seq} {entry.Hash}\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _last = (entry.Seq, entry.Hash!);
        return entry;
    }

    /// <summary>sha256 of the previous hash and this entry's JSON without its own hash.</summary>
    public static string HashOf(AuditEntry entry) =>
        Hashing.Sha256Hex(entry.Prev + "\n" + JsonSerializer.Serialize(entry with { Hash = null }, JournalJsonContext.Default.AuditEntry));

    private (long, string) ReadLast()
    {
        if (!File.Exists(Path))
        {
            return (0, Genesis);
        }

        var last = File.ReadLines(Path).LastOrDefault(l => l.Length > 0);
        if (last is null)
        {
            return (0, Genesis);
        }

        var entry = JsonSerializer.Deserialize(last, JournalJsonContext.Default.AuditEntry)!;
        return (entry.Seq, entry.Hash ?? Genesis);
    }
}
