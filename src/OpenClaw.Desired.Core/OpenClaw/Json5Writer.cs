using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>
/// How a file writes its JSON: indent unit, line ending, quote character, unquoted keys, one-line arrays.
/// New text follows the file's own habits, so an added key looks like its neighbours.
/// </summary>
internal sealed record Json5Style(string Indent, string NewLine, char Quote, bool UnquotedKeys, bool InlineArrays)
{
    /// <summary>OpenClaw's own: <c>JSON.stringify(config, null, 2)</c>.</summary>
    public static readonly Json5Style Default = new("  ", "\n", '"', false, false);

    public static Json5Style Detect(string text, Json5Syntax root)
    {
        string? indent = null;
        int doubleQuotes = 0, singleQuotes = 0, quotedKeys = 0, bareKeys = 0, inlineArrays = 0, blockArrays = 0;

        void Visit(Json5Syntax node)
        {
            switch (node)
            {
                case Json5Scalar { Quote: '"' }:
                    doubleQuotes++;
                    break;
                case Json5Scalar { Quote: '\'' }:
                    singleQuotes++;
                    break;
                case Json5Object o:
                    indent ??= o.Members.Count > 0 ? IndentStep(text, o.Start, o.Members[0].KeyStart) : null;
                    foreach (var member in o.Members)
                    {
                        if (!member.KeyQuoted)
                        {
                            bareKeys++;
                        }
                        else
                        {
                            quotedKeys++;
                            _ = text[member.KeyStart] == '"' ? doubleQuotes++ : singleQuotes++;
                        }

                        Visit(member.Value);
                    }

                    break;
                case Json5Array a:
                    indent ??= a.Items.Count > 0 ? IndentStep(text, a.Start, a.Items[0].Value.Start) : null;
                    // Arrays of scalars tell the habit; arrays of objects are on several lines in any style.
                    if (a.Items.Count > 0 && a.Items.All(i => i.Value is Json5Scalar))
                    {
                        _ = Json5Text.SingleLine(text, a) ? inlineArrays++ : blockArrays++;
                    }

                    foreach (var item in a.Items)
                    {
                        Visit(item.Value);
                    }

                    break;
            }
        }

        Visit(root);
        return new Json5Style(
            string.IsNullOrEmpty(indent) ? Default.Indent : indent,
            text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n",
            singleQuotes > doubleQuotes ? '\'' : '"',
            bareKeys > quotedKeys,
            inlineArrays > blockArrays);
    }

    /// <summary>The indentation a container's first member adds to the container's line, when it starts its own line.</summary>
    private static string? IndentStep(string text, int container, int firstMember)
    {
        if (!Json5Text.StartsLine(text, firstMember))
        {
            return null;
        }

        var outer = Json5Text.LineIndent(text, container);
        var inner = Json5Text.LineIndent(text, firstMember);
        return inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal) ? inner[outer.Length..] : null;
    }
}

/// <summary>Writes nodes as JSON5 text in a file's style. Plain JSON with the default style.</summary>
internal static class Json5Writer
{
    public static string Write(JsonNode? node, Json5Style style, string indent, bool multiline, char? quote = null)
    {
        var builder = new StringBuilder();
        Write(builder, node, style, indent, multiline, quote ?? style.Quote);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node, Json5Style style, string indent, bool multiline, char quote)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject o when o.Count == 0:
                builder.Append("{}");
                break;
            case JsonArray a when a.Count == 0:
                builder.Append("[]");
                break;
            case JsonObject o:
                WriteEntries(builder, '{', '}', o.Select(p => ((string?)Key(p.Key, style), p.Value)), style, indent, multiline, quote);
                break;
            case JsonArray a:
                var inline = !multiline || (style.InlineArrays && a.All(v => v is not JsonObject and not JsonArray));
                WriteEntries(builder, '[', ']', a.Select(v => ((string?)null, v)), style, indent, !inline, quote);
                break;
            case JsonValue v:
                builder.Append(Scalar(v, quote));
                break;
        }
    }

    private static void WriteEntries(StringBuilder builder, char open, char close, IEnumerable<(string? Key, JsonNode? Value)> entries, Json5Style style, string indent, bool multiline, char quote)
    {
        var inner = indent + style.Indent;
        builder.Append(open);
        var first = true;
        foreach (var (key, value) in entries)
        {
            builder.Append(first ? string.Empty : ",");
            builder.Append(multiline ? style.NewLine + inner : first ? string.Empty : " ");
            if (key is not null)
            {
                builder.Append(key).Append(": ");
            }

            Write(builder, value, style, inner, multiline, quote);
            first = false;
        }

        builder.Append(multiline ? style.NewLine + indent : string.Empty).Append(close);
    }

    public static string Key(string key, Json5Style style) =>
        style.UnquotedKeys && Json5Reader.IsIdentifier(key) ? key : Quote(key, style.Quote);

    public static string Scalar(JsonValue value, char quote) => value.GetValueKind() switch
    {
        JsonValueKind.String => Quote(value.GetValue<string>(), quote),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => Number(value),
        _ => "null",
    };

    private static string Number(JsonValue value)
    {
        if (value.TryGetValue<long>(out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        var real = JsonNodes.Double(value);
        return double.IsNaN(real) ? "NaN"
            : double.IsPositiveInfinity(real) ? "Infinity"
            : double.IsNegativeInfinity(real) ? "-Infinity"
            : real.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string Quote(string text, char quote)
    {
        var builder = new StringBuilder(text.Length + 2).Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\u2028' or '\u2029': builder.Append($"\\u{(int)c:x4}"); break;
                case < ' ': builder.Append($"\\u{(int)c:x4}"); break;
                default:
                    if (c == quote)
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                    break;
            }
        }

        return builder.Append(quote).ToString();
    }
}
