using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>JSON5 numbers: signs, hexadecimal, leading and trailing decimal points, exponents, Infinity and NaN; no octal.</summary>
internal sealed partial class Json5Reader
{
    private Json5Scalar ReadNumber()
    {
        var start = _pos;
        var negative = false;
        if (Peek() is '+' or '-')
        {
            negative = _text[_pos++] == '-';
        }

        if (Peek() is 'I' or 'N')
        {
            var word = ReadIdentifier();
            return word switch
            {
                "Infinity" => new Json5Scalar(start, _pos, JsonValue.Create(negative ? double.NegativeInfinity : double.PositiveInfinity)),
                "NaN" => new Json5Scalar(start, _pos, JsonValue.Create(double.NaN)),
                _ => throw Error(start, "expected a number"),
            };
        }

        if (Peek() == '0' && Peek(1) is 'x' or 'X')
        {
            _pos += 2;
            var digitsStart = _pos;
            while (char.IsAsciiHexDigit(Peek()))
            {
                _pos++;
            }

            if (_pos == digitsStart)
            {
                throw Error("expected hexadecimal digits after 0x");
            }

            var magnitude = BigInteger.Parse("0" + _text[digitsStart.._pos], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            CheckNumberEnd();
            return new Json5Scalar(start, _pos, Number(negative ? -magnitude : magnitude));
        }

        var integerStart = _pos;
        while (char.IsAsciiDigit(Peek()))
        {
            _pos++;
        }

        var integerDigits = _pos - integerStart;
        if (integerDigits > 1 && _text[integerStart] == '0')
        {
            throw Error(integerStart, "a number cannot start with 0 (octal is not JSON5)");
        }

        var isInteger = true;
        var fractionDigits = 0;
        if (Peek() == '.')
        {
            isInteger = false;
            _pos++;
            var fractionStart = _pos;
            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }

            fractionDigits = _pos - fractionStart;
        }

        if (integerDigits == 0 && fractionDigits == 0)
        {
            throw Error(start, "expected a number");
        }

        if (Peek() is 'e' or 'E')
        {
            isInteger = false;
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            var exponentStart = _pos;
            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }

            if (_pos == exponentStart)
            {
                throw Error("expected digits in the exponent");
            }
        }

        CheckNumberEnd();
        var text = _text[start.._pos].TrimStart('+');
        if (isInteger)
        {
            return new Json5Scalar(start, _pos, Number(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)));
        }

        var real = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new Json5Scalar(start, _pos, JsonValue.Create(real));
    }

    private static JsonValue Number(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? JsonValue.Create((long)value) : JsonValue.Create((double)value);

    /// <summary>A number must not run into a letter or digit (<c>1x</c>, <c>0x1g</c>).</summary>
    private void CheckNumberEnd()
    {
        if (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '$' or '.'))
        {
            throw Error("unexpected character in a number");
        }
    }
}
