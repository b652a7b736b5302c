using System.Text;
using System.Text.Json.Nodes;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>
/// The smallest edit of a JSON5 text that makes it hold a new tree: values that stayed keep their bytes
/// (comments, spacing, quotes, number forms), a changed value is replaced where it stands, an added key goes
/// on its own line after its last sibling in the file's style, a removed key takes its line with it. The
/// result is read back and compared with the tree; when anything differs the edit is refused (null) and the
/// caller writes the whole document instead.
/// </summary>
internal sealed class Json5Editor
{
    private readonly string _text;
    private readonly Json5Style _style;
    private readonly List<(int Start, int End, string Text)> _edits = [];

    private Json5Editor(string text, Json5Style style)
    {
        _text = text;
        _style = style;
    }

    public static string? Edit(string text, Json5Syntax original, JsonNode? current, Json5Style style)
    {
        var editor = new Json5Editor(text, style);
        editor.Diff(original, current);
        if (editor._edits.Count == 0)
        {
            return text;
        }

        // Applied from the end of the text; of two inserts at one offset the one made first ends up first.
        var ordered = editor._edits.Select((e, i) => (e, i)).OrderByDescending(x => x.e.Start).ThenByDescending(x => x.e.End).ThenByDescending(x => x.i).Select(x => x.e).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].End > ordered[i - 1].Start)
            {
                return null;
            }
        }

        var builder = new StringBuilder(text);
        foreach (var (start, end, replacement) in ordered)
        {
            builder.Remove(start, end - start).Insert(start, replacement);
        }

        var result = builder.ToString();
        try
        {
            return JsonNodes.DeepEquals(Json5Reader.Parse(result).ToNode(), current) ? result : null;
        }
        catch (Json5Exception)
        {
            return null;
        }
    }

    /// <summary>An object member or array element: where its line's content starts, its value, its comma.</summary>
    private sealed record Entry(int Start, Json5Syntax Value, int Comma);

    private void Diff(Json5Syntax old, JsonNode? now)
    {
        switch (old, now)
        {
            case (Json5Object o, JsonObject n):
                DiffObject(o, n);
                break;
            case (Json5Array a, JsonArray n):
                DiffArray(a, n);
                break;
            default:
                if (!JsonNodes.DeepEquals(old.ToNode(), now))
                {
                    Replace(old, now, multiline: old is Json5Scalar || !Json5Text.SingleLine(_text, old));
                }

                break;
        }
    }

    private void DiffObject(Json5Object old, JsonObject now)
    {
        // Duplicate names: the last one is the value; earlier ones go only when the key goes.
        var last = new Dictionary<string, Json5Member>(StringComparer.Ordinal);
        foreach (var member in old.Members)
        {
            last[member.Key] = member;
        }

        var removed = Enumerable.Range(0, old.Members.Count).Where(i => !now.ContainsKey(old.Members[i].Key)).ToHashSet();
        var added = now.Where(p => !last.ContainsKey(p.Key)).ToList();
        if (removed.Count > 0 || added.Count > 0)
        {
            var entries = old.Members.Select(m => new Entry(m.KeyStart, m.Value, m.Comma)).ToList();
            if (entries.Count == 0 || !OwnsLines(old, entries))
            {
                Replace(old, now, multiline: entries.Count == 0 || !Json5Text.SingleLine(_text, old));
                return;
            }

            var indent = Json5Text.LineIndent(_text, entries[0].Start);
            var local = _style with { UnquotedKeys = old.Members.Count(m => !m.KeyQuoted) * 2 > old.Members.Count };
            EditEntries(old, entries, removed, added.Select(p => Json5Writer.Key(p.Key, local) + ": " + Json5Writer.Write(p.Value, _style, indent, multiline: true)).ToList());
        }

        foreach (var (key, member) in last)
        {
            if (now.TryGetPropertyValue(key, out var value))
            {
                Diff(member.Value, value);
            }
        }
    }

    private void DiffArray(Json5Array old, JsonArray now)
    {
        if (old.Items.Count == now.Count)
        {
            for (var i = 0; i < now.Count; i++)
            {
                Diff(old.Items[i].Value, now[i]);
            }

            return;
        }

        var entries = old.Items.Select(i => new Entry(i.Value.Start, i.Value, i.Comma)).ToList();
        if (entries.Count == 0 || !OwnsLines(old, entries))
        {
            Replace(old, now, multiline: entries.Count == 0 || !Json5Text.SingleLine(_text, old));
            return;
        }

        // Items that stay keep their lines; items gone lose theirs; new ones follow the last.
        var removed = new HashSet<int>();
        var next = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (next < now.Count && JsonNodes.DeepEquals(old.Items[i].Value.ToNode(), now[next]))
            {
                next++;
            }
            else
            {
                removed.Add(i);
            }
        }

        var indent = Json5Text.LineIndent(_text, entries[0].Start);
        EditEntries(old, entries, removed, now.Skip(next).Select(v => Json5Writer.Write(v, _style, indent, multiline: true)).ToList());
    }

    /// <summary>Removes and appends whole lines of a container whose every entry sits on lines of its own.</summary>
    private void EditEntries(Json5Syntax container, List<Entry> entries, HashSet<int> removed, List<string> added)
    {
        var trailingComma = entries[^1].Comma >= 0;
        foreach (var index in removed)
        {
            var end = LineEnd(entries[index]);
            _edits.Add((Json5Text.LineStart(_text, entries[index].Start), end + Json5Text.TerminatorLength(_text, end), string.Empty));
        }

        var survivors = entries.Where((_, i) => !removed.Contains(i)).ToList();
        var indent = Json5Text.LineIndent(_text, entries[0].Start);
        if (added.Count > 0)
        {
            var body = string.Concat(added.Select((text, i) => _style.NewLine + indent + text + (i < added.Count - 1 || trailingComma ? "," : string.Empty)));
            if (survivors.Count == 0)
            {
                _edits.Add((Json5Text.RestOfLine(_text, container.Start + 1), Json5Text.RestOfLine(_text, container.Start + 1), body));
                return;
            }

            var last = survivors[^1];
            if (last.Comma < 0)
            {
                _edits.Add((last.Value.End, last.Value.End, ","));
            }

            _edits.Add((LineEnd(last), LineEnd(last), body));
        }
        else if (!trailingComma && survivors.Count > 0 && survivors[^1].Comma >= 0)
        {
            _edits.Add((survivors[^1].Comma, survivors[^1].Comma + 1, string.Empty));
        }
    }

    /// <summary>The bracket's line ends after it, every entry starts a line and ends one, the closing bracket starts one.</summary>
    private bool OwnsLines(Json5Syntax container, List<Entry> entries) =>
        Json5Text.RestOfLine(_text, container.Start + 1) >= 0
        && entries.All(e => Json5Text.StartsLine(_text, e.Start) && LineEnd(e) >= 0)
        && Json5Text.StartsLine(_text, container.End - 1);

    /// <summary>The line terminator after an entry's value, comma and trailing comment; -1 when more follows on its line.</summary>
    private int LineEnd(Entry entry)
    {
        if (entry.Comma >= 0)
        {
            for (var i = entry.Value.End; i < entry.Comma; i++)
            {
                if (Json5Reader.IsLineTerminator(_text[i]))
                {
                    return -1;
                }
            }
        }

        return Json5Text.RestOfLine(_text, entry.Comma >= 0 ? entry.Comma + 1 : entry.Value.End);
    }

    private void Replace(Json5Syntax old, JsonNode? now, bool multiline)
    {
        var quote = old is Json5Scalar { Quote: not '\0' } scalar ? scalar.Quote : (char?)null;
        _edits.Add((old.Start, old.End, Json5Writer.Write(now, _style, Json5Text.LineIndent(_text, old.Start), multiline, quote)));
    }
}
