using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

public static partial class AuditSignals
{
    /// <summary>
    /// Data cut into DNS labels: a text sliced into pieces a label can hold (16 to 63 characters: <c>data[i:i + 60]</c>,
    /// <c>data[i:60 + i]</c>, <c>s.slice(i, i + 50)</c>, <c>s.substr(i, 60)</c>, <c>.match(/.{1,63}/g)</c>, a loop that steps
    /// by such a piece: <c>for i := 0; i &lt; len(enc); i += 60 {</c>, <c>range(0, len(enc), 60)</c>, PHP's <c>str_split($hex, 60)</c>, Ruby's <c>each_slice(60)</c>, Go's <c>enc[i*60:end]</c> and <c>n := 60 … enc[:n]</c>) in a file that also
    /// encodes data (hex, base32, base64) and looks names up. Each lookup of "piece.zone" hands a piece to whoever runs the
    /// zone's name server: a send that no firewall rule for HTTP sees. <c>dns-exfiltration</c> finds the encoding and the
    /// lookup within a few lines; this finds them apart (a helper that slices, another that looks up). A wrapped PEM or
    /// MIME line (64, 76 characters) is no label, nor a byte or nibble of an address (a reverse lookup), nor a random
    /// label (<c>os.urandom(4).hex()</c>: no data of the host's).
    /// </summary>
    [GeneratedRegex(@"\[\s*(?<i>[a-z_]\w*)\s*:\s*(?:\k<i>\s*\+\s*(?:1[6-9]|[2-5]\d|6[0-3])|(?:1[6-9]|[2-5]\d|6[0-3])\s*\+\s*\k<i>)\s*\]|\.(?:slice|substring)\s*\(\s*(?<j>[a-z_]\w*)\s*,\s*\k<j>\s*\+\s*(?:1[6-9]|[2-5]\d|6[0-3])\s*\)|\.substr\s*\(\s*[a-z_]\w*\s*,\s*(?:1[6-9]|[2-5]\d|6[0-3])\s*\)|\.match\s*\(\s*/\.\{1,(?:1[6-9]|[2-5]\d|6[0-3])\}/g\s*\)|\bfor\b[^\n{]{0,80}?\b[a-z_]\w*\s*\+=\s*(?:1[6-9]|[2-5]\d|6[0-3])\s*\{|\brange\s*\(\s*0\s*,\s*len\s*\([^()\n]{1,40}\)\s*,\s*(?:1[6-9]|[2-5]\d|6[0-3])\s*\)|\bstr_split\s*\([^;\n]{1,120}?,\s*(?:1[6-9]|[2-5]\d|6[0-3])\s*\)|\.each_slice\s*\(\s*(?:1[6-9]|[2-5]\d|6[0-3])\s*\)|\.chunks(?:_exact)?\s*\(\s*(?:1[6-9]|[2-5]\d|6[0-3])\s*\)|\[\s*[a-z_]\w*\s*\*\s*(?:1[6-9]|[2-5]\d|6[0-3])\s*:|\b[a-z_]\w*\s*\*\s*(?:1[6-9]|[2-5]\d|6[0-3])\s*<\s*len\s*\(|\b(?<n>[a-z_]\w*)\s*:?=\s*(?:1[6-9]|[2-5]\d|6[0-3])[ \t]*\r?\n(?:[^\n]*\n){0,6}?[^\n]*\[\s*:\s*\k<n>\s*\]|\.scan\s*\(\s*/\.\{1,(?:1[6-9]|[2-5]\d|6[0-3])\}/\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelSlices();

    /// <summary>Encoding that makes any bytes fit a DNS label (hex, base32, base64; PHP's <c>bin2hex</c>, Ruby's <c>unpack1('H*')</c>, Go's <c>hex.EncodeToString</c>); random bytes in hex are no data.</summary>
    [GeneratedRegex(@"\b(?:hexlify|b32encode|b64encode|urlsafe_b64encode|b16encode)\s*\(|(?<!urandom\(\s*\d+\s*\)|token_bytes\(\s*\d*\s*\))\.hex\s*\(\s*\)|toString\s*\(\s*[""'](?:hex|base64|base64url)[""']|\bxxd\s+-p\b|\bbase32\b|\bbin2hex\s*\(|\bunpack1?\s*\(\s*[""']H\*[""']|\bhex\.EncodeToString\s*\(|\{:02x\}|\bhex::encode\s*\(|\bdata_encoding::(?:HEXLOWER|BASE32)|\bbase32::encode\s*\(|\bHexFormat\.of\s*\(|\bConvert\.ToHexString\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelEncoding();

    /// <summary>A name lookup: dig, nslookup, host, a resolver library's query (Go's <c>net.LookupHost</c>, a resolver's <c>.LookupTXT(ctx, …)</c> and miekg/dns's <c>SetQuestion</c>, Ruby's <c>Resolv::DNS</c>, PHP's <c>dns_get_record</c>, Rust's <c>to_socket_addrs()</c>, Java's <c>InetAddress.getByName</c>, .NET's <c>Dns.GetHostAddresses</c>).</summary>
    [GeneratedRegex(@"[""'\s(\[]dig[""'\s]|\bnslookup\b|\bdns\.(?:resolver|query|resolve\w*|lookup|promises)\b|\bgethostbyname\w*\s*\(|\bgetaddrinfo\s*\(|\bResolve-DnsName\b|\bresolver\.(?:resolve|query)\s*\(|\.SetQuestion\s*\(|\bnet\.(?:DefaultResolver\.)?Lookup(?:Host|IP|IPAddr|TXT|CNAME|MX|NS)\s*\(|\b[rR]esolver\.Lookup(?:Host|IP|IPAddr|TXT|CNAME|MX|NS)\s*\(|\.Lookup(?:Host|IP|IPAddr|TXT|CNAME|MX|NS)\s*\(\s*(?:ctx\b|context\.\w+\s*\()|\)\.Lookup(?:Host|IP|IPAddr|TXT|CNAME|MX|NS)\s*\(|\bResolv::DNS\b|\bSocket\.getaddrinfo\b|\bdns_get_record\s*\(|\bcheckdnsrr\s*\(|\.to_socket_addrs\s*\(\s*\)|\blookup_host\s*\(|\bInetAddress\.getBy(?:Name|Address)\s*\(|\bInetAddress\.getAllByName\s*\(|\bDns\.(?:GetHostAddresses|GetHostEntry|Resolve)(?:Async)?\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex NameLookup();

    /// <summary>
    /// A ping whose padding pattern comes from a variable (<c>ping -c 1 -p "$chunk" host</c>, <c>["ping", "-p", chunk, host]</c>):
    /// each echo request carries sixteen bytes of the data to the host pinged. A test of a line with a fixed pattern
    /// (<c>-p ff</c>) carries nothing of the host's.
    /// </summary>
    [GeneratedRegex(@"\bping6?\b[^\n|;&]{0,80}?\s-p[ \t]*[""']?\$\{?[A-Za-z_]", RegexOptions.CultureInvariant)]
    private static partial Regex IcmpPattern();

    /// <summary>Slices count as a send only in a file that encodes data (its prefilter, <see cref="MayLookUpNames"/>, saw a lookup).</summary>
    public static AuditSeverity? JudgeLabelSlices(string text, Match match) => PerText.Ask(text, "label-encoding", t => LabelEncoding().IsMatch(t)) ? AuditSeverity.Low : null;

    private static bool MayLookUpNames(string text) => NameLookup().IsMatch(text);
}
