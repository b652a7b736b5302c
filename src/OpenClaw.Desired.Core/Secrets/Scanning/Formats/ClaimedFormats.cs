using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning.Formats;

/// <summary>
/// Values that announce a provider's format and then break it: an <c>xai-</c> key a third as long as xAI issues, a
/// Telegram token whose bot id has four digits. The provider's own detector reports the well-formed ones; a value
/// under a secret-looking name that starts like one of these and does not fit is a truncated or made-up copy, and
/// is not reported as a generic secret either. One row per format: the opening, and the whole shape its detector takes
/// (<see cref="PrefixDetectors"/>), so that a value is always judged by one of the two.
/// </summary>
internal static class ClaimedFormats
{
    private sealed record Row(Regex Opening, Regex Shape);

    private static Row R(string opening, string shape) => new(
        new Regex($"^(?:{opening})", RegexOptions.CultureInvariant),
        new Regex($"^(?:{shape})$", RegexOptions.CultureInvariant));

    private static readonly Row[] Rows =
    [
        R("xai-", "xai-[A-Za-z0-9]{60,120}"),
        R("sk-or-v1-", "sk-or-v1-[A-Za-z0-9]{32,100}"),
        R("gsk_", "gsk_[A-Za-z0-9]{40,80}"),
        R("pplx-", "pplx-[A-Za-z0-9]{40,64}"),
        R("[0-9]{1,20}:A", "[0-9]{5,16}:A[A-Za-z0-9_-]{31,41}"),
    ];

    /// <summary>Whether <paramref name="value"/> opens like one of the formats above but does not have its shape.</summary>
    public static bool IsBroken(ReadOnlySpan<char> value)
    {
        if (value.Length > 256)
        {
            return false;
        }

        var text = value.ToString();
        foreach (var row in Rows)
        {
            if (row.Opening.IsMatch(text))
            {
                return !row.Shape.IsMatch(text);
            }
        }

        return false;
    }
}
