using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>An SSH key held in a variable: handed to ssh to sign in, or read.</summary>
public static partial class LineJudges
{
    /// <summary>
    /// An SSH key's path set in a variable (<c>key = os.path.expanduser("~/.ssh/id_ed25519")</c>) that the file uses only to
    /// hand to ssh with <c>-i</c> (<c>f"ssh -i {key}"</c>, <c>["-i", key]</c>, <c>-i "$KEY"</c>) or to test that it exists: the
    /// key signs the user in, as it does written on the ssh line. Any other use (<c>["cat", key]</c>, <c>open(key)</c>,
    /// <c>-F k=@{key}</c>, <c>scp $KEY</c>) may read it.
    /// </summary>
    private static bool KeyHeldForSignIn(string text, Match match)
    {
        if (KeyNames().Count(match.Value) != 1 || AssignedNameAt(text, match.Index) is not { Success: true } assigned)
        {
            return false;
        }

        var name = assigned.Groups["name"].Value;
        var assignedLine = text.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1;
        return PerText.Ask(text, "signs-in:" + name + ":" + assignedLine, t => OnlySignsIn(t, name, assignedLine));
    }

    private static bool OnlySignsIn(string text, string name, int assignedLine)
    {
        var uses = 0;
        var signIns = 0;
        foreach (var use in Regex.EnumerateMatches(text, @"(?<![\w.])\$?\{?" + Regex.Escape(name) + @"\b(?!\s*[:=][^=])", RegexOptions.CultureInvariant))
        {
            var lineStart = use.Index == 0 ? 0 : text.LastIndexOf('\n', use.Index - 1) + 1;
            if (lineStart == assignedLine)
            {
                continue;
            }

            if (++uses > 64)
            {
                return false;
            }

            var before = text.AsSpan(Math.Max(lineStart, use.Index - 40), use.Index - Math.Max(lineStart, use.Index - 40));
            if (SignInBefore().IsMatch(before))
            {
                signIns++;
            }
            else if (!ExistenceTestBefore().IsMatch(before))
            {
                return false;
            }
        }

        return signIns > 0;
    }

    /// <summary>What comes right before a key handed to ssh to sign in: <c>-i </c>, <c>"-i", </c>, <c>IdentityFile=</c>.</summary>
    [GeneratedRegex(@"(?:\s-i[ \t]*[""'{$]*|[""']-i[""'][ \t]*,[ \t]*|IdentityFile[ \t=]+[""'{$]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SignInBefore();

    /// <summary>A test that the key is there: <c>os.path.exists(</c>, <c>[ -f "$KEY" ]</c>, <c>existsSync(</c>, <c>Path(…).is_file()</c>.</summary>
    [GeneratedRegex(@"(?:\b(?:exists|isfile|is_file|existsSync|access|stat|Test-Path)\s*\(\s*[""'{$]*|\[\[?\s*-[fre]\s+[""']?|\bPath\s*\(\s*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ExistenceTestBefore();

    /// <summary>The variable the line at <paramref name="offset"/> sets, where the line starts at most 400 characters before it.</summary>
    internal static Match AssignedNameAt(string text, int offset)
    {
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart > 400 ? Match.Empty : AssignedName().Match(text, lineStart, Math.Min(text.Length - lineStart, 480));
    }

    /// <summary>The variable a line sets: <c>key = …</c>, <c>const key = …</c>, <c>KEY="…"</c>, <c>$key = …</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:const|let|var|local|export|readonly|my)[ \t]+(?:mut[ \t]+)?)?\$?(?<name>[A-Za-z_]\w*)[ \t]*(?::[ \t]*\w+[ \t]*)?:?=", RegexOptions.CultureInvariant)]
    private static partial Regex AssignedName();
}
