using System.Net;
using System.Net.Sockets;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// An address or CIDR block as nft prints it: the plain address for a single host, else <c>base/length</c>,
/// IPv6 in compressed lower-case form. Written forms that nft would silently change are rejected instead.
/// </summary>
public sealed record NetAddress(string Text, bool IsV6, byte[] Bytes, int PrefixLength)
{
    public bool Equals(NetAddress? other) => other is not null && Text == other.Text;

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;

    /// <summary>True when <paramref name="other"/> lies inside this block (or is the same).</summary>
    public bool Contains(NetAddress other)
    {
        if (IsV6 != other.IsV6 || other.PrefixLength < PrefixLength)
        {
            return false;
        }

        for (var bit = 0; bit < PrefixLength; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((Bytes[bit / 8] & mask) != (other.Bytes[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }

    public bool IsLoopback => IsV6 ? PrefixLength == 128 && IPAddress.IPv6Loopback.GetAddressBytes().AsSpan().SequenceEqual(Bytes) : Bytes[0] == 127;

    /// <summary>Private, loopback or link-local: space that is not "the internet".</summary>
    public bool IsPrivate =>
        IsV6
            ? (Bytes[0] & 0xfe) == 0xfc || (Bytes[0] == 0xfe && (Bytes[1] & 0xc0) == 0x80) || IsLoopback
            : Bytes[0] == 10 || Bytes[0] == 127 || (Bytes[0] == 172 && (Bytes[1] & 0xf0) == 16) || (Bytes[0] == 192 && Bytes[1] == 168) || (Bytes[0] == 169 && Bytes[1] == 254);

    public static NetAddress FromIp(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return new NetAddress(address.ToString(), address.AddressFamily == AddressFamily.InterNetworkV6, bytes, bytes.Length * 8);
    }

    /// <summary>Parses an address or CIDR; on failure <paramref name="error"/> says why in words.</summary>
    public static bool TryParse(string text, out NetAddress? address, out string? error)
    {
        address = null;
        error = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? text : text[..slash];
        if (!IsAddressLiteral(host) || !IPAddress.TryParse(host, out var ip) || (ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.ScopeId != 0))
        {
            error = $"'{text}' is not an IPv4 or IPv6 address or CIDR block (rules match addresses, not names)";
            return false;
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            error = $"'{text}' is an IPv4-mapped IPv6 address; write the IPv4 address instead";
            return false;
        }

        var bytes = ip.GetAddressBytes();
        var bits = bytes.Length * 8;
        var length = bits;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out length) || length > bits))
        {
            error = $"'{text}' has a prefix length outside 0-{bits}";
            return false;
        }

        var masked = (byte[])bytes.Clone();
        for (var bit = length; bit < bits; bit++)
        {
            masked[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        var baseAddress = new IPAddress(masked);
        if (!masked.AsSpan().SequenceEqual(bytes))
        {
            error = $"'{text}' has host bits set; did you mean {baseAddress}/{length}?";
            return false;
        }

        var display = length == bits ? baseAddress.ToString() : $"{baseAddress}/{length}";
        address = new NetAddress(display, bytes.Length == 16, masked, length);
        return true;
    }

    public static NetAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address! : throw new FormatException(error);

    // IPAddress.TryParse also takes "10" or "1.2.3" (old inet_aton forms) that nobody means in a firewall rule.
    private static bool IsAddressLiteral(string host) =>
        host.Contains(':', StringComparison.Ordinal) || (host.Count(c => c == '.') == 3 && host.All(c => char.IsAsciiDigit(c) || c == '.'));
}
