using System.Buffers;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// <c>scheme://user:password@host</c>. The match is the password only, so a reference can take its place
/// and the rest of the URL stays readable.
/// </summary>
internal static class UrlPassword
{
    private static readonly SearchValues<char> Scheme = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+.-");
    private static readonly SearchValues<char> AuthorityEnd = SearchValues.Create("/?#\"'`<>()[]{} \t\r\n\\|");

    public static int Detect(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        var schemeLength = Chars.RunBack(text, at, Scheme);
        if (schemeLength < 2 || !char.IsAsciiLetter(text[at - schemeLength]))
        {
            return -1;
        }

        var start = at + 3;
        var window = text[start..Math.Min(text.Length, start + 512)];
        var authorityLength = window.IndexOfAny(AuthorityEnd);
        var authority = authorityLength < 0 ? window : window[..authorityLength];
        var atSign = authority.LastIndexOf('@');
        if (atSign <= 0 || atSign == authority.Length - 1)
        {
            return -1;
        }

        var userInfo = authority[..atSign];
        var colon = userInfo.IndexOf(':');
        if (colon < 0 || colon == userInfo.Length - 1)
        {
            return -1;
        }

        var password = userInfo[(colon + 1)..];
        var host = authority[(atSign + 1)..];
        var hostEnd = host.IndexOf(':');
        var hostName = (hostEnd < 0 ? host : host[..hostEnd]).ToString();
        var port = hostEnd < 0 ? [] : host[(hostEnd + 1)..];
        if (IsPlaceholder(password) || ValueHeuristics.IsSlotPair(userInfo[..colon], password) || IsSlotAddress(hostName, port))
        {
            return -1;
        }

        var scheme = text.Slice(at - schemeLength, schemeLength).ToString();
        sink.Add(new SecretMatch(start + colon + 1, password.Length, SecretKinds.UrlPassword, $"{scheme}_{hostName.Split('.')[0]}_password"));
        return start + atSign;
    }

    /// <summary>
    /// A password in a URL is a credential whatever its wording (<c>user:secret@</c> logs in wherever the service
    /// still has it); only a template, a mask or a reference is passed over.
    /// </summary>
    private static readonly HashSet<string> HostSlots = new(StringComparer.OrdinalIgnoreCase) { "host", "hostname", "ip", "server", "domain", "proxy", "address", "addr" };

    /// <summary>An address still to fill in (<c>@host:port</c>, <c>@ip:port</c>): the URL is a template, so is its password.</summary>
    private static bool IsSlotAddress(string host, ReadOnlySpan<char> port) =>
        HostSlots.Contains(host) || (!port.IsEmpty && port.ContainsAnyExcept(Chars.Digits) && !ValueHeuristics.IsTemplate(port) && char.IsAsciiLetter(port[0]));

    private static bool IsPlaceholder(ReadOnlySpan<char> password) =>
        ValueHeuristics.IsTemplate(password) || password.Length > 256;
}
