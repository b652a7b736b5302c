using System.Globalization;
using System.Text;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>White space, comments and identifiers, as JSON5 takes them from ECMAScript 5.1.</summary>
internal sealed partial class Json5Reader
{
    private void SkipSpace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (IsSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_pos < _text.Length && !IsLineTerminator(_text[_pos]))
                {
                    _pos++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("a /* comment is never closed");
                }

                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    public static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    /// <summary>JSON5 white space: tab, vertical tab, form feed, space, no-break space, BOM, line terminators, any Zs.</summary>
    public static bool IsSpace(char c) =>
        c is '\t' or '\v' or '\f' or ' ' or '\u00A0' or '\uFEFF' || IsLineTerminator(c)
        || (c > 0x7f && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator);

    /// <summary>An ECMAScript 5.1 IdentifierName, with \uXXXX escapes.</summary>
    private string ReadIdentifier()
    {
        var start = _pos;
        var builder = new StringBuilder();
        while (_pos < _text.Length)
        {
            int code;
            var width = 1;
            if (_text[_pos] == '\\')
            {
                if (Peek(1) != 'u')
                {
                    throw Error("only \\u escapes may appear in a key");
                }

                _pos += 2;
                code = Hex(4);
                width = 0;
            }
            else if (char.IsHighSurrogate(_text[_pos]) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]))
            {
                code = char.ConvertToUtf32(_text[_pos], _text[_pos + 1]);
                width = 2;
            }
            else
            {
                code = _text[_pos];
            }

            var first = builder.Length == 0;
            if (!(first ? IsIdentifierStart(code) : IsIdentifierPart(code)))
            {
                if (width == 0)
                {
                    throw Error("the escape does not stand for a character allowed in a key");
                }

                break;
            }

            builder.Append(char.ConvertFromUtf32(code));
            _pos += width;
        }

        if (builder.Length == 0)
        {
            throw Error(start, _pos >= _text.Length ? "the text ends where a key or value was expected" : "unexpected character");
        }

        return builder.ToString();
    }

    public static bool IsIdentifierStart(int code) =>
        code is '$' or '_' || (code < 0x80 ? char.IsAsciiLetter((char)code) : Category(code) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber);

    public static bool IsIdentifierPart(int code) =>
        IsIdentifierStart(code) || code is 0x200C or 0x200D || (code < 0x80 ? char.IsAsciiDigit((char)code) : Category(code) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation);

    private static UnicodeCategory Category(int code) =>
        code is >= 0xD800 and <= 0xDFFF ? UnicodeCategory.Surrogate : CharUnicodeInfo.GetUnicodeCategory(code);

    /// <summary>True when <paramref name="name"/> can be written as an unquoted key.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i += char.IsSurrogatePair(name, i) ? 2 : 1)
        {
            var code = char.IsSurrogatePair(name, i) ? char.ConvertToUtf32(name, i) : name[i];
            if (!(i == 0 ? IsIdentifierStart(code) : IsIdentifierPart(code)))
            {
                return false;
            }
        }

        return !Reserved.Contains(name);
    }

    /// <summary>Words a careful writer quotes, although JSON5 would accept them as keys.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "true", "false", "null", "Infinity", "NaN" };
}
