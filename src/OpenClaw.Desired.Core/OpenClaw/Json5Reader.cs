using System.Text;
using System.Text.Json.Nodes;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>
/// A reader of JSON5 (https://spec.json5.org, version 1.0.0) that keeps where every value sits in the text:
/// comments, trailing commas, unquoted (ECMAScript identifier) keys, single-quoted strings with every escape
/// and line continuations, hexadecimal numbers, leading and trailing decimal points, an explicit plus sign,
/// Infinity and NaN, and the whole set of JSON5 white space. Nesting is limited so hostile input cannot
/// exhaust the stack; every error names a line and column and never quotes the text.
/// </summary>
internal sealed partial class Json5Reader
{
    public const int MaxDepth = 256;
    private readonly string _text;
    private int _pos;
    private int _depth;

    private Json5Reader(string text) => _text = text;

    /// <summary>Reads one JSON5 value (any kind) that fills the whole text, comments and white space aside.</summary>
    public static Json5Syntax Parse(string text)
    {
        var reader = new Json5Reader(text);
        reader.SkipSpace();
        if (reader._pos >= text.Length)
        {
            throw reader.Error("the text holds no value");
        }

        var value = reader.ReadValue();
        reader.SkipSpace();
        if (reader._pos < text.Length)
        {
            throw reader.Error("unexpected content after the value");
        }

        return value;
    }

    private Json5Syntax ReadValue()
    {
        if (_pos >= _text.Length)
        {
            throw Error("the text ends where a value was expected");
        }

        var c = _text[_pos];
        return c switch
        {
            '{' => ReadObject(),
            '[' => ReadArray(),
            '"' or '\'' => ReadStringValue(),
            _ when c is '+' or '-' or '.' or (>= '0' and <= '9') => ReadNumber(),
            _ => ReadLiteral(),
        };
    }

    private Json5Object ReadObject()
    {
        var start = _pos++;
        Enter();
        var members = new List<Json5Member>();
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                break;
            }

            var keyStart = _pos;
            var (key, quoted) = ReadKey();
            SkipSpace();
            Expect(':', "a colon after the key");
            SkipSpace();
            var value = ReadValue();
            SkipSpace();
            if (Peek() == ',')
            {
                members.Add(new Json5Member(key, keyStart, quoted, value, _pos++));
                continue;
            }

            members.Add(new Json5Member(key, keyStart, quoted, value, -1));
            SkipSpace();
            if (Peek() != '}')
            {
                throw Error("expected a comma or '}' after the value");
            }

            break;
        }

        _pos++;
        _depth--;
        return new Json5Object(start, _pos, members);
    }

    private Json5Array ReadArray()
    {
        var start = _pos++;
        Enter();
        var items = new List<Json5Item>();
        while (true)
        {
            SkipSpace();
            if (Peek() == ']')
            {
                break;
            }

            var value = ReadValue();
            SkipSpace();
            if (Peek() == ',')
            {
                items.Add(new Json5Item(value, _pos++));
                continue;
            }

            items.Add(new Json5Item(value, -1));
            if (Peek() != ']')
            {
                throw Error("expected a comma or ']' after the value");
            }

            break;
        }

        _pos++;
        _depth--;
        return new Json5Array(start, _pos, items);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nested more than {MaxDepth} levels deep");
        }
    }

    private (string Key, bool Quoted) ReadKey()
    {
        var c = Peek();
        if (c is '"' or '\'')
        {
            return (ReadString(), true);
        }

        if (c == '\0' && _pos >= _text.Length)
        {
            throw Error("the text ends inside an object");
        }

        return (ReadIdentifier(), false);
    }

    private Json5Scalar ReadStringValue()
    {
        var start = _pos;
        var quote = _text[_pos];
        var value = ReadString();
        return new Json5Scalar(start, _pos, JsonValue.Create(value), quote);
    }

    private string ReadString()
    {
        var quote = _text[_pos++];
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("the text ends inside a string");
            }

            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                return builder.ToString();
            }

            if (c is '\n' or '\r')
            {
                throw Error("a string cannot span lines (end the line with a backslash to continue it)");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _pos++;
                continue;
            }

            _pos++;
            ReadEscape(builder);
        }
    }

    private void ReadEscape(StringBuilder builder)
    {
        if (_pos >= _text.Length)
        {
            throw Error("the text ends inside an escape");
        }

        var c = _text[_pos++];
        switch (c)
        {
            case 'b': builder.Append('\b'); break;
            case 'f': builder.Append('\f'); break;
            case 'n': builder.Append('\n'); break;
            case 'r': builder.Append('\r'); break;
            case 't': builder.Append('\t'); break;
            case 'v': builder.Append('\v'); break;
            case '0':
                if (char.IsAsciiDigit(Peek()))
                {
                    throw Error("\\0 may not be followed by a digit");
                }

                builder.Append('\0');
                break;
            case 'x': builder.Append((char)Hex(2)); break;
            case 'u': builder.Append((char)Hex(4)); break;
            case '\r':
                // A line continuation: the backslash and the line break are dropped.
                if (Peek() == '\n')
                {
                    _pos++;
                }

                break;
            case '\n' or '\u2028' or '\u2029':
                break;
            case >= '1' and <= '9':
                _pos--;
                throw Error("a digit cannot be escaped");
            default:
                // Any other character stands for itself (\' \" \\ \/ and the rest).
                builder.Append(c);
                break;
        }
    }

    private int Hex(int digits)
    {
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            var c = Peek();
            if (!char.IsAsciiHexDigit(c))
            {
                throw Error($"expected {digits} hexadecimal digits");
            }

            value = (value * 16) + Convert.ToInt32(c.ToString(), 16);
            _pos++;
        }

        return value;
    }

    private Json5Scalar ReadLiteral()
    {
        var start = _pos;
        var word = ReadIdentifier();
        JsonNode? value = word switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" => null,
            "Infinity" => JsonValue.Create(double.PositiveInfinity),
            "NaN" => JsonValue.Create(double.NaN),
            _ => throw Error(start, "expected a value (an object, array, string, number, true, false or null)"),
        };
        return new Json5Scalar(start, _pos, value);
    }

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private void Expect(char c, string what)
    {
        if (Peek() != c)
        {
            throw Error($"expected {what}");
        }

        _pos++;
    }

    private Json5Exception Error(string problem) => Error(_pos, problem);

    private Json5Exception Error(int at, string problem)
    {
        var (line, column) = Position(_text, at);
        return new Json5Exception(problem, line, column);
    }

    /// <summary>1-based line and column of an offset; every JSON5 line terminator ends a line.</summary>
    public static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
