using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>Reads the <c>name</c> of a SKILL.md's YAML front matter (the skill's key in <c>skills.entries</c>).</summary>
public static partial class SkillManifest
{
    /// <summary>SKILL.md files are small; only the front matter at the top is read.</summary>
    public const int MaxHeaderBytes = 16 * 1024;

    public static string? Name(string skillFile)
    {
        using var stream = File.OpenRead(skillFile);
        return NameIn(stream);
    }

    /// <summary>The front matter's name, or null when there is none or it is not a valid skill name.</summary>
    public static string? NameIn(Stream stream)
    {
        // Every skill's SKILL.md passes here: the header buffer is borrowed, not allocated per file.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(MaxHeaderBytes);
        string head;
        try
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(0, MaxHeaderBytes), MaxHeaderBytes, throwOnEndOfStream: false);
            head = System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        using var reader = new StringReader(head);
        if (reader.ReadLine()?.Trim() != "---")
        {
            return null;
        }

        for (var i = 0; i < 50 && reader.ReadLine() is { } line; i++)
        {
            if (line.Trim() == "---")
            {
                break;
            }

            if (line.StartsWith("name:", StringComparison.Ordinal))
            {
                var value = line[5..].Trim().Trim('"', '\'');
                return IsValid(value) ? value : null;
            }
        }

        return null;
    }

    /// <summary>
    /// A name that can be a key of <c>skills.entries</c> and a folder name: letters, digits, '.', '_' and '-',
    /// not starting with a dot, never "..". A name like "../../x" from an agent-written SKILL.md is refused.
    /// </summary>
    public static bool IsValid(string? name) => name is not null && ValidName().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex ValidName();
}
