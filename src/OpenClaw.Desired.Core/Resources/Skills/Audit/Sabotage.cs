using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Deletions nobody gets back: the home folder itself (or everything in it), the folders that sign the user in or hold
/// their money (<c>~/.ssh</c>, <c>~/.gnupg</c>, cloud CLIs', wallets', the keyring), the agent's home, workspace or
/// credentials, the user's documents. Cleanup tools delete caches, build output and temporary files by name; none of them
/// removes these, and a skill that does has wiped what the user keeps.
/// </summary>
public static partial class Sabotage
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The home folder, as shells and PowerShell write it.</summary>
    private const string Home = @"(?:~|\$HOME\b|\$\{HOME\}|\$env:(?:HOME|USERPROFILE)\b|%USERPROFILE%)";

    /// <summary>What under the home folder is the user's to keep: keys, sign-ins, wallets, the agent's state, documents.</summary>
    private const string Kept = @"\.(?:ssh|gnupg|aws|kube|azure|password-store|electrum|ethereum|bitcoin|openclaw|clawdbot|moltbot)(?:[/\\](?:workspace|agents|credentials))?|\.config[/\\]gcloud|\.local[/\\]share[/\\]keyrings|Library[/\\]Keychains|Documents|Desktop|Pictures";

    public static IReadOnlyList<AuditRule> Rules { get; } =
    [
        new("destroys-user-data", AuditSeverity.High, "deletes what the user cannot get back: the home folder, SSH or GnuPG keys, cloud or wallet folders, the agent's home, workspace or credentials", RecursiveRemove()) { Judge = JudgeCommand, WordAnchors = ["rm"], CodeOnly = true },
        new("destroys-user-data", AuditSeverity.High, "deletes files across the whole home folder (or its keys), not a cache or build folder by name", FindDelete()) { Judge = JudgeFind, WordAnchors = ["find"], CodeOnly = true },
        new("destroys-user-data", AuditSeverity.High, "deletes what the user cannot get back: the home folder, SSH or GnuPG keys, cloud or wallet folders, the agent's home, workspace or credentials", RemoveCall()) { Judge = JudgeRemoveCall, Anchors = ["rmtree", "removeall", "remove_dir_all", "rm_r", "remove_dir", "remove_entry", "rmsync", "rmdir", "fs.rm", "remove", "rimraf", "remove-item", "directory.delete"], CodeOnly = true },
    ];

    /// <summary>
    /// A recursive <c>rm</c> whose target is the home folder (<c>~</c>, <c>"$HOME"/*</c>) or a kept folder in it
    /// (<c>rm -rf "$HOME/.ssh"</c>, <c>rm -fr ~/.openclaw/workspace</c>), or one told to ignore the root's guard.
    /// A folder inside a kept one (<c>~/.openclaw/skills/x</c>) is not the folder.
    /// </summary>
    [GeneratedRegex(@"\brm[ \t]+(?:-[\w-]+[ \t]+)*?(?:-[a-zA-Z]*[rR][a-zA-Z]*|--recursive)(?:[ \t]+-[\w-]+)*(?:[ \t]+[^\s;&|#]+)*?[ \t]+[""']?" + Home + @"(?:[""']?[/\\](?:" + Kept + @"))?[""']?[/\\]?\*?[""']?(?=[\s;&|)`""',]|$)|\brm\b[^\n;&|]{0,200}?--no-preserve-root\b", I)]
    private static partial Regex RecursiveRemove();

    /// <summary><c>find</c> from the home folder (or a kept folder in it) that deletes what it finds (<c>-delete</c>, <c>-exec rm</c>).</summary>
    [GeneratedRegex(@"\bfind[ \t]+[""']?" + Home + @"(?:[""']?[/\\](?:" + Kept + @"))?[""']?[/\\]?(?=[ \t])(?<args>(?:[^\n;&|]|\\\r?\n){0,400}?)[ \t](?:-delete\b|-exec(?:dir)?[ \t]+(?:rm|shred)\b)", I)]
    private static partial Regex FindDelete();

    /// <summary>A language's recursive delete call and what it is given: <c>shutil.rmtree(…)</c>, <c>os.RemoveAll(…)</c>, <c>fs.rmSync(…)</c>, <c>FileUtils.rm_rf(…)</c>, <c>Remove-Item …</c>.</summary>
    [GeneratedRegex(@"\b(?:shutil\.rmtree|os\.RemoveAll|(?:std::)?fs::remove_dir_all|FileUtils\.(?:rm_rf|rm_r|remove_dir|remove_entry(?:_secure)?)|fs(?:\.promises)?\.(?:rmSync|rm|rmdirSync|rmdir)|fse?\.(?:removeSync|remove)|rimraf(?:\.sync)?|Remove-Item|\[?(?:System\.)?IO\.Directory\]?(?:::|\.)Delete|Directory\.Delete)\b[ \t]*\(?(?<arg>[^\n]{0,240})", I)]
    private static partial Regex RemoveCall();

    /// <summary>The home folder in a program: <c>Path.home()</c>, <c>expanduser("~")</c>, <c>os.homedir()</c>, <c>Dir.home</c>, <c>os.UserHomeDir()</c>, <c>$HOME</c>.</summary>
    private const string HomeCall = @"(?:Path\.home\(\)|expanduser\(\s*[""']~[""']\s*\)|homedir\(\)|Dir\.home\b|ENV\[[""']HOME[""']\]|os\.environ(?:\.get\(|\[)\s*[""']HOME[""']\s*[\])]|UserHomeDir\(\)|home_dir\(\)|\$HOME\b|\$env:(?:HOME|USERPROFILE)\b)";

    /// <summary>
    /// A path that is the home folder or a kept folder in it, as a program writes one: <c>"~/.ssh"</c>,
    /// <c>Path.home() / ".gnupg"</c>, <c>path.join(os.homedir(), ".openclaw", "workspace")</c>, <c>"$HOME\.ssh"</c>, or
    /// the home folder alone (<c>shutil.rmtree(Path.home())</c>).
    /// </summary>
    [GeneratedRegex(@"[""'`]~(?:[/\\](?:" + Kept + @"))?[/\\]?[""'`]|[""'`]" + Home + @"(?:[/\\](?:" + Kept + @"))?[/\\]?[""'`]|(?:" + HomeCall + @"|(?<![.\w])home\b)[^\n""'`]{0,40}[""'`][/\\]?(?:" + Kept + @")[/\\]?[""'`](?:[ \t]*[,+/][ \t]*[""'`](?:workspace|agents|credentials)[""'`])?(?![ \t]*(?:[,+][ \t]*[""'`][\w.-]|/[ \t]*[""'`]?[\w.-]))|" + HomeCall + @"[ \t]*\)?[ \t]*(?:,[ \t]*(?:recursive|force|ignore_errors|true|\{)|\)|$)", I)]
    private static partial Regex KeptPath();

    /// <summary>A name given a path, earlier in the program: <c>ssh_dir = Path.home() / ".ssh"</c>, <c>const target = path.join(os.homedir(), ".gnupg")</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:const|let|var|my|local|final|static)[ \t]+)?\$?(?<name>[A-Za-z_]\w{0,63})[ \t]*(?::[ \t]*[\w.<>\[\]]+[ \t]*)?:?=[ \t]*(?<value>[^\n]{1,240})", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Assignment();

    /// <summary>A line that runs what it quotes: a process call or a shell's <c>-c</c>.</summary>
    [GeneratedRegex(@"\b(?:system|exec\w*|spawn\w*|popen|Popen|run|call|check_call|check_output|getoutput|shell_exec|passthru|Invoke-Expression|iex|Start-Process|Command|Process\.Start)\b|\b(?:ba|z|da)?sh[ \t]+-c\b|%x|`[ \t]*$|\$\([ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Runner();

    /// <summary>
    /// A command on its line: not where a sentence says not to, and where it is quoted (a list of commands a guard
    /// blocks, an <c>echo</c> of advice) only when the line runs the quoted text.
    /// </summary>
    private static AuditSeverity? JudgeCommand(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var line = LineJudges.LineOf(text, match.Index);
        var at = match.Index - lineStart;
        if (OpenQuote(line, at) is var quote and >= 0)
        {
            return Runner().IsMatch(line.AsSpan(0, quote + 1)) ? AuditSeverity.High : null;
        }

        // A word of an echo, printf or a comment's advice is no command.
        var head = line[..at].TrimEnd();
        return head.EndsWith('#') || Regex.IsMatch(head, @"(?:^|[;&|(]\s*)(?:echo|printf|grep|egrep|rg)\b[^;&|]*$", RegexOptions.CultureInvariant) ? null : AuditSeverity.High;
    }

    /// <summary>Where the string that <paramref name="at"/> sits in opens on its line (quotes read in turn, a backslash escapes); -1 outside any.</summary>
    private static int OpenQuote(string line, int at)
    {
        var open = -1;
        for (var i = 0; i < at && i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && open >= 0 && line[open] != '\'')
            {
                i++;
            }
            else if (open < 0 && c is '"' or '\'' or '`')
            {
                open = i;
            }
            else if (open >= 0 && c == line[open])
            {
                open = -1;
            }
        }

        return open;
    }

    /// <summary>A <c>find</c> that names what it deletes (<c>-name '*.pyc'</c>, <c>-path '*/node_modules'</c>, <c>-regex</c>) cleans; one that takes all it finds by age or type wipes.</summary>
    private static AuditSeverity? JudgeFind(string text, Match match) =>
        Regex.IsMatch(match.Groups["args"].Value, @"(?:^|\s)-i?(?:name|regex|wholename)\b|(?:^|\s)(?<!(?:-not|!)\s+)-i?path\b", RegexOptions.CultureInvariant)
            ? null : JudgeCommand(text, match);

    /// <summary>
    /// A delete call given a kept path, written in the call or held in a name the program gave that path before
    /// (<c>ssh_dir = Path.home() / ".ssh"</c> then <c>shutil.rmtree(ssh_dir)</c>).
    /// </summary>
    private static AuditSeverity? JudgeRemoveCall(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        var arg = match.Groups["arg"].Value;
        if (KeptPath().IsMatch(arg))
        {
            return AuditSeverity.High;
        }

        var name = Regex.Match(arg, @"^[ \t(]*(?:-\w+[ \t]+)*\$?(?<name>[A-Za-z_]\w{0,63})\b(?![ \t]*[.(\[])", RegexOptions.CultureInvariant);
        if (!name.Success || name.Groups["name"].Value is "true" or "false" or "None" or "nil" or "null")
        {
            return null;
        }

        var from = Math.Max(0, match.Index - 16 * 1024);
        var given = Assignment().Matches(text[from..match.Index]).LastOrDefault(a => a.Groups["name"].Value == name.Groups["name"].Value);
        return given is not null && KeptPath().IsMatch(given.Groups["value"].Value) ? AuditSeverity.High : null;
    }
}
