using System.Globalization;
using System.Text;

namespace OpenClaw.Desired.Tests.OpenClaw;

/// <summary>
/// Random JSON5 documents in random styles, for property tests: indentation, line endings, quoting, unquoted
/// keys, trailing commas, comments before and after members, inline and block containers, every number form.
/// The same seed gives the same document.
/// </summary>
public sealed class Json5Fuzz(int seed)
{
    private readonly Random _rng = new(seed);
    private string _indent = "  ";
    private string _newLine = "\n";
    private bool _continuations;

    /// <summary>A document with a root object; <paramref name="continuations"/> allows strings split over lines.</summary>
    public string Document(bool continuations = false)
    {
        _continuations = continuations;
        _indent = Pick("  ", "    ", "\t", " ");
        _newLine = _rng.Next(4) == 0 ? "\r\n" : "\n";
        var text = new StringBuilder();
        if (_rng.Next(3) == 0)
        {
            text.Append("// header comment").Append(_newLine);
        }

        Object(text, string.Empty, depth: 0, block: true);
        text.Append(_rng.Next(4) == 0 ? string.Empty : _newLine);
        return text.ToString();
    }

    private string Pick(params string[] options) => options[_rng.Next(options.Length)];

    private void Object(StringBuilder text, string indent, int depth, bool block)
    {
        var count = _rng.Next(depth == 0 ? 2 : 0, 6);
        var keys = Enumerable.Range(0, count).Select(i => Key(i)).ToList();
        Container(text, '{', '}', indent, depth, block, count, (i, inner) =>
        {
            text.Append(keys[i]).Append(Pick(": ", ":", " : "));
            Value(text, inner, depth + 1, block);
        });
    }

    private void Array(StringBuilder text, string indent, int depth, bool block)
    {
        var count = _rng.Next(0, 5);
        Container(text, '[', ']', indent, depth, block, count, (_, inner) => Value(text, inner, depth + 1, block));
    }

    private void Container(StringBuilder text, char open, char close, string indent, int depth, bool block, int count, Action<int, string> entry)
    {
        var inner = indent + _indent;
        text.Append(open);
        var trailing = _rng.Next(3) == 0;
        for (var i = 0; i < count; i++)
        {
            if (block)
            {
                text.Append(_newLine);
                if (_rng.Next(6) == 0)
                {
                    text.Append(inner).Append(Pick("// about the next one", "/* a block comment */")).Append(_newLine);
                }

                text.Append(inner);
            }
            else if (i > 0)
            {
                text.Append(' ');
            }

            entry(i, inner);
            if (i < count - 1 || trailing)
            {
                text.Append(',');
            }

            if (block && _rng.Next(5) == 0)
            {
                text.Append(Pick(" // trailing note", "  /* note */"));
            }
        }

        if (block && count > 0)
        {
            text.Append(_newLine).Append(indent);
        }

        text.Append(close);
    }

    private string Key(int index)
    {
        var name = Pick("alpha", "beta", "gamma", "déjà", "$dollar", "_under", "with space", "a-b", "x") + index.ToString(CultureInfo.InvariantCulture);
        var bare = !name.Contains(' ') && !name.Contains('-') && _rng.Next(2) == 0;
        return bare ? name : Pick("\"", "'") is var q ? q + name + q : name;
    }

    /// <summary>A value; inside a one-line container every container is one line too.</summary>
    private void Value(StringBuilder text, string indent, int depth, bool blockAllowed)
    {
        var choice = _rng.Next(depth > 3 ? 6 : 9);
        switch (choice)
        {
            case 0 or 1:
                text.Append(String());
                break;
            case 2 or 3:
                text.Append(Number());
                break;
            case 4:
                text.Append(Pick("true", "false"));
                break;
            case 5:
                text.Append("null");
                break;
            case 6 or 7:
                Object(text, indent, depth, block: blockAllowed && _rng.Next(3) != 0);
                break;
            default:
                Array(text, indent, depth, block: blockAllowed && _rng.Next(2) == 0);
                break;
        }
    }

    private string String()
    {
        var body = Pick("plain", "it's", "say \\\"hi\\\"", "tab\\there", "\\u00e9t\\xe9", "ünïcödé", "a\\\\b", "", "${VAR}");
        if (_continuations && _rng.Next(5) == 0)
        {
            body += "\\" + _newLine + "continued";
        }

        return body.Contains('\'') ? "\"" + body + "\"" : Pick("\"", "'") is var q ? q + body + q : body;
    }

    private string Number() => Pick("0", "1", "-7", "+3", "0x1F", "-0xff", ".5", "5.", "1e3", "-2.5E-3", "Infinity", "-Infinity", "NaN", "123456789", "3.14159");
}
