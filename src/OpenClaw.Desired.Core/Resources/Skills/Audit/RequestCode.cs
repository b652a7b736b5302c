using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Code or a command taken from an incoming request and run: a cookie, a header or a parameter handed to
/// <c>eval</c>, <c>call_user_func_array</c>, <c>system</c>, <c>new Function</c> or <c>os.system</c>, directly or through
/// the names it is given on the way (<c>$hint = json_decode(base64_decode($_COOKIE['x']))</c>, then
/// <c>call_user_func_array($hint['cb'], …)</c>). That is a web shell: whoever sends the request runs code on the
/// server, and every site a scaffold's template is built into carries it. Read in PHP, Python and JavaScript
/// servers, and in templates of them (<c>class-loader.php.tpl</c>).
/// </summary>
public static partial class RequestCode
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("request-runs-code", AuditSeverity.High, "runs code or a command taken from an incoming request (a cookie, a header, a parameter): whoever sends that request runs code on the server, a web shell");

    /// <summary>Whether a file is server code this reads: a PHP, Python or JavaScript source, or a template of one (<c>x.php.tpl</c>).</summary>
    public static bool Reads(string file, bool executable) =>
        executable || file.Contains(".php", StringComparison.OrdinalIgnoreCase);

    /// <summary>The offset of each call that runs what a request carries.</summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024 || !Source().IsMatch(text))
        {
            yield break;
        }

        // The names given a request's data, and the names given those, in two rounds (a value decoded, then indexed).
        var tainted = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 2; round++)
        {
            foreach (Match assignment in Assignment().Matches(text).Take(4000))
            {
                var value = assignment.Groups["value"].Value;
                if (tainted.Count < 64 && (Source().IsMatch(value) || Mentions(value, tainted)))
                {
                    tainted.Add(assignment.Groups["name"].Value);
                }
            }
        }

        foreach (Match sink in Sink().Matches(text).Take(4000))
        {
            // The call's own line without a comment after it (system($_GET['c']); // escapeshellarg).
            var argument = CommentTail().Replace(sink.Groups["arg"].Value, string.Empty);
            var callee = sink.Groups["callee"];

            // A variable called runs a request's code only where it holds it ($f = $_GET['f']; $f(…)): a callback of the program's given the data is data.
            var runs = callee.Success ? tainted.Contains(callee.Value) : Source().IsMatch(argument) || Mentions(argument, tainted);
            if (runs && !Escaped().IsMatch(argument))
            {
                yield return (sink.Index, Rule);
            }
        }
    }

    /// <summary>Whether a piece of code names one of the names, where it stands alone (<c>$hint</c> in <c>$hint['cb']</c>, not in <c>$hints</c>).</summary>
    private static bool Mentions(string code, HashSet<string> names)
    {
        foreach (var name in names)
        {
            var at = code.IndexOf(name, StringComparison.Ordinal);
            while (at >= 0)
            {
                var before = at == 0 ? ' ' : code[at - 1];
                var after = at + name.Length >= code.Length ? ' ' : code[at + name.Length];
                if (!(char.IsLetterOrDigit(before) || before is '_' or '.' or '$' && name[0] != '$') && !(char.IsLetterOrDigit(after) || after == '_'))
                {
                    return true;
                }

                at = code.IndexOf(name, at + name.Length, StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>
    /// What a request brings in: PHP's <c>$_GET</c>, <c>$_POST</c>, <c>$_COOKIE</c>, <c>$_REQUEST</c>, a header of
    /// <c>$_SERVER</c>, <c>getallheaders()</c>, <c>php://input</c>; Flask's and Django's <c>request.args</c>,
    /// <c>request.form</c>, <c>request.cookies</c>, <c>request.headers</c>, <c>request.GET</c>…; Express's and Koa's
    /// <c>req.query</c>, <c>req.body</c>, <c>req.cookies</c>, <c>req.headers</c>, <c>ctx.query</c>.
    /// </summary>
    [GeneratedRegex(@"\$_(?:GET|POST|COOKIE|REQUEST)\b|\$_SERVER\s*\[\s*['""]HTTP_|\bgetallheaders\s*\(|php://input|\brequest\.(?:args|form|values|json|data|cookies|headers|get_json|GET|POST|COOKIES|META|body|query_params)\b|\breq(?:uest)?\.(?:query|body|params|cookies|headers|signedCookies)\b|\bctx\.(?:query|cookies|headers|request\.(?:body|query))\b|\bparams\[:\w+\]|\bcookies\[:\w+\]|\brequest\.get_data\b|\bapache_request_headers\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex Source();

    [GeneratedRegex(@"(?:(?<!:)//|[ \t]#).*$", RegexOptions.CultureInvariant)]
    private static partial Regex CommentTail();

    /// <summary>A value quoted for the shell on its way in (<c>escapeshellarg</c>, <c>shlex.quote</c>): a command the program wrote, with the request's word as one argument.</summary>
    [GeneratedRegex(@"\b(?:escapeshellarg|escapeshellcmd|shlex\.quote|shellescape|Shellwords\.escape)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Escaped();

    /// <summary>A name given a value on one line: <c>$hint = …;</c>, <c>code = …</c>, <c>const cmd = …</c>, <c>let { x } = …</c> is left out.</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:const|let|var|my|local)[ \t]+)?(?<name>\$?[A-Za-z_]\w*)[ \t]*(?:\.=|\+=|=)(?!=)[ \t]*(?<value>[^\n]{1,600})", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    /// <summary>
    /// A call that runs code or a command, its parenthesis right after its name, with the rest of its line: PHP's <c>eval</c>,
    /// <c>call_user_func(_array)</c>, <c>create_function</c>, <c>system</c>, <c>exec</c>, <c>shell_exec</c>,
    /// <c>passthru</c>, <c>popen</c>, <c>proc_open</c>, a variable called (<c>$f(…)</c>); Python's <c>eval</c>,
    /// <c>exec</c>, <c>os.system</c>, <c>os.popen</c>; JavaScript's <c>eval</c>, <c>new Function</c>,
    /// <c>child_process</c>'s <c>exec</c> and <c>execSync</c>, <c>vm.run…</c>. A method named exec (<c>re.exec</c>,
    /// <c>cursor.execute</c>) is none of them.
    /// </summary>
    [GeneratedRegex(@"(?:(?<![\w.>$:])(?:eval|call_user_func(?:_array)?|create_function|system|exec|execSync|shell_exec|passthru|popen|proc_open)|\b(?:os\.(?:system|popen)|child_process\.exec(?:Sync)?|cp\.exec(?:Sync)?|vm\.run\w*)|\bnew[ \t]+Function|(?<![\w$>:])(?<callee>\$[A-Za-z_]\w*)(?:\[[^\]\n]{1,80}\])?)\((?<arg>[^\n]{0,400})", RegexOptions.CultureInvariant)]
    private static partial Regex Sink();
}
