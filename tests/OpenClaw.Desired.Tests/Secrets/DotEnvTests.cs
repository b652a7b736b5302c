using OpenClaw.Desired.Secrets;

namespace OpenClaw.Desired.Tests.Secrets;

public sealed class DotEnvTests
{
    [Fact]
    public void Parse_DotenvDialect_ReadsNamesValuesAndPositions()
    {
        const string text = "# comment\nexport A=plain\nB='single quoted'\nC=\"double \\\"q\\\"\"\nD=bare # trailing comment\nnot a line\n";

        var entries = DotEnv.Parse(text);

        Assert.Equal(["A", "B", "C", "D"], entries.Select(e => e.Name));
        Assert.Equal(["plain", "single quoted", "double \"q\"", "bare"], entries.Select(e => e.Value));
        Assert.Equal("plain", text.Substring(entries[0].ValueStart, entries[0].ValueLength));
        Assert.Equal(1, entries[0].LineIndex);
    }

    [Theory]
    [InlineData("sk-proj-abc_DEF-123")]
    [InlineData("with space and 'quote'")]
    [InlineData("multi\nline \"x\" \\ y")]
    public void Set_ThenParse_RoundTripsTheValue(string value)
    {
        var text = DotEnv.Set("# keep me\nOTHER=1\n", "NAME", value);

        Assert.StartsWith("# keep me\nOTHER=1\n", text);
        Assert.Equal(value, DotEnv.Parse(text).Single(e => e.Name == "NAME").Value);
        Assert.Equal("1", DotEnv.Parse(DotEnv.Set(text, "NAME", "2")).Single(e => e.Name == "OTHER").Value);
        Assert.Equal("2", DotEnv.Parse(DotEnv.Set(text, "NAME", "2")).Single(e => e.Name == "NAME").Value);
    }

    [Fact]
    public void CommentOut_LeavesTheNameAndANote()
    {
        var text = DotEnv.CommentOut("A=1\nTOKEN=abc\n", 1, "[moved]");

        Assert.Equal("A=1\n# TOKEN=[moved]\n", text);
        Assert.DoesNotContain(DotEnv.Parse(text), e => e.Name == "TOKEN");
    }
}
