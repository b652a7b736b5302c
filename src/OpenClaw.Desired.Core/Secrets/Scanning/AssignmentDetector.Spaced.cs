using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>The forms where no <c>=</c> or <c>:</c> joins the name and the value.</summary>
internal static partial class AssignmentDetector
{
    /// <summary>"… is 'v'", "… for user 'u' is 'v'": a password told in a sentence.</summary>
    [GeneratedRegex("""\G(?:for\s+(?:the\s+)?(?:user|account)\s+(?<q1>['"])[^'"\n]{1,40}\k<q1>\s+)?is\s+(?<q>['"])(?<v>[^'"\s]{4,64})\k<q>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Told();

    /// <summary>"… key is v", "… secret is v": a key or token told in a sentence, judged by its shape.</summary>
    [GeneratedRegex("""\Gis\s+[`'"]?(?<v>[A-Za-z0-9+/=_.~-]{16,512})""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ToldKey();

    private static int TrySpaced(ReadOnlySpan<char> text, int left, int right, int i, bool quoted, List<SecretMatch> sink)
    {
        var name = text[left..right];
        var gap = i > right + (quoted ? 1 : 0);
        var flag = name[0] == '-';
        if (quoted && text[i] == ',' && left > 0 && text[left - 1] is '"' or '\'')
        {
            return TryCallPair(text, i + 1, name, sink);
        }

        var xmlElement = left > 0 && text[left - 1] == '<' && right < text.Length && text[right] == '>';
        var xmlAttribute = quoted && text[i..].StartsWith("value=", StringComparison.OrdinalIgnoreCase);
        if (!xmlElement && !xmlAttribute && !gap)
        {
            return -1;
        }

        var verdict = SecretNames.Classify(name);
        if (verdict == NameVerdict.NotSecret)
        {
            return -1;
        }

        if (xmlElement)
        {
            // <password>v</password>
            var body = text[(right + 1)..Math.Min(text.Length, right + 1 + 1024)];
            var end = body.IndexOfAny('<', '\n');
            return end <= 0 || body[end] != '<' ? -1 : Add(text, right + 1, end, name, verdict, ValueForm.Literal, sink);
        }

        if (xmlAttribute)
        {
            // <add key="FromEmailPassword" value="v"/>
            var (start, length, _) = ReadValue(text, i + "value=".Length, wholeLine: false);
            return length == 0 ? -1 : Add(text, start, length, name, verdict, ValueForm.Literal, sink);
        }

        if (text[i] is 'i' or 'I' or 'f' or 'F')
        {
            return TryTold(text, i, name, verdict, sink);
        }

        if (text[i] is '"' or '\'')
        {
            // Gradle, Groovy, PowerShell flags: password 'v', -Password "v".
            var (start, length, _) = ReadValue(text, i, wholeLine: false);
            return length == 0 || verdict == NameVerdict.Secret && !flag ? -1 : Add(text, start, length, name, verdict, ValueForm.Literal, sink);
        }

        if (flag || verdict == NameVerdict.Password && IsNetrc(text, left) || IsConfigSet(text, left))
        {
            // --password v, -Password v, -vaultToken v; netrc: machine h login u password v; openclaw config set gateway.auth.token v.
            var length = Chars.Run(text, i, Chars.Printable);
            return length == 0 || text[i] == '-' ? -1 : Add(text, i, length, name, verdict, ValueForm.Literal, sink);
        }

        return -1;
    }

    /// <summary>A value holding a secret name's own word (<c>client_secret_2fa</c>) is another name.</summary>
    private static readonly System.Buffers.SearchValues<string> NameWords = System.Buffers.SearchValues.Create(["secret", "token", "passw", "apikey", "api_key", "api-key", "credential"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A call given a secret's name and then its value: <c>setenv("API_KEY", "v")</c>, <c>headers.put("X-Api-Key",
    /// "v")</c>, <c>os.environ.setdefault('TOKEN', 'v')</c>, Gradle's <c>buildConfigField 'String', 'API_KEY', '"v"'</c>.
    /// The same pair is also a label and its translation (<c>t("password", "Passwort")</c>), so a password here is
    /// judged like a key, by its shape, unless it mixes letters with digits or signs as chosen passwords do.
    /// </summary>
    private static int TryCallPair(ReadOnlySpan<char> text, int i, ReadOnlySpan<char> name, List<SecretMatch> sink)
    {
        var verdict = SecretNames.Classify(name);
        i = SkipBlanks(text, i);
        if (verdict == NameVerdict.NotSecret || i >= text.Length || text[i] is not ('"' or '\''))
        {
            return -1;
        }

        var (start, length, _) = ReadValue(text, i, wholeLine: false);
        if (length > 2 && text[start] is '"' or '\'' && text[start + length - 1] == text[start])
        {
            // A value quoted twice, as Gradle writes a string constant: '"v"'.
            start++;
            length -= 2;
        }

        if (length == 0)
        {
            return -1;
        }

        var value = text.Slice(start, length);
        if (AssignedValues.IsIdentifierShaped(value) || value.ContainsAny(NameWords))
        {
            // ["token", "token_hash_sha256"], emitter.on("token", "onTokenRefreshV2"): names, not values.
            return -1;
        }

        var chosen = value.Length >= 8 && value.ContainsAny(Chars.Digits) && value.ContainsAny(Chars.Letters) && !AssignedValues.IsWordsOnly(value);
        return verdict == NameVerdict.Password && !chosen ? -1 : Add(text, start, length, name, verdict, ValueForm.Literal, sink);
    }

    private static int TryTold(ReadOnlySpan<char> text, int i, ReadOnlySpan<char> name, NameVerdict verdict, List<SecretMatch> sink)
    {
        var window = text[i..Math.Min(text.Length, i + 160)];
        var lineEnd = window.IndexOf('\n');
        var line = (lineEnd < 0 ? window : window[..lineEnd]).ToString();
        var match = verdict == NameVerdict.Password ? Told().Match(line) : ToldKey().Match(line);
        if (!match.Success)
        {
            return -1;
        }

        var value = match.Groups["v"];
        var length = value.Length;
        while (length > 0 && line[value.Index + length - 1] is '.' or '-' or '_' or '~')
        {
            length--;
        }

        return Add(text, i + value.Index, length, name, verdict, ValueForm.Told, sink);
    }

    /// <summary>A tool's <c>config set NAME VALUE</c> (openclaw, npm, yarn, pnpm): the name is given its value.</summary>
    private static bool IsConfigSet(ReadOnlySpan<char> text, int left)
    {
        var lineStart = text[..left].LastIndexOf('\n') + 1;
        return ConfigSet().IsMatch(text[lineStart..left]);
    }

    [GeneratedRegex(@"\bconfig\s+set(?:\s+--?[\w-]+)*\s+\S*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConfigSet();

    /// <summary>A netrc line: "machine host login user password value", on one line or several.</summary>
    private static bool IsNetrc(ReadOnlySpan<char> text, int left)
    {
        var from = Math.Max(0, left - 200);
        var before = text[from..left];
        return before.Contains("machine ", StringComparison.Ordinal) && before.Contains("login ", StringComparison.Ordinal);
    }
}
