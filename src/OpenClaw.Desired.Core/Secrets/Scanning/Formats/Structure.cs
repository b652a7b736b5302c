using System.Buffers.Text;
using System.Text;

namespace OpenClaw.Desired.Secrets.Scanning.Formats;

/// <summary>Structural checks on values whose parts are encoded: what the parts decode to must be what the format puts there.</summary>
internal static class Structure
{
    /// <summary>base64 of a PEM block: "-----BEGIN … PRIVATE KEY-----" once decoded.</summary>
    public static bool IsBase64PrivateKey(ReadOnlySpan<char> value)
    {
        var head = Decode(value[..Math.Min(value.Length, 96)], urlSafe: false);
        return head is not null && head.Contains("PRIVATE KEY", StringComparison.Ordinal);
    }

    /// <summary>HTTP Basic: base64 of printable "user:password" with both parts present.</summary>
    public static bool IsBasicCredentials(ReadOnlySpan<char> value)
    {
        var decoded = Decode(value, urlSafe: false);
        if (decoded is null)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < decoded.Length - 1 && decoded.All(c => c is >= ' ' and <= '~');
    }

    /// <summary>A JWT part that decodes to a JSON object (the header names its algorithm or type).</summary>
    public static bool IsJsonObject(ReadOnlySpan<char> base64Url)
    {
        var decoded = Decode(base64Url, urlSafe: true);
        return decoded is not null && decoded.StartsWith('{') && (decoded.Contains("\"alg\"", StringComparison.Ordinal) || decoded.Contains("\"typ\"", StringComparison.Ordinal));
    }

    /// <summary>A Discord token's first part: the base64 of a numeric user id.</summary>
    public static bool IsBase64Digits(ReadOnlySpan<char> value)
    {
        var decoded = Decode(value, urlSafe: true);
        return decoded is { Length: >= 15 and <= 21 } && decoded.All(char.IsAsciiDigit);
    }

    /// <summary>Decodes (standard or URL alphabet, padding optional) as Latin-1 text; null when it is not base64. A truncated tail is dropped.</summary>
    public static string? Decode(ReadOnlySpan<char> value, bool urlSafe)
    {
        var text = new StringBuilder(value.Length + 3);
        foreach (var c in value)
        {
            if (c == '=')
            {
                break;
            }

            text.Append(urlSafe ? c switch { '-' => '+', '_' => '/', _ => c } : c);
        }

        text.Length -= text.Length % 4 == 1 ? 1 : 0;
        while (text.Length % 4 != 0)
        {
            text.Append('=');
        }

        var bytes = new byte[text.Length / 4 * 3];
        var source = Encoding.ASCII.GetBytes(text.ToString());
        return Base64.DecodeFromUtf8(source, bytes, out _, out var written) == System.Buffers.OperationStatus.Done
            ? Encoding.Latin1.GetString(bytes, 0, written)
            : null;
    }
}
