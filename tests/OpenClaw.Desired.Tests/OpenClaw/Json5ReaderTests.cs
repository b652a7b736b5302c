using System.Text.Json.Nodes;
using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Tests.OpenClaw;

/// <summary>Every form the JSON5 1.0.0 specification allows, and the ones it forbids.</summary>
public sealed class Json5ReaderTests
{
    private static JsonNode? Read(string text) => JsonNodes.Parse(text);

    private static string Str(string text) => JsonNodes.String(Read(text))!;

    private static double Num(string text) => JsonNodes.Double((JsonValue)Read(text)!);

    [Fact]
    public void Parse_TheSpecificationsExample_ReadsEveryValue()
    {
        // The example at the top of spec.json5.org.
        var node = (JsonObject)Read("""
            // comments
            {
              unquoted: 'and you can quote me on that',
              singleQuotes: 'I can use "double quotes" here',
              lineBreaks: "Look, Mom! \
            No \\n's!",
              hexadecimal: 0xdecaf,
              leadingDecimalPoint: .8675309, andTrailing: 8675309.,
              positiveSign: +1,
              trailingComma: 'in objects', andIn: ['arrays',],
              "backwardsCompatible": "with JSON",
            }
            """)!;

        Assert.Equal("and you can quote me on that", JsonNodes.String(node["unquoted"]));
        Assert.Equal("I can use \"double quotes\" here", JsonNodes.String(node["singleQuotes"]));
        Assert.Equal("Look, Mom! No \\n's!", JsonNodes.String(node["lineBreaks"]));
        Assert.Equal(0xdecaf, node["hexadecimal"]!.GetValue<long>());
        Assert.Equal(0.8675309, JsonNodes.Double((JsonValue)node["leadingDecimalPoint"]!));
        Assert.Equal(8675309.0, JsonNodes.Double((JsonValue)node["andTrailing"]!));
        Assert.Equal(1, node["positiveSign"]!.GetValue<long>());
        Assert.Equal("arrays", JsonNodes.String(node["andIn"]![0]));
        Assert.Equal("with JSON", JsonNodes.String(node["backwardsCompatible"]));
    }

    [Theory]
    [InlineData("+1", 1)]
    [InlineData("-1", -1)]
    [InlineData("0x1F", 31)]
    [InlineData("0XfF", 255)]
    [InlineData("-0x10", -16)]
    [InlineData("+0x10", 16)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("-.5e1", -5)]
    [InlineData("+.5E+2", 50)]
    [InlineData("1e-2", 0.01)]
    [InlineData("0", 0)]
    [InlineData("0.0", 0)]
    [InlineData("123456789012345678901234567890", 1.2345678901234568E+29)]
    public void Parse_Numbers_InEveryForm(string text, double expected) => Assert.Equal(expected, Num(text), 10);

    [Fact]
    public void Parse_InfinityAndNaN_WithAndWithoutSign()
    {
        Assert.Equal(double.PositiveInfinity, Num("Infinity"));
        Assert.Equal(double.PositiveInfinity, Num("+Infinity"));
        Assert.Equal(double.NegativeInfinity, Num("-Infinity"));
        Assert.True(double.IsNaN(Num("NaN")));
        Assert.True(double.IsNaN(Num("-NaN")));
    }

    [Theory]
    [InlineData(@"'\x41\u00e9'", "Aé")]
    [InlineData(@"'\b\f\n\r\t\v\0'", "\b\f\n\r\t\v\0")]
    [InlineData(@"'\'\""\\\/'", "'\"\\/")]
    [InlineData(@"'\a\c\d'", "acd")]
    [InlineData("'a\\\nb'", "ab")]
    [InlineData("'a\\\r\nb'", "ab")]
    [InlineData("'a\\\rb'", "ab")]
    [InlineData("'a\\\u2028b'", "ab")]
    [InlineData("'a\\\u2029b'", "ab")]
    [InlineData("'line\u2028sep'", "line\u2028sep")]
    [InlineData("\"it's\"", "it's")]
    [InlineData(@"'\uD83D\uDE00'", "😀")]
    public void Parse_Strings_WithEveryEscapeAndLineContinuation(string text, string expected) => Assert.Equal(expected, Str(text));

    [Fact]
    public void Parse_Keys_IdentifiersWithUnicodeDollarUnderscoreAndEscapes()
    {
        var node = (JsonObject)Read("{ $a: 1, _b: 2, ünïcödé: 3, \\u0061bc: 4, a\u200Cb: 5, x1: 6, 'single': 7, \"double\": 8, ǅx: 9, Ⅻ: 10 }")!;

        Assert.Equal(["$a", "_b", "ünïcödé", "abc", "a\u200Cb", "x1", "single", "double", "ǅx", "Ⅻ"], node.Select(p => p.Key).ToList());
    }

    [Fact]
    public void Parse_WhiteSpace_AllJson5Forms()
    {
        var node = (JsonObject)Read("\uFEFF{\t\v\f \u00A0\u2003a\u2028:\u20291\r\n}")!;

        Assert.Equal(1, node["a"]!.GetValue<long>());
    }

    [Fact]
    public void Parse_Comments_LineAndBlockAnywhereBetweenTokens()
    {
        var node = (JsonObject)Read("/*a*/{/*b*/k/*c*/:/*d*/[/*e*/1/*f*/,//g\n2,]/*h*/,}//i")!;

        Assert.Equal(2, node["k"]!.AsArray().Count);
    }

    [Fact]
    public void Parse_DuplicateKeys_LastWins() => Assert.Equal(2, Read("{a: 1, a: 2}")!["a"]!.GetValue<long>());

    [Fact]
    public void Parse_LiteralsAndNull()
    {
        var node = (JsonObject)Read("{t: true, f: false, n: null}")!;

        Assert.True(node["t"]!.GetValue<bool>());
        Assert.False(node["f"]!.GetValue<bool>());
        Assert.True(node.ContainsKey("n"));
        Assert.Null(node["n"]);
    }

    [Theory]
    [InlineData("{a: 01}", 1, 5, "cannot start with 0")]
    [InlineData("{a: 1", 1, 6, "comma or '}'")]
    [InlineData("/* open", 1, 1, "never closed")]
    [InlineData("'abc", 1, 5, "ends inside a string")]
    [InlineData("'a\nb'", 1, 3, "cannot span lines")]
    [InlineData("'\\1'", 1, 3, "digit cannot be escaped")]
    [InlineData("'\\01'", 1, 4, "\\0 may not be followed")]
    [InlineData("'\\x4'", 1, 5, "hexadecimal")]
    [InlineData("0x", 1, 3, "hexadecimal digits")]
    [InlineData("1e", 1, 3, "exponent")]
    [InlineData(".", 1, 1, "expected a number")]
    [InlineData("1x", 1, 2, "in a number")]
    [InlineData("{a: 1}\n{b: 2}", 2, 1, "after the value")]
    [InlineData("{\n  a: tru\n}", 2, 6, "expected a value")]
    [InlineData("{1: 2}", 1, 2, "unexpected character")]
    [InlineData("{a b: 1}", 1, 4, "colon")]
    [InlineData("[1 2]", 1, 4, "comma or ']'")]
    [InlineData("[1,,2]", 1, 4, "unexpected character")]
    [InlineData("", 1, 1, "no value")]
    [InlineData("// only a comment\n", 2, 1, "no value")]
    [InlineData("{\\u0031: 1}", 1, 8, "escape does not stand")]
    public void Parse_BadInput_NamesLineColumnAndProblem(string text, int line, int column, string problem)
    {
        var e = Assert.Throws<Json5Exception>(() => Json5Reader.Parse(text));

        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(problem, e.Problem);
    }

    [Fact]
    public void Parse_DeepNesting_StopsWithAnErrorNotAStackOverflow()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);

        var e = Assert.Throws<Json5Exception>(() => Json5Reader.Parse(text));

        Assert.Contains("nested more than", e.Problem);
    }

    [Fact]
    public void Parse_PlainJson_IsJson5()
    {
        var json = """{"a": [1, 2.5, -3e2, "x\"y", true, null, {}], "b": {"c": "\u00e9"}}""";

        var node = Read(json)!;

        Assert.True(JsonNodes.DeepEquals(node, JsonNode.Parse(json)));
    }
}
