using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>
/// Model families OpenClaw's audit calls legacy or below the recommended tier (models.legacy, models.weak_tier):
/// GPT below 5, Claude below 4.5, Haiku tiers, and older families by name.
/// </summary>
public static partial class ModelTiers
{
    public static string? Legacy(string model)
    {
        var id = Id(model);
        return LegacyPattern().IsMatch(id) ? "legacy model family" : null;
    }

    public static string? Weak(string model)
    {
        var id = Id(model);
        if (id.Contains("haiku", StringComparison.Ordinal))
        {
            return "Haiku tier";
        }

        if (GptVersion().Match(id) is { Success: true } gpt && double.Parse(gpt.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < 5)
        {
            return "below GPT-5";
        }

        if (ClaudeVersion(id) is { } version && version < 4.5)
        {
            return "below Claude 4.5";
        }

        return null;
    }

    /// <summary>Claude's version from claude-sonnet-4-5, claude-3-7-sonnet, claude-opus-4.1.</summary>
    public static double? ClaudeVersion(string id)
    {
        var match = ClaudeNamed().Match(id);
        if (!match.Success)
        {
            match = ClaudeNumbered().Match(id);
        }

        if (!match.Success)
        {
            return null;
        }

        var minor = match.Groups["minor"].Success && match.Groups["minor"].Value.Length == 1 ? match.Groups["minor"].Value : "0";
        return double.Parse($"{match.Groups["major"].Value}.{minor}", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Id(string model) => (model.Contains('/') ? model[(model.IndexOf('/') + 1)..] : model).ToLowerInvariant();

    [GeneratedRegex(@"(^|[^a-z])(gpt-3\.5|text-davinci|claude-instant|claude-[12](?![0-9])|gemini-1\.0|gemini-pro$|llama-?2)")]
    private static partial Regex LegacyPattern();

    [GeneratedRegex(@"^gpt-(\d+(?:\.\d+)?)")]
    private static partial Regex GptVersion();

    [GeneratedRegex(@"^claude-(?:opus|sonnet|haiku)-(?<major>\d)(?:[-.](?<minor>\d+))?")]
    private static partial Regex ClaudeNamed();

    [GeneratedRegex(@"^claude-(?<major>\d)(?:[-.](?<minor>\d+))?")]
    private static partial Regex ClaudeNumbered();
}
