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

    /// <summary>
    /// base64 of a DER private key with no PEM armour: an ASN.1 SEQUENCE whose first element is the INTEGER 0 (the version of
    /// PKCS#1 RSA and PKCS#8 keys), followed by a second INTEGER (RSA's modulus) or a SEQUENCE (PKCS#8's algorithm).
    /// A certificate or a public key starts with a SEQUENCE instead, so it never passes.
    /// </summary>
    public static bool IsDerPrivateKey(ReadOnlySpan<char> value)
    {
        var head = Decode(value[..Math.Min(value.Length, 16)], urlSafe: false);
        if (head is not { Length: >= 8 } || head[0] != '\x30')
        {
            return false;
        }

        // The SEQUENCE's length takes one byte (short form) or one to two more (0x81, 0x82).
        var i = head[1] switch { '\x81' => 3, '\x82' => 4, < '\x80' => 2, _ => -1 };
        return i > 0 && i + 3 < head.Length && head[i] == '\x02' && head[i + 1] == '\x01' && head[i + 2] == '\x00' && head[i + 3] is '\x02' or '\x30';
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
