namespace OpenClaw.Desired.Secrets.Scanning.Formats;

/// <summary>
/// Check digits some token formats carry. GitHub's prefixed tokens (<c>ghp_</c>, <c>gho_</c>, <c>ghu_</c>,
/// <c>ghs_</c>, <c>ghr_</c>) and npm's <c>npm_</c> tokens end in six base62 characters: the CRC32 of the 30 random
/// characters before them, left-padded with '0'. A value whose tail does not match was typed or made up, not issued.
/// </summary>
internal static class Checksums
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly uint[] Table = BuildTable();

    /// <summary>For <c>prefix_</c> + 30 random + 6 check characters; false for any other length.</summary>
    public static bool Crc32Base62Tail(ReadOnlySpan<char> token)
    {
        var underscore = token.IndexOf('_');
        var body = token[(underscore + 1)..];
        if (body.Length != 36)
        {
            return false;
        }

        Span<char> expected = stackalloc char[6];
        var crc = Crc32(body[..30]);
        for (var i = 5; i >= 0; i--)
        {
            expected[i] = Base62[(int)(crc % 62)];
            crc /= 62;
        }

        return body[30..].SequenceEqual(expected);
    }

    /// <summary>
    /// A Bech32 string's checksum (BIP 173: the last six characters check the human-readable part and the data), as age's
    /// keys carry it (<c>AGE-SECRET-KEY-1…</c>): a typed or made-up value fails it one time in a billion.
    /// </summary>
    public static bool Bech32(ReadOnlySpan<char> value)
    {
        const string Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        var separator = value.LastIndexOf('1');
        if (separator < 1 || value.Length - separator - 1 < 6)
        {
            return false;
        }

        uint chk = 1;
        void Step(uint v)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            uint[] generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
            for (var i = 0; i < 5; i++)
            {
                chk ^= ((top >> i) & 1) != 0 ? generator[i] : 0;
            }
        }

        var hrp = value[..separator];
        foreach (var c in hrp)
        {
            Step((uint)char.ToLowerInvariant(c) >> 5);
        }

        Step(0);
        foreach (var c in hrp)
        {
            Step((uint)char.ToLowerInvariant(c) & 31);
        }

        foreach (var c in value[(separator + 1)..])
        {
            var v = Alphabet.IndexOf(char.ToLowerInvariant(c));
            if (v < 0)
            {
                return false;
            }

            Step((uint)v);
        }

        return chk == 1;
    }

    public static uint Crc32(ReadOnlySpan<char> ascii)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var c in ascii)
        {
            crc = Table[(crc ^ (byte)c) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>The check tail for a body of 30 characters (tests build valid tokens with it).</summary>
    public static string Crc32Base62(ReadOnlySpan<char> random)
    {
        var crc = Crc32(random);
        var tail = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            tail[i] = Base62[(int)(crc % 62)];
            crc /= 62;
        }

        return new string(tail);
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
