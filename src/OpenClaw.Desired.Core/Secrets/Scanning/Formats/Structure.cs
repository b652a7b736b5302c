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
    /// base64 of a DER private key with no PEM armour: an ASN.1 SEQUENCE whose first element is the INTEGER version, 0
    /// followed by a second INTEGER (PKCS#1 RSA's modulus) or a SEQUENCE (PKCS#8's algorithm), or 1 followed by an
    /// OCTET STRING (SEC1's EC key) or a SEQUENCE (PKCS#8 with its public key). A certificate, a public key, a
    /// certificate request or a signature starts otherwise (a SEQUENCE, or an INTEGER that is no version), so it never passes.
    /// </summary>
    public static bool IsDerPrivateKey(ReadOnlySpan<char> value) => DerPrivateKeyLength(value) > 0;

    /// <summary>
    /// <see cref="IsDerPrivateKey"/> for a key short enough to decode whole (under 256 bytes: EC, Ed25519, X25519), whose
    /// SEQUENCE must then take exactly the bytes the value holds: a key cut short or run into other data is not one.
    /// </summary>
    public static bool IsShortDerPrivateKey(ReadOnlySpan<char> value) =>
        value.Length <= 400 && DerPrivateKeyLength(value) is > 0 and var length && Decode(value, urlSafe: false)?.Length == length;

    /// <summary>The whole key's length in bytes that a private key's DER header declares; 0 when the value does not open like a private key.</summary>
    private static int DerPrivateKeyLength(ReadOnlySpan<char> value)
    {
        var head = Decode(value[..Math.Min(value.Length, 16)], urlSafe: false);
        if (head is not { Length: >= 8 } || head[0] != '\x30')
        {
            return 0;
        }

        // The SEQUENCE's length takes one byte (short form) or one to two more (0x81, 0x82).
        var (i, length) = head[1] switch
        {
            '\x81' => (3, head[2]),
            '\x82' => (4, (head[2] << 8) | head[3]),
            < '\x80' => (2, (int)head[1]),
            _ => (-1, 0),
        };
        var opens = i > 0 && i + 3 < head.Length && head[i] == '\x02' && head[i + 1] == '\x01'
            && (head[i + 2] == '\x00' && head[i + 3] is '\x02' or '\x30' || head[i + 2] == '\x01' && head[i + 3] is '\x04' or '\x30');
        return opens ? i + length : 0;
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
