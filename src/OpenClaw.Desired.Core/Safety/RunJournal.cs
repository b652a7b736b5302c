using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// Append-only, fsynced record of a run's steps. A run killed at any point leaves a journal whose last
/// complete line says how far it got; a torn last line is ignored on read.
/// </summary>
public sealed class RunJournal : IDisposable
{
    public const string FileName = "journal.jsonl";
    private readonly FileStream _stream;
    private readonly TimeProvider _clock;
    private readonly TestHold? _hold;
    private readonly Dictionary<string, int> _eventCounts = [];
    private long _seq;

    private RunJournal(string path, TimeProvider clock, TestHold? hold)
    {
        Path = path;
        _clock = clock;
        _hold = hold;
        _stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }

    public string Path { get; }

    public static RunJournal Create(string runDirectory, TimeProvider clock) =>
        new(System.IO.Path.Combine(runDirectory, FileName), clock, TestHold.FromEnvironment(runDirectory));

    /// <summary>Opens an earlier run's journal to append to it (recovery closes it), numbering on from its last line.</summary>
    public static RunJournal Reopen(string path, TimeProvider clock, long lastSeq) =>
        new(path, clock, null) { _seq = lastSeq };

    public JournalEntry Append(JournalEntry entry)
    {
        var stamped = entry with { Seq = ++_seq, At = _clock.GetUtcNow() };
        var line = JsonSerializer.Serialize(stamped, JournalJsonContext.Default.JournalEntry) + "\n";
        _stream.Write(Encoding.UTF8.GetBytes(line));
        _stream.Flush(flushToDisk: true);
        _eventCounts[stamped.Event] = _eventCounts.GetValueOrDefault(stamped.Event) + 1;
        _hold?.MaybeHold(stamped.Event, _eventCounts[stamped.Event]);
        return stamped;
    }

    /// <summary>A point between journal lines where crash tests may stop the run (no line is written).</summary>
    public void Checkpoint(string name)
    {
        _eventCounts[name] = _eventCounts.GetValueOrDefault(name) + 1;
        _hold?.MaybeHold(name, _eventCounts[name]);
    }

    public JournalEntry Append(string eventName) =>
        Append(new JournalEntry { Event = eventName });

    public static IReadOnlyList<JournalEntry> Read(string path)
    {
        var entries = new List<JournalEntry>();
        if (!File.Exists(path))
        {
            return entries;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, JournalJsonContext.Default.JournalEntry) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // A torn last line from a crash mid-append carries no completed step.
                break;
            }
        }

        return entries;
    }

    public void Dispose() => _stream.Dispose();
}
