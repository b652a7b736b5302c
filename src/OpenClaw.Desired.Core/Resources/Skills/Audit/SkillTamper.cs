using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A program that rewrites the other skills installed beside it with what it fetched: it lists the skills folder
/// (<c>~/.openclaw/skills</c>, a workspace's <c>skills/</c>), and writes their SKILL.md or files into their folders, in a
/// program that fetches from a host that is not ClawHub's nor a forge's. Every skill it touches then carries the
/// fetched text or program, and reinstalling one brings it back: a worm through the skills folder. An updater that
/// calls <c>clawhub update</c>, or fetches from ClawHub or GitHub, installs what those publish; a skill creator that
/// writes one new SKILL.md lists no other skills.
/// </summary>
public static partial class SkillTamper
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("skill-tamper", AuditSeverity.High, "rewrites other installed skills (their SKILL.md or files in their folders) in a program that fetches from a host that is not ClawHub's or a forge's: whatever that host serves spreads through every skill");

    /// <summary>Hosts whose content a skill updater installs as published.</summary>
    private static readonly string[] Publishers =
    [
        "clawhub.ai", "clawhub.com", "openclaw.ai", "github.com", "raw.githubusercontent.com", "api.github.com", "codeload.github.com", "registry.npmjs.org", "gitlab.com",
        // A model's answer written into a new skill is the user's request, not a feed: providers' APIs, and this machine.
        "api.openai.com", "api.anthropic.com", "generativelanguage.googleapis.com", "openrouter.ai", "api.mistral.ai", "api.groq.com", "localhost", "127.0.0.1",
    ];

    /// <summary>The write nearest after the first mention of SKILL.md, in a program that lists the skills folder and fetches from a host no publisher runs.</summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024 || !text.Contains("SKILL.md", StringComparison.Ordinal) || !SkillsFolder().IsMatch(text) || !ListsFolder().IsMatch(text))
        {
            yield break;
        }

        // Hosts the code names, comments left out (a "see https://docs…" line fetches nothing).
        var hosts = Host().Matches(Comment().Replace(text, string.Empty)).Select(m => m.Groups["host"].Value).ToList();
        if (!Fetch().IsMatch(text) || !hosts.Any(h => !Publishers.Any(p => h.Equals(p, StringComparison.OrdinalIgnoreCase) || h.EndsWith("." + p, StringComparison.OrdinalIgnoreCase))))
        {
            yield break;
        }

        // A write after SKILL.md is first named: the listed skills' files (the listing and the writes may sit in different functions).
        var write = Write().Match(text, text.IndexOf("SKILL.md", StringComparison.Ordinal));
        if (write.Success)
        {
            yield return (write.Index, Rule);
        }
    }

    [GeneratedRegex(@"^[ \t]*(?://|#)[^\n]*", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    /// <summary>The skills folder by its path: <c>.openclaw/skills</c>, <c>path.join(home, '.openclaw', 'skills')</c>, <c>Path.home() / ".openclaw" / "skills"</c>, a workspace's skills.</summary>
    [GeneratedRegex(@"\.openclaw['""]?\s*[,/\\]\s*(?:['""]?workspace['""]?\s*[,/\\]\s*)?['""]?skills\b|\bworkspace['""]?\s*[,/\\]\s*['""]?skills\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SkillsFolder();

    /// <summary>Listing a folder's entries: every skill in it, not one.</summary>
    [GeneratedRegex(@"\breaddirSync\s*\(|\breaddir\s*\(|\bos\.(?:listdir|scandir|walk)\s*\(|\.iterdir\s*\(|\bglob\w*\s*\(|\bGet-ChildItem\b|\bDir\.(?:glob|each_child|children|entries)\b|\bos\.ReadDir\s*\(|\bfor\s+\w+\s+in\s+[""']?\$\{?\w*(?:SKILL|ROOT)\w*\}?/\*", RegexOptions.CultureInvariant)]
    private static partial Regex ListsFolder();

    [GeneratedRegex(@"\bhttps?\.(?:get|request)\s*\(|\bfetch\s*\(|\brequests\.\w+\s*\(|\burlopen\s*\(|\baxios\b|\bcurl\b|\bwget\b|\bInvoke-(?:WebRequest|RestMethod)\b|\bNet::HTTP\b|\bhttp\.Get\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex Fetch();

    [GeneratedRegex(@"\bhttps?://(?<host>[\w-]+(?:\.[\w-]+)+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Host();

    [GeneratedRegex(@"\b(?:writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|copyFileSync|write_text|write_bytes|Set-Content|Add-Content|Out-File|File\.write|os\.WriteFile)\b|\bopen\s*\([^\n)]{0,120}?,\s*(?:mode\s*=\s*)?['""][wa][bt]?\+?['""]|\.open\s*\(\s*['""][wa]", RegexOptions.CultureInvariant)]
    private static partial Regex Write();
}
