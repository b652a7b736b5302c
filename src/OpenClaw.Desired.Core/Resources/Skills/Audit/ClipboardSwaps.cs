using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A clipper: a program that reads the clipboard, tests what it holds against the shape of a crypto wallet address
/// (Bitcoin, Ethereum, Solana, Tron, Monero), and writes the clipboard back, holding a wallet address of its own. The user
/// copies where to send a payment and pastes the author's. A wallet tool that copies the user's own address, or checks a
/// pasted one, holds no address to swap in.
/// </summary>
public static partial class ClipboardSwaps
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("clipboard-hijack", AuditSeverity.Critical, "watches the clipboard for crypto wallet addresses and writes one of its own in their place: a payment the user pastes goes to the skill's author");

    /// <summary>Where the program writes the clipboard, in a program that also reads it, matches wallet addresses and holds one.</summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024 || !ClipboardLibrary().IsMatch(text) || !ReadsClipboard().IsMatch(text) || !AddressShape().IsMatch(text) || !HeldAddress().IsMatch(text))
        {
            yield break;
        }

        // The swap: a write within a few lines after a test of the address's shape, with no request between (a balance
        // looked up for a pasted address, then copied, is a lookup).
        foreach (Match write in WritesClipboard().Matches(text))
        {
            var from = Math.Max(0, write.Index - 400);
            var before = text.AsSpan(from, write.Index - from);
            var lines = before.Count('\n');
            var window = lines <= 5 ? before : before[(before.Length - LastLines(before, 5))..];
            if (ShapeTest().IsMatch(window) && !Request().IsMatch(window))
            {
                yield return (write.Index, Rule);
                yield break;
            }
        }

        // The swap as a table: a row that pairs an address's shape with an address the program holds
        // (@{ Pattern = '^0x[a-fA-F0-9]{40}$'; Value = '0x7Fa3…' }, (re.compile(r"^bc1…"), "bc1q…")), in a program that
        // writes the clipboard: whatever matches the shape is answered with the row's address, wherever the test is.
        if (WritesClipboard().Match(text) is { Success: true } written)
        {
            foreach (var line in text.Split('\n').Take(4096))
            {
                if (line.Length < 400 && AddressShape().IsMatch(line) && HeldAddress().IsMatch(line))
                {
                    yield return (written.Index, Rule);
                    yield break;
                }
            }
        }

        // The swap as a substitution: every match of the address patterns replaced with an address the program holds
        // (pat.sub(_CANON[kind], text), text.replace(/0x[a-fA-F0-9]{40}/g, OWN)): a "normalizer" that writes its own.
        foreach (Match substitution in WritesClipboard().IsMatch(text) ? Substitution().Matches(text).Take(64) : [])
        {
            var lineEnd = text.IndexOf('\n', substitution.Index);
            var call = text[substitution.Index..(lineEnd < 0 ? text.Length : Math.Min(lineEnd, substitution.Index + 300))];

            // The replacement: a compiled pattern's .sub takes it first; re.sub, .replace, gsub and -replace take the pattern first.
            var arguments = call[substitution.Length..];
            var replacement = substitution.Value.StartsWith(".sub", StringComparison.Ordinal) && !text.AsSpan(Math.Max(0, substitution.Index - 3), Math.Min(3, substitution.Index)).EndsWith("re")
                ? arguments : arguments[(arguments.IndexOf(',') + 1)..];
            if (HeldAddress().IsMatch(replacement) || Identifier().Matches(replacement).Any(name => HoldsAddress(text, name.Value)))
            {
                yield return (substitution.Index, Rule);
                yield break;
            }
        }
    }

    /// <summary>
    /// Whether a name is given an address the program holds (<c>_CANON = {"eth": "0x8B3f…", …}</c>, <c>const OWN = "bc1q…"</c>):
    /// its assignment's line holds one, or, where the line opens a bracket, the lines up to the one that closes it (600 characters at most).
    /// </summary>
    private static bool HoldsAddress(string text, string name) =>
        name.Length >= 2 && PerText.Ask(text, "holds-wallet-address:" + name, t =>
            AssignedAddress(t, name) || LoopSources(t, name).Any(source => source != name && AssignedAddress(t, source)));

    private static bool AssignedAddress(string text, string name) =>
        Regex.Matches(text, @"(?<![\w.$])" + Regex.Escape(name) + @"\s*(?::\s*[\w\[\], ]+\s*)?=(?!=)", RegexOptions.CultureInvariant).Take(8)
            .Any(m => HeldAddress().IsMatch(Statement(text, m.Index)));

    /// <summary>
    /// The lists a name is taken from by a loop (<c>for rx, canon in _NORM:</c>, <c>for (const [rx, canon] of NORM)</c>,
    /// <c>for _, canon := range norm</c>, <c>NORM.each do |rx, canon|</c>): a table of patterns and the addresses that replace them.
    /// </summary>
    private static IEnumerable<string> LoopSources(string text, string name)
    {
        var word = Regex.Escape(name);
        var loops = new Regex(@"\bfor\b[^\n:{]{0,80}?(?<![\w$])" + word + @"(?![\w$])[^\n:{]{0,40}?(?:\b(?:in|of)\s+|:=\s*range\s+)(?<src>[A-Za-z_$][\w$]*)\b"
            + @"|(?<src>[A-Za-z_$][\w$]*)\.(?:each|each_pair|forEach)\w*\s*(?:do\s*|\{\s*|\(\s*\(?)\|?[^|\n()]{0,60}?(?<![\w$])" + word + @"(?![\w$])", RegexOptions.CultureInvariant);
        return loops.Matches(text).Take(8).Select(m => m.Groups["src"].Value);
    }

    /// <summary>An assignment from its offset: to the line's end, or past lines up to a line that starts with the closing bracket.</summary>
    private static ReadOnlySpan<char> Statement(string text, int offset)
    {
        var span = text.AsSpan(offset, Math.Min(600, text.Length - offset));
        var lineEnd = span.IndexOf('\n');
        if (lineEnd < 0 || span[..lineEnd].TrimEnd() is not [.., '{' or '[' or '('])
        {
            return lineEnd < 0 ? span : span[..lineEnd];
        }

        for (var at = lineEnd; at >= 0 && at < span.Length - 1; at = span[(at + 1)..].IndexOf('\n') is var next and >= 0 ? at + 1 + next : -1)
        {
            if (span[(at + 1)..].TrimStart(" \t") is ['}' or ']' or ')', ..])
            {
                return span[..(at + 1)];
            }
        }

        return span;
    }

    /// <summary>A substitution: Python's <c>.sub(</c>, JavaScript's <c>.replace(</c> and <c>.replaceAll(</c>, Ruby's <c>gsub</c>, .NET's <c>Regex.Replace</c>, Go's <c>ReplaceAllString</c>, PowerShell's <c>-replace</c>.</summary>
    [GeneratedRegex(@"\.sub\s*\(|\.replace(?:All)?\s*\(|\bgsub!?\s*\(|\bRegex\.Replace\s*\(|\.ReplaceAll(?:String)?\s*\(|\s-replace\s", RegexOptions.CultureInvariant)]
    private static partial Regex Substitution();

    [GeneratedRegex(@"[A-Za-z_$][\w$]*", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    /// <summary>The length of the last <paramref name="count"/> lines of a span.</summary>
    private static int LastLines(ReadOnlySpan<char> text, int count)
    {
        var at = text.Length;
        for (var i = 0; i < count && at > 0; i++)
        {
            at = text[..(at - 1)].LastIndexOf('\n') + 1;
        }

        return text.Length - at;
    }

    /// <summary>A pattern tested: <c>rx.match(cur)</c>, <c>re.fullmatch</c>, <c>.test(text)</c>, <c>MatchString(</c>, <c>=~</c>, <c>startsWith('0x')</c>.</summary>
    [GeneratedRegex(@"\.(?:match|fullmatch|search|test|MatchString|is_match|IsMatch)\s*\(|=~|\bstartsWith\s*\(\s*[""'](?:0x|bc1|T)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex ShapeTest();

    /// <summary>A request made between the test and the write.</summary>
    [GeneratedRegex(@"\b(?:requests|httpx|fetch|axios|urlopen|http\.Get|getBalance|get_balance|rpc|Client)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Request();

    /// <summary>A clipboard library or command the program uses (the clipboard may then be passed around as an object: <c>cb.paste()</c>).</summary>
    [GeneratedRegex(@"\b(?:pyperclip|clipboardy|clipboard|arboard|pbpaste|pbcopy|xclip|xsel|wl-paste|wl-copy|Get-Clipboard|Set-Clipboard|GetClipboardData|atotto/clipboard)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClipboardLibrary();

    [GeneratedRegex(@"\.paste\s*\(\s*\)|\b(?:[A-Za-z_]*[cC]lip\w*|cb)\.(?:read|get|paste)\w*\s*\(|\b(?:clipboard\.readText|readText\s*\(|readSync\s*\(|pbpaste|Get-Clipboard|xclip\b[^\n]{0,80}?\s-o\b|xsel\b[^\n]{0,80}?\s-o\b|clipboardy\.(?:read|readSync)\b|clipboard\.Read\s*\(|wl-paste|get_text\s*\(|GetClipboardData|clipboard\.ReadAll|GetText\s*\()", RegexOptions.CultureInvariant)]
    private static partial Regex ReadsClipboard();

    [GeneratedRegex(@"\b(?:\w+\.copy\s*\((?!\s*\))|(?:[A-Za-z_]*[cC]lip\w*|cb)\.(?:write|set|copy)\w*\s*\(|clipboard\.writeText|writeText\s*\(|pbcopy|Set-Clipboard|xclip\b[^\n]{0,80}?\s-(?:i|in)\b|xsel\b[^\n]{0,80}?\s-i\b|clipboardy\.(?:write|writeSync)\b|clipboard\.Write\s*\(|wl-copy|set_text\s*\(|SetClipboardData|clipboard\.WriteAll|SetText\s*\()|(?<=[(\[,]\s*)(?:[""'])(?:pbcopy|wl-copy|xclip)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex WritesClipboard();

    /// <summary>A pattern for a wallet address: Ethereum's <c>0x[a-fA-F0-9]{40}</c>, Bitcoin's <c>bc1</c> or base58 <c>[13]</c>, Tron's <c>T</c>, Monero's <c>4</c>, base58 of 32 to 44.</summary>
    [GeneratedRegex(@"0x\[[\w-]{3,12}\]\{40\}|\bbc1\[|\^?\(?bc1|\[13\]\[a-km-zA-HJ-NP-Z1-9\]|\bT\[1-9A-HJ-NP-Za-km-z\]|\[1-9A-HJ-NP-Za-km-z\]\{3[0-9],4[0-9]\}|\^4\[0-9AB\]", RegexOptions.CultureInvariant)]
    private static partial Regex AddressShape();

    /// <summary>A wallet address written as a string: Ethereum (<c>0x</c> and 40 hex digits), Bitcoin bech32 (<c>bc1q…</c>), Tron (<c>T</c> and 33 base58).</summary>
    [GeneratedRegex(@"[""'`](?:0x(?!0{40})[a-fA-F0-9]{40}|bc1[ac-hj-np-z02-9]{25,59}|T[1-9A-HJ-NP-Za-km-z]{33}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})[""'`]", RegexOptions.CultureInvariant)]
    private static partial Regex HeldAddress();
}
