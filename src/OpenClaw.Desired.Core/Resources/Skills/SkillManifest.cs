namespace OpenClaw.Desired.Resources.Skills;

/// <summary>Reads the <c>name</c> of a SKILL.md's YAML front matter (the skill's key in <c>skills.entries</c>).</summary>
public static class SkillManifest
{
    public static string? Name(string skillFile)
    {
        using var reader = new StreamReader(skillFile);
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
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }
}
