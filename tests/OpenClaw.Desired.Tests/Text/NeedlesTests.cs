using System.Buffers;
using OpenClaw.Desired.Resources.Skills.Audit;
using OpenClaw.Desired.Text;

namespace OpenClaw.Desired.Tests.Text;

/// <summary>
/// The one-pass search for fixed strings gives the answers of .NET's <see cref="SearchValues{T}"/> of strings with
/// the same comparison: where the first one starts, which ones are there, on texts made to trip it up (values
/// inside values, case, characters outside ASCII that some case rules take for ASCII letters).
/// </summary>
public sealed class NeedlesTests
{
    private static readonly string[] Prefixes = ["sk-ant-", "sk-", "sk_live_", "ghp_", "github_pat_", "xox", ":AA", "-----BEGIN", "eyJ", "://", "Q~", "AccountKey="];

    private static readonly string[] Words = ["key", "token", "secret", "pass", "pwd", "password", "credential", "bearer", "nc", "once", "下载", "运行", "/dev/tcp", "7z"];

    /// <summary>Characters that stress the search: parts of the values, their other case, and look-alikes outside ASCII.</summary>
    private const string Alphabet = "skSK-_antANTghpGHP:aAeEyYjJ/QqxXoO~=bBcCdDwWrRtTnNuU zZ7\n\u017F\u0131\u212A\u0130\u00E9\u00C9下载运行\uD83D\uDE00";

    public static TheoryData<string[], StringComparison> Sets => new()
    {
        { Prefixes, StringComparison.Ordinal },
        { Prefixes, StringComparison.OrdinalIgnoreCase },
        { Words, StringComparison.Ordinal },
        { Words, StringComparison.OrdinalIgnoreCase },
        { ["a", "aa", "aaa", "b", "ab", "ba"], StringComparison.OrdinalIgnoreCase },
        { ["abcdef", "cd", "bcde", "def", "efx"], StringComparison.Ordinal },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void IndexOfAny_FindsWhereSearchValuesFinds(string[] values, StringComparison comparison)
    {
        var needles = new Needles(values, comparison);
        var searcher = SearchValues.Create(values, comparison);
        var random = new Random(values.Length * 31 + (int)comparison);
        for (var round = 0; round < 3000; round++)
        {
            var text = Text(random, values, random.Next(0, 80));
            for (var from = 0; from <= text.Length; from += 1 + (from / 7))
            {
                Assert.Equal(text.AsSpan(from).IndexOfAny(searcher), needles.IndexOfAny(text.AsSpan(from)));
            }

            Assert.Equal(text.AsSpan().IndexOfAny(searcher) >= 0, needles.ContainsAny(text));
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Mark_FindsEveryValueThatIsThere(string[] values, StringComparison comparison)
    {
        var needles = new Needles(values, comparison);
        var each = values.Select(v => SearchValues.Create([v], comparison)).ToArray();
        var random = new Random(values.Length * 17 + (int)comparison);
        for (var round = 0; round < 3000; round++)
        {
            var text = Text(random, values, random.Next(0, 120));
            var present = new bool[values.Length];

            needles.Mark(text, present);

            Assert.Equal(each.Select(s => text.AsSpan().IndexOfAny(s) >= 0), present);
        }
    }

    [Fact]
    public void StartsByGroup_GivesEachGroupWhereItsOwnValuesStart_EachWithItsComparison()
    {
        (string[] Values, StringComparison Comparison)[] groups =
        [
            (["sk-ant-", "sk-", "ghp_"], StringComparison.Ordinal),
            (["SK-", "xox", "Q~"], StringComparison.Ordinal),
            (["key", "pass", "password", "sk-"], StringComparison.OrdinalIgnoreCase),
            (["pwd", "password"], StringComparison.OrdinalIgnoreCase),
        ];
        var needles = new Needles(groups.SelectMany(g => g.Values.Select(v => (v, g.Comparison))));
        int[] groupOf = [.. groups.SelectMany((g, i) => g.Values.Select(_ => i))];
        var all = groups.SelectMany(g => g.Values).ToArray();
        var random = new Random(11);
        for (var round = 0; round < 3000; round++)
        {
            var text = Text(random, all, random.Next(0, 100));

            var starts = needles.StartsByGroup(text, groupOf, groups.Length);

            for (var g = 0; g < groups.Length; g++)
            {
                var expected = Enumerable.Range(0, text.Length).Where(p => groups[g].Values.Any(v => text.AsSpan(p).StartsWith(v, groups[g].Comparison))).ToList();
                Assert.Equal(expected, starts[g] ?? []);
                var searcher = SearchValues.Create(groups[g].Values, groups[g].Comparison);
                var cursor = 0;
                for (var from = 0; from <= text.Length; from++)
                {
                    var found = text.AsSpan(from).IndexOfAny(searcher);
                    Assert.Equal(found < 0 ? -1 : from + found, Needles.NextStart(starts[g], ref cursor, from));
                }
            }
        }
    }

    [Fact]
    public void TheAuditsAnchors_AreFoundAsSearchValuesFindsThem()
    {
        var anchors = AnchorIndex.BuiltIn.SelectMany(r => r.Anchors ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Where(a => Needles.Supports(a, StringComparison.OrdinalIgnoreCase)).ToArray();
        var needles = new Needles(anchors, StringComparison.OrdinalIgnoreCase);
        var random = new Random(7);
        var pieces = anchors.Concat(anchors.Select(a => a.ToUpperInvariant())).Concat(["The agent keeps notes ", "\n", " ", "ſ", "ı"]).ToArray();
        for (var round = 0; round < 500; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)] is var piece ? piece[..Math.Min(piece.Length, random.Next(1, 12))] : string.Empty));
            var present = new bool[anchors.Length];

            needles.Mark(text, present);

            Assert.Equal(anchors.Select(a => text.Contains(a, StringComparison.OrdinalIgnoreCase)), present);
        }
    }

    [Fact]
    public void TheAuditsAnchorsWithCaseOutsideAscii_AreFoundInLowerUpperAndTitleCase()
    {
        var rules = AnchorIndex.BuiltIn;
        var foreign = rules.Select((r, i) => (Rule: r, Index: i)).Where(x => x.Rule.Prefilter is null)
            .SelectMany(x => (x.Rule.Anchors ?? []).Where(a => !Needles.Supports(a, StringComparison.OrdinalIgnoreCase)).Select(a => (x.Index, Anchor: a))).ToList();
        Assert.NotEmpty(foreign);
        foreach (var (index, anchor) in foreign)
        {
            var lower = anchor.ToLowerInvariant();
            foreach (var form in new[] { lower, anchor.ToUpperInvariant(), char.ToUpperInvariant(lower[0]) + lower[1..] })
            {
                Assert.True(AnchorIndex.BuiltInIndex.MayMatch($"x {form} y")[index], $"{rules[index].Id}: {form}");
            }
        }
    }

    [Fact]
    public void ValuesItCannotSearchFor_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new Needles([""], StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new Needles(["café"], StringComparison.OrdinalIgnoreCase));
        Assert.Throws<ArgumentException>(() => new Needles(["x"], StringComparison.CurrentCulture));
        Assert.True(Needles.Supports("café", StringComparison.Ordinal));
        Assert.True(Needles.Supports("运行 run", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The premise of ignoring case on ASCII letters only: ordinal case-insensitive comparison takes no character
    /// outside ASCII for one inside it (not the long s for s, not the dotless i for i, not the Kelvin sign for k).
    /// </summary>
    [Fact]
    public void OrdinalIgnoreCase_TakesNoCharacterOutsideAsciiForOneInside()
    {
        Span<char> one = stackalloc char[1];
        Span<char> other = stackalloc char[1];
        for (var c = 128; c <= char.MaxValue; c++)
        {
            one[0] = (char)c;
            for (var a = 0; a < 128; a++)
            {
                other[0] = (char)a;
                Assert.False(MemoryExtensions.Equals(one, other, StringComparison.OrdinalIgnoreCase), $"U+{c:X4} equals '{(char)a}'");
            }
        }
    }

    private static string Text(Random random, string[] values, int length)
    {
        var builder = new System.Text.StringBuilder();
        while (builder.Length < length)
        {
            if (random.Next(4) == 0)
            {
                // A value, or most of one, in a random case.
                var value = values[random.Next(values.Length)];
                var part = value[..random.Next(1, value.Length + 1)];
                builder.Append(random.Next(2) == 0 ? part.ToUpperInvariant() : part);
            }
            else
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }
        }

        return builder.ToString();
    }
}
