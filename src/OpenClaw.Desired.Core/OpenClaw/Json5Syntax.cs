using System.Text.Json.Nodes;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>
/// A JSON5 value as written: where it starts and ends in the text (<c>[Start, End)</c>), so an edit can
/// replace exactly it and keep everything around it (comments, spacing, quotes) byte for byte.
/// </summary>
internal abstract record Json5Syntax(int Start, int End)
{
    /// <summary>The value as a fresh <see cref="JsonNode"/> (null for JSON null).</summary>
    public abstract JsonNode? ToNode();
}

/// <summary>A string, number, boolean or null with its parsed value.</summary>
internal sealed record Json5Scalar(int Start, int End, JsonNode? Value, char Quote = '\0') : Json5Syntax(Start, End)
{
    public override JsonNode? ToNode() => Value?.DeepClone();
}

/// <summary>One <c>key: value</c> of an object; <see cref="Comma"/> is the offset of the comma after it, or -1.</summary>
internal sealed record Json5Member(string Key, int KeyStart, bool KeyQuoted, Json5Syntax Value, int Comma);

internal sealed record Json5Object(int Start, int End, IReadOnlyList<Json5Member> Members) : Json5Syntax(Start, End)
{
    public override JsonNode? ToNode()
    {
        var node = new JsonObject();
        foreach (var member in Members)
        {
            // Duplicate names: the last one wins, as in JavaScript.
            node[member.Key] = member.Value.ToNode();
        }

        return node;
    }
}

/// <summary>One element of an array; <see cref="Comma"/> is the offset of the comma after it, or -1.</summary>
internal sealed record Json5Item(Json5Syntax Value, int Comma);

internal sealed record Json5Array(int Start, int End, IReadOnlyList<Json5Item> Items) : Json5Syntax(Start, End)
{
    public override JsonNode? ToNode()
    {
        var node = new JsonArray();
        foreach (var item in Items)
        {
            node.Add(item.Value.ToNode());
        }

        return node;
    }
}

/// <summary>Bad JSON5, with the 1-based line and column where reading stopped. Never quotes the text.</summary>
public sealed class Json5Exception(string problem, int line, int column) : Exception($"not valid JSON5 at line {line}, column {column}: {problem}")
{
    public string Problem { get; } = problem;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
