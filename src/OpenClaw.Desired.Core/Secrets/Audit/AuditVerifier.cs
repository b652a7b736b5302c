using System.Text.Json;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Secrets.Audit;

/// <summary>The verdict on a trail: intact with N entries, or broken at an entry with the reason.</summary>
public sealed record AuditVerification(bool Intact, long Entries, long? BrokenAt, string Message);

/// <summary>Walks the chain: each entry's hash, its link to the previous one, gap-free numbering, and the head.</summary>
public static class AuditVerifier
{
    public static AuditVerification Verify(AuditTrail trail)
    {
        if (!File.Exists(trail.Path))
        {
            return File.Exists(trail.HeadPath)
                ? new AuditVerification(false, 0, 1, "the audit trail is missing but its head says it had entries")
                : new AuditVerification(true, 0, null, "no audit trail yet (no secret operation so far)");
        }

        var prev = AuditTrail.Genesis;
        long seq = 0;
        foreach (var line in File.ReadLines(trail.Path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var expected = seq + 1;
            AuditEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize(line, JournalJsonContext.Default.AuditEntry);
            }
            catch (JsonException)
            {
                return Broken(expected, "is not a readable entry");
            }

            if (entry is null)
            {
                return Broken(expected, "is empty");
            }

            if (entry.Seq != expected)
            {
                return Broken(expected, entry.Seq > expected ? $"is missing (the next entry is number {entry.Seq})" : $"is out of order (numbered {entry.Seq})");
            }

            if (entry.Prev != prev)
            {
                return Broken(expected, "does not follow the entry before it (an entry before it was changed or removed)");
            }

            if (entry.Hash != AuditTrail.HashOf(entry))
            {
                return Broken(expected, "was changed after it was written (its hash does not match)");
            }

            prev = entry.Hash;
            seq = expected;
        }

        var head = ReadHead(trail.HeadPath);
        if (head is { } h && (h.Seq != seq || h.Hash != prev))
        {
            return h.Seq > seq
                ? Broken(seq + 1, $"is missing: the trail ends at entry {seq} but its head says {h.Seq}")
                : Broken(h.Seq, "does not match the head the trail recorded");
        }

        return new AuditVerification(true, seq, null, $"audit trail intact: {seq} entries");
    }

    private static AuditVerification Broken(long entry, string what) =>
        new(false, entry - 1, entry, $"audit trail broken at entry {entry}: it {what}");

    private static (long Seq, string Hash)? ReadHead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var parts = File.ReadAllText(path).Trim().Split(' ');
        return parts.Length == 2 && long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var seq) ? (seq, parts[1]) : null;
    }
}
