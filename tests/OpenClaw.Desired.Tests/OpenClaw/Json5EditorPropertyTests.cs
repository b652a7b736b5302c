using System.Text.Json.Nodes;
using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Tests.OpenClaw;

/// <summary>
/// Properties of the minimal-edit writer over a thousand random JSON5 documents in random styles: an unchanged
/// document comes back byte for byte; one set changes one line; an added key adds its line (and at most a comma
/// on the line before); a removed key takes only its line (and at most a comma). Every result reads back as the
/// intended tree, without the whole-document fallback.
/// </summary>
public sealed class Json5EditorPropertyTests
{
    private const int Documents = 1000;

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 10).Select(s => new object[] { s * (Documents / 10) });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Unchanged_DocumentRoundTripsByteForByte(int first)
    {
        for (var seed = first; seed < first + (Documents / 10); seed++)
        {
            var text = new Json5Fuzz(seed).Document(continuations: true);

            Assert.True(OpenClawConfig.Parse(text).ToJson() == text, $"seed {seed}:\n{text}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SetScalar_ChangesOnlyThatLine(int first)
    {
        for (var seed = first; seed < first + (Documents / 10); seed++)
        {
            var text = new Json5Fuzz(seed).Document();
            var config = OpenClawConfig.Parse(text);
            var leaves = Leaves(config.Root, string.Empty).ToList();
            if (leaves.Count == 0)
            {
                continue;
            }

            var pointer = leaves[new Random(seed).Next(leaves.Count)];
            config.SetNode(pointer, JsonValue.Create($"new value {seed}"));

            var edited = AssertMinimal(config, seed, text);
            var (gone, added) = LineDiff(text, edited);
            Assert.True(gone.Count == 1 && added.Count == 1, $"seed {seed}: set {pointer} changed {gone.Count} line(s) for {added.Count}\n{text}\n---\n{edited}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AddKey_AddsItsLineAndAtMostACommaBefore(int first)
    {
        for (var seed = first; seed < first + (Documents / 10); seed++)
        {
            var text = new Json5Fuzz(seed).Document();
            var config = OpenClawConfig.Parse(text);
            var objects = Objects(config.Root, string.Empty).ToList();
            var pointer = objects[new Random(seed).Next(objects.Count)];
            var target = (JsonObject)config.GetNode(pointer)!;
            var block = target.Count > 0 && !SingleLine(text, pointer, config);
            config.SetNode(pointer + "/addedKey", JsonValue.Create(seed));

            var edited = AssertMinimal(config, seed, text);
            var (gone, added) = LineDiff(text, edited);
            if (block)
            {
                Assert.True(gone.Count <= 1 && added.Count <= 2 && added.Count - gone.Count == 1, $"seed {seed}: add to {pointer}: -{gone.Count} +{added.Count}\n{text}\n---\n{edited}");
            }
            else
            {
                Assert.True(gone.Count <= 1, $"seed {seed}: add to the one-line {pointer} changed {gone.Count} lines\n{text}\n---\n{edited}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RemoveKey_RemovesItsLineAndAtMostACommaBefore(int first)
    {
        for (var seed = first; seed < first + (Documents / 10); seed++)
        {
            var text = new Json5Fuzz(seed).Document();
            var config = OpenClawConfig.Parse(text);
            var members = Leaves(config.Root, string.Empty).Where(p => config.GetNode(Parent(p)) is JsonObject).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var pointer = members[new Random(seed).Next(members.Count)];
            var block = !SingleLine(text, Parent(pointer), config);
            config.Remove(pointer);

            var edited = AssertMinimal(config, seed, text);
            var (gone, added) = LineDiff(text, edited);
            if (block)
            {
                Assert.True(added.Count <= 1 && gone.Count - added.Count == 1, $"seed {seed}: remove {pointer}: -{gone.Count} +{added.Count}\n{text}\n---\n{edited}");
            }
            else
            {
                Assert.True(gone.Count <= 1, $"seed {seed}: remove from the one-line object: {gone.Count} lines\n{text}\n---\n{edited}");
            }
        }
    }

    private static string AssertMinimal(OpenClawConfig config, int seed, string text)
    {
        var edited = config.MinimalEdit();
        Assert.True(edited is not null, $"seed {seed}: the editor fell back to a full rewrite\n{text}\n---\n{config.ToJson()}");
        Assert.Equal(edited, config.ToJson());
        Assert.True(JsonNodes.DeepEquals(OpenClawConfig.Parse(edited!).Root, config.Root), $"seed {seed}: reads back differently");
        return edited!;
    }

    private static bool SingleLine(string text, string pointer, OpenClawConfig config)
    {
        var node = config.GetNode(pointer);
        if (pointer.Length == 0)
        {
            return !text.TrimEnd().Contains('\n');
        }

        // The container's text: find it through the reader's spans.
        var syntax = Json5Reader.Parse(text);
        foreach (var segment in JsonPointer.Segments(pointer))
        {
            syntax = syntax switch
            {
                Json5Object o => o.Members.Last(m => m.Key == segment).Value,
                Json5Array a => a.Items[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)].Value,
                _ => throw new InvalidOperationException(),
            };
        }

        return node is not null && Json5Text.SingleLine(text, syntax);
    }

    private static string Parent(string pointer) => pointer[..pointer.LastIndexOf('/')];

    private static IEnumerable<string> Leaves(JsonNode? node, string pointer) => node switch
    {
        JsonObject o => o.SelectMany(p => Leaves(p.Value, pointer + JsonPointer.Of(p.Key))),
        JsonArray a => a.SelectMany((v, i) => Leaves(v, pointer + "/" + i)),
        _ => pointer.Length > 0 ? [pointer] : [],
    };

    private static IEnumerable<string> Objects(JsonNode? node, string pointer) => node switch
    {
        JsonObject o => new[] { pointer }.Concat(o.SelectMany(p => Objects(p.Value, pointer + JsonPointer.Of(p.Key)))),
        JsonArray a => a.SelectMany((v, i) => Objects(v, pointer + "/" + i)),
        _ => [],
    };

    /// <summary>Lines only in the first text and lines only in the second, by longest common subsequence.</summary>
    internal static (List<string> Gone, List<string> Added) LineDiff(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var (gone, added) = (new List<string>(), new List<string>());
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Add(b[y++]);
            }
            else
            {
                gone.Add(a[x++]);
            }
        }

        return (gone, added);
    }
}
