using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Harm to what the user keeps. Deletions nobody gets back: the home folder itself (or everything in it), the folders that sign the user in or hold
/// their money (<c>~/.ssh</c>, <c>~/.gnupg</c>, cloud CLIs', wallets', the keyring), the agent's home, workspace or
/// credentials, the user's documents. Cleanup tools delete caches, build output and temporary files by name; none of them
/// removes these, and a skill that does has wiped what the user keeps. And the same things opened to every account on
/// the machine: a private key or the agent's credentials made readable by all, Everyone granted read on them.
/// </summary>
public static partial class Sabotage
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The home folder, as shells and PowerShell write it.</summary>
    private const string Home = @"(?:~|\$HOME\b|\$\{HOME(?::?[?=+-][^}\n]{0,40})?\}|\$env:(?:HOME|USERPROFILE)\b|%USERPROFILE%)";

    /// <summary>What under the home folder is the user's to keep: keys, sign-ins, wallets, the agent's state, documents.</summary>
    private const string Kept = @"\.(?:ssh|gnupg|aws|kube|azure|password-store|electrum|ethereum|bitcoin|openclaw|clawdbot|moltbot)(?:[/\\](?:workspace|agents|credentials))?|\.config[/\\]gcloud|\.local[/\\]share[/\\]keyrings|Library[/\\]Keychains|Documents|Desktop|Pictures";

    public static IReadOnlyList<AuditRule> Rules { get; } =
    [
        new("destroys-user-data", AuditSeverity.High, "deletes what the user cannot get back: the home folder, SSH or GnuPG keys, cloud or wallet folders, the agent's home, workspace or credentials", RecursiveRemove()) { Judge = JudgeCommand, WordAnchors = ["rm"], CodeOnly = true },
        new("destroys-user-data", AuditSeverity.High, "deletes files across the whole home folder (or its keys), not a cache or build folder by name", FindDelete()) { Judge = JudgeFind, WordAnchors = ["find"], CodeOnly = true },
        new("destroys-user-data", AuditSeverity.High, "deletes what the user cannot get back: the home folder, SSH or GnuPG keys, cloud or wallet folders, the agent's home, workspace or credentials", RemoveCall()) { Judge = JudgeRemoveCall, Anchors = ["rmtree", "removeall", "remove_dir_all", "rm_r", "remove_dir", "remove_entry", "rmsync", "rmdir", "fs.rm", "remove", "rimraf", "remove-item", "directory.delete"], CodeOnly = true },
        new("credentials-opened", AuditSeverity.High, "opens the user's keys or the agent's credentials to every account on the machine (a private key or ~/.openclaw made group- or world-readable, Everyone granted read on them)", OpenedMode()) { Judge = JudgeOpened, WordAnchors = ["chmod"], CodeOnly = true },
        new("credentials-opened", AuditSeverity.High, "opens the user's keys or the agent's credentials to every account on the machine (a private key or ~/.openclaw made group- or world-readable, Everyone granted read on them)", EveryoneGranted()) { Judge = JudgeGrant, Anchors = ["s-1-1-0", "everyone", "s-1-5-11", "authenticated users", "s-1-5-32-545", "builtin\\users"], CodeOnly = true },
    ];

    public static readonly (string Id, AuditSeverity Severity, string Why) TrailsWiped =
        ("destroys-history", AuditSeverity.High, "wipes more than one record of what happened: Git's reflog expired now (commits nobody can recover), shell or PowerShell history emptied, the agent's session transcripts or backups deleted, system logs cleared: a cleanup has no need of that, a cover-up has");

    /// <summary>
    /// The offset of the first of two or more kinds of record wiped in one program: Git's reflog expired now or its
    /// stash cleared (with <c>gc --prune=now</c> nothing is left to recover); shell history emptied (<c>: &gt; ~/.bash_history</c>,
    /// <c>history -c</c>, <c>Clear-History</c>, PSReadLine's history file among what is deleted); the agent's transcripts
    /// (<c>*.jsonl</c>) or backups (<c>*.bak</c>) deleted where the program names the agent's home; system logs cleared
    /// (<c>wevtutil cl</c>, <c>Clear-EventLog</c>, <c>journalctl --vacuum</c>). One kind alone is a tool's job (a repository's
    /// compaction, a history reset the user asks for), and the line rules judge it.
    /// </summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024)
        {
            yield break;
        }

        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Kind(string name, Regex regex)
        {
            foreach (Match m in regex.Matches(text).Take(16))
            {
                if (!Regex.IsMatch(LineJudges.LineOf(text, m.Index), @"^\s*(?:#|//|/?\*|REM\b|rem\b)", RegexOptions.CultureInvariant))
                {
                    kinds.TryAdd(name, m.Index);
                    return;
                }
            }
        }

        Kind("git", ReflogExpired());
        Kind("shell", HistoryEmptied());
        Kind("logs", LogsCleared());
        if (AgentHome().IsMatch(text) && Deletes().IsMatch(text))
        {
            Kind("agent", AgentRecords());
        }

        if (kinds.Count >= 2)
        {
            yield return (kinds.Values.Min(), TrailsWiped);
        }
    }

    [GeneratedRegex(@"\breflog\s+expire\b[^\n]{0,80}?--expire(?:-unreachable)?=(?:now|all|0)\b|\breflog\s+delete\b|\bstash\s+clear\b", I)]
    private static partial Regex ReflogExpired();

    [GeneratedRegex(@"(?:^|[;&|{(]\s*|\s)(?::|true|cat\s+/dev/null)?\s*>\s*[""']?(?:~|\$HOME|\$\{HOME\}|\$env:HOME|\$env:USERPROFILE)[/\\]\.(?:bash|zsh|sh|fish|python)_history\b|\bhistory\s+-c\b|\bClear-History\b|PSReadLine[^\n]{0,120}?_history\.txt|\bHistorySavePath\b|\b(?:rm|shred|truncate(?:\s+-s\s*0)?|Remove-Item|unlink|os\.remove)\b[^\n]{0,120}?\.(?:bash|zsh|sh|python)_history\b|\bunset\s+HISTFILE\b|\bHISTFILE=/dev/null\b", I | RegexOptions.Multiline)]
    private static partial Regex HistoryEmptied();

    [GeneratedRegex(@"\bwevtutil(?:\.exe)?\s+cl\b|\bClear-EventLog\b|\bjournalctl\b[^\n]{0,60}--vacuum-(?:time|size)=\s*(?:1s|0|1)\b|\b(?:shred|truncate|rm)\b[^\n]{0,80}/var/log\b", I)]
    private static partial Regex LogsCleared();

    [GeneratedRegex(@"\.openclaw\b|\bOPENCLAW_(?:HOME|STATE_DIR)\b|\bagents[/\\][^\n]{0,40}sessions\b", I)]
    private static partial Regex AgentHome();

    [GeneratedRegex(@"-delete\b|\brm\s+-|\bRemove-Item\b|\bunlink(?:Sync)?\s*\(|\bos\.remove\b|\bshutil\.rmtree\b|\bfs\.rm(?:Sync)?\b|\bFile\.Delete\b|\bRemove-\w+", I)]
    private static partial Regex Deletes();

    /// <summary>The agent's transcripts or backups among what is deleted: a <c>*.jsonl</c> or <c>*.bak</c> name on a line that deletes, or in a list of targets (<c>Filter = '*.jsonl'</c>).</summary>
    [GeneratedRegex(@"^[^\n]*?(?:-delete\b|\brm\b|\bRemove-Item\b|\bunlink|\bos\.remove\b|\bFilter\s*=)[^\n]*?\*\.(?:jsonl|bak)\b|^[^\n]*?\*\.(?:jsonl|bak)\b[^\n]*?(?:-delete\b|\bRemove-Item\b)", I | RegexOptions.Multiline)]
    private static partial Regex AgentRecords();

    /// <summary>
    /// A mode that lets the group or others read (<c>644</c>, <c>755</c>, <c>a+rX</c>, <c>go+r</c>) given to a private key, to
    /// the agent's home or credentials, to GnuPG's or a cloud CLI's folder, or recursively to <c>~/.ssh</c>. A public key
    /// (<c>id_ed25519.pub</c>), <c>known_hosts</c> and <c>config</c> may be read by all.
    /// </summary>
    [GeneratedRegex(@"\bchmod[ \t]+(?<flags>(?:-[\w-]+[ \t]+)*)(?:[0-7]?[0-7][4-7][0-7]|[0-7]?[0-7][0-7][4-7]|[ugoa]*[goa][ugoa]*\+[rwxXst]*r[rwxXst]*|a?\+[rwxX]*r[rwxX]*|[ugoa]*[goa][ugoa]*\+X)[ \t]+(?<target>[^\n;|&]{0,120}?(?:id_(?:rsa|ed25519|ecdsa|dsa)\b(?!\.pub)|\.openclaw\b(?![/\\'""`]*\s*,?\s*['""`]?(?:skills|workspace)\b)|auth-profiles|[/\\'""]credentials\b|\.gnupg\b|\.aws\b|\.kube\b|\.ssh\b(?![/\\])))", I)]
    private static partial Regex OpenedMode();

    /// <summary>Windows' everyone, authenticated users or users group granted access: <c>icacls … /grant *S-1-1-0:(OI)(CI)RX</c>, <c>FileSystemAccessRule("Everyone", "Read", …)</c>.</summary>
    [GeneratedRegex(@"/grant(?::r)?[""',\s]+[^\n]{0,40}?(?:\*S-1-1-0|\bEveryone\b|\*S-1-5-11|Authenticated\s+Users|\*S-1-5-32-545|BUILTIN\\Users)[^\n:]{0,8}:[^\n]{0,20}?\b(?:R|RX|M|F|W)\b|FileSystemAccessRule\s*\(\s*[""'](?:Everyone|Authenticated\s+Users|Users|BUILTIN\\Users|S-1-1-0)[""']", I)]
    private static partial Regex EveryoneGranted();

    /// <summary>~/.ssh itself may be listed by all (its keys keep their own modes): it counts opened only recursively (<c>chmod -R a+rX ~/.ssh</c>).</summary>
    private static AuditSeverity? JudgeOpened(string text, Match match) =>
        match.Value.EndsWith(".ssh", StringComparison.OrdinalIgnoreCase)
        && !(Regex.IsMatch(match.Groups["flags"].Value, @"-\w*R|--recursive") && (match.Index + match.Length >= text.Length || text[match.Index + match.Length] is not ('/' or '\\')))
            ? null : JudgeCommand(text, match);

    /// <summary>A grant counts in a program that names the user's keys or the agent's credentials (it is given them by a variable or a parameter).</summary>
    private static AuditSeverity? JudgeGrant(string text, Match match) =>
        PerText.Ask(text, "names-kept-credentials", t => Regex.IsMatch(t, @"\.ssh\b|\.openclaw\b|\.gnupg\b|auth-profiles|\bid_(?:rsa|ed25519|ecdsa)\b", I))
        && !Regex.IsMatch(LineJudges.LineOf(text, match.Index), @"^\s*(?:#|//|/?\*|REM\b|rem\b)", RegexOptions.CultureInvariant) ? AuditSeverity.High : null;

    /// <summary>
    /// A recursive <c>rm</c> whose target is the home folder (<c>~</c>, <c>"$HOME"/*</c>) or a kept folder in it
    /// (<c>rm -rf "$HOME/.ssh"</c>, <c>rm -fr ~/.openclaw/workspace</c>), or one told to ignore the root's guard.
    /// A folder inside a kept one (<c>~/.openclaw/skills/x</c>) is not the folder.
    /// </summary>
    [GeneratedRegex(@"\brm[ \t]+(?:(?>-[\w-]+)[ \t]+){0,8}?(?>-[a-zA-Z]*[rR][a-zA-Z]*|--recursive)(?:[ \t]+(?>-[\w-]+)){0,8}(?:[ \t]+(?>[^\s;&|#]+)){0,16}?[ \t]+[""']?" + Home + @"(?:[""']?[/\\](?:" + Kept + @"))?[""']?[/\\]?\*?[""']?(?=[\s;&|)`""',]|$)|\brm\b[^\n;&|]{0,200}?--no-preserve-root\b", I)]
    private static partial Regex RecursiveRemove();

    /// <summary><c>find</c> from the home folder (or a kept folder in it) that deletes what it finds (<c>-delete</c>, <c>-exec rm</c>).</summary>
    [GeneratedRegex(@"\bfind[ \t]+[""']?" + Home + @"(?:[""']?[/\\](?:" + Kept + @"))?[""']?[/\\]?(?=[ \t])(?<args>(?:[^\n;&|]|\\\r?\n){0,400}?)[ \t](?:-delete\b|-exec(?:dir)?[ \t]+(?:rm|shred)\b)", I)]
    private static partial Regex FindDelete();

    /// <summary>A language's recursive delete call and what it is given: <c>shutil.rmtree(…)</c>, <c>os.RemoveAll(…)</c>, <c>fs.rmSync(…)</c>, <c>FileUtils.rm_rf(…)</c>, <c>Remove-Item …</c>.</summary>
    [GeneratedRegex(@"\b(?:shutil\.rmtree|os\.RemoveAll|(?:std::)?fs::remove_dir_all|FileUtils\.(?:rm_rf|rm_r|remove_dir|remove_entry(?:_secure)?)|fs(?:\.promises)?\.(?:rmSync|rm|rmdirSync|rmdir)|fse?\.(?:removeSync|remove)|rimraf(?:\.sync)?|Remove-Item|\[?(?:System\.)?IO\.Directory\]?(?:::|\.)Delete|Directory\.Delete)\b[ \t]*\(?(?<arg>[^\n]{0,240})", I)]
    private static partial Regex RemoveCall();

    /// <summary>The home folder in a program: <c>Path.home()</c>, <c>expanduser("~")</c>, <c>os.homedir()</c>, <c>Dir.home</c>, <c>os.UserHomeDir()</c>, <c>$HOME</c>.</summary>
    private const string HomeCall = @"(?:Path\.home\(\)|expanduser\(\s*[""']~[""']\s*\)|homedir\(\)|Dir\.home\b|ENV\[[""']HOME[""']\]|os\.environ(?:\.get\(|\[)\s*[""']HOME[""']\s*[\])]|(?:os\.)?[gG]etenv\(\s*[""']HOME[""']\s*\)|process\.env\.HOME\b|UserHomeDir\(\)|home_dir\(\)|\$HOME\b|\$env:(?:HOME|USERPROFILE)\b)";

    /// <summary>
    /// A path that is the home folder or a kept folder in it, as a program writes one: <c>"~/.ssh"</c>,
    /// <c>Path.home() / ".gnupg"</c>, <c>path.join(os.homedir(), ".openclaw", "workspace")</c>, <c>"$HOME\.ssh"</c>, or
    /// the home folder alone (<c>shutil.rmtree(Path.home())</c>).
    /// </summary>
    [GeneratedRegex(@"[""'`]~[/\\](?:" + Kept + @")[/\\]?[""'`](?!" + Joined + @")|[""'`]" + Home + @"[/\\](?:" + Kept + @")[/\\]?[""'`](?!" + Joined + @")|(?<![\w$""'`])" + Home + @"[/\\](?:" + Kept + @")(?=[\s;)]|$)|^[ \t(]*(?:-\w+[ \t]+)*(?:[""'`](?:~|" + Home + @")[/\\]?[""'`]|" + HomeCall + @")[ \t]*\)?[ \t]*(?:,[ \t]*(?:recursive|force|ignore_errors|true|\{)|\)|[ \t]+-\w+|$)|(?:" + HomeCall + @"|(?<![.\w])home\b)[^\n""'`]{0,40}[""'`][/\\]?(?:" + Kept + @")[/\\]?[""'`](?:[ \t]*[,+/][ \t]*[""'`](?:workspace|agents|credentials)[""'`])?(?!" + Joined + @")", I | RegexOptions.Multiline)]
    private static partial Regex KeptPath();

    /// <summary>What joins a further segment to a path: <c>, "id_old"</c>, <c>+ "/x"</c>, <c>/ "sockets"</c>, <c>\x</c>.</summary>
    private const string Joined = @"[ \t]*(?:[,+][ \t]*[""'`][\w.-]|/[ \t]*[""'`]?[\w.-])";

    /// <summary>A name given a path, earlier in the program: <c>ssh_dir = Path.home() / ".ssh"</c>, <c>const target = path.join(os.homedir(), ".gnupg")</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:const|let|var|my|local|final|static)[ \t]+)?\$?(?<name>[A-Za-z_]\w{0,63})[ \t]*(?::[ \t]*[\w.<>\[\]]+[ \t]*)?:?=[ \t]*(?<value>[^\n]{1,240})", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Assignment();

    /// <summary>A line that runs what it quotes: a process call or a shell's <c>-c</c>.</summary>
    [GeneratedRegex(@"\b(?:system|exec\w*|spawn\w*|popen|Popen|run|call|check_call|check_output|getoutput|shell_exec|passthru|Invoke-Expression|iex|Start-Process|Command|Process\.Start)\b|\b(?:ba|z|da)?sh[ \t]+-c\b|%x|`[ \t]*$|\$\([ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Runner();

    /// <summary>
    /// A command on its line: not in a comment or an <c>echo</c> of advice, and where it is quoted (a list of commands a
    /// guard blocks) only when the line runs the quoted text (<c>subprocess.run("rm -rf ~/.aws", shell=True)</c>).
    /// </summary>
    private static AuditSeverity? JudgeCommand(string text, Match match)
    {
        // A script that gives HOME a scratch folder of its own (a test's teardown) deletes that; HOME="$HOME" gives it none.
        if (match.Value.Contains("HOME", StringComparison.Ordinal) && PerText.Ask(text, "assigns-home", t => Regex.IsMatch(t, @"(?:^|[;&|\s])(?:export[ \t]+)?HOME=[""']?(?!\$HOME\b|\$\{HOME|~|[""'\s]|$)", RegexOptions.CultureInvariant)))
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

        // A word of an echo, printf or a comment's advice is no command; in a command substitution it runs.
        var head = line[..at].TrimEnd();
        return head.EndsWith("$(", StringComparison.Ordinal) ? AuditSeverity.High
            : Regex.IsMatch(head, @"^\s*(?:#|//|/?\*|--|REM\b|rem\b)|(?:^|[;&|(]\s*)(?:echo|printf|grep|egrep|rg)\b[^;&|]*$", RegexOptions.CultureInvariant) ? null : AuditSeverity.High;
    }

    /// <summary>Where the string that <paramref name="at"/> sits in opens on its line (quotes read in turn, a backslash escapes); -1 outside any.</summary>
    private static int OpenQuote(string line, int at)
    {
        var open = -1;
        for (var i = 0; i < at && i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && (open < 0 || line[open] != '\''))
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
        Regex.IsMatch(match.Groups["args"].Value, @"(?:^|\s)(?<!(?:-not|!)\s+)-i?(?:name|regex|wholename|path)[ \t]+(?![""']?(?:\*|\.\*|\.?\*?)[""']?(?:\s|$))[""']?[^\s""']*[\w.][""']?", RegexOptions.CultureInvariant)
            && !match.Value.Contains(".ssh", StringComparison.OrdinalIgnoreCase) && !match.Value.Contains(".gnupg", StringComparison.OrdinalIgnoreCase)
            ? null : JudgeCommand(text, match);

    /// <summary>
    /// A delete call given a kept path, written in the call or held in a name the program gave that path before
    /// (<c>ssh_dir = Path.home() / ".ssh"</c> then <c>shutil.rmtree(ssh_dir)</c>).
    /// </summary>
    private static AuditSeverity? JudgeRemoveCall(string text, Match match)
    {
        var arg = match.Groups["arg"].Value;
        if (KeptPath().IsMatch(arg))
        {
            return AuditSeverity.High;
        }

        var name = Regex.Match(arg, @"^[ \t(]*(?:-\w+[ \t]+)*\$?(?<name>[A-Za-z_]\w{0,63})\b(?=[ \t]*(?:\)|,|$))", RegexOptions.CultureInvariant);
        if (!name.Success || name.Groups["name"].Value is "true" or "false" or "None" or "nil" or "null")
        {
            return null;
        }

        // The program's assignments are read once per text (4096 at most), each kept or not: a file of many calls costs one pass.
        var kept = PerText.Get(text, "kept-path-names", t => Assignment().Matches(t).Take(4096).Select(a => (a.Index, Name: a.Groups["name"].Value, Kept: KeptPath().IsMatch(a.Groups["value"].Value))).ToList());
        var given = kept.LastOrDefault(a => a.Index < match.Index && a.Name == name.Groups["name"].Value);
        return given.Name is not null && given.Kept ? AuditSeverity.High : null;
    }
}
