using System.Text;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A pickle (a model's weights, a cached classifier, a <c>.joblib</c>) that names a callable which runs code: Python's
/// unpickler imports what the file's GLOBAL opcodes name and calls it with the file's arguments, so <c>pickle.load</c> of
/// a file that names <c>builtins.exec</c>, <c>os.system</c> or <c>subprocess.Popen</c> runs whatever the author wrote into
/// it. Weights and tables name classes (<c>collections.OrderedDict</c>, <c>numpy.core.multiarray._reconstruct</c>), never these.
/// Read in the bytes as they are: protocol 0 to 3's <c>c</c>module<c>\n</c>name<c>\n</c>, and protocol 4's two strings before STACK_GLOBAL.
/// </summary>
public static partial class PickledCode
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("pickle-runs-code", AuditSeverity.Critical, "ships a pickle (a model or data file) that calls exec, eval, os.system or subprocess when it is loaded: whoever loads it runs the author's code");

    /// <summary>The largest file read (a model of hundreds of megabytes is read to here: the GLOBAL opcodes of a payload sit in its pickle, at the start or in a zip's data.pkl).</summary>
    private const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>Whether the bytes hold a pickle's import of a callable that runs code.</summary>
    public static bool RunsCode(byte[] content)
    {
        if (content.Length < 8)
        {
            return false;
        }

        var span = content.AsSpan(0, Math.Min(content.Length, MaxBytes));
        // The cheap test first: a callable's name must be in the bytes.
        if (span.IndexOf("exec"u8) < 0 && span.IndexOf("eval"u8) < 0 && span.IndexOf("system"u8) < 0 && span.IndexOf("subprocess"u8) < 0
            && span.IndexOf("popen"u8) < 0 && span.IndexOf("runpy"u8) < 0 && span.IndexOf("compile"u8) < 0 && span.IndexOf("__import__"u8) < 0
            && span.IndexOf("spawn"u8) < 0 && span.IndexOf("import_module"u8) < 0)
        {
            return false;
        }

        var text = Encoding.Latin1.GetString(span);
        return Global().IsMatch(text) || StackGlobal().IsMatch(text);
    }

    /// <summary>Protocols 0 to 3: GLOBAL, <c>c</c> then module and name, each ending in a newline.</summary>
    [GeneratedRegex(@"c(?:" + Global0 + @")\n", RegexOptions.CultureInvariant)]
    private static partial Regex Global();

    private const string Global0 = @"(?:__builtin__|builtins)\n(?:exec|eval|compile|__import__|execfile)|(?:os|posix|nt)\n(?:system|popen|exec[lv]p?e?|spawn[lv]p?e?)|subprocess\n(?:Popen|call|run|check_call|check_output|getoutput|getstatusoutput)|runpy\n(?:run_path|run_module|_run_code)|pty\nspawn|commands\ngetoutput|importlib\nimport_module";

    /// <summary>
    /// Protocol 4 and on: the module and the name as short or long unicode strings (each perhaps memoised), then STACK_GLOBAL (0x93).
    /// </summary>
    [GeneratedRegex(@"(?:\x8c[\s\S]|X[\s\S]{4})(?:" + Stack0 + @")(?:\x94|q[\s\S]|r[\s\S]{4})?\x93", RegexOptions.CultureInvariant)]
    private static partial Regex StackGlobal();

    private const string Between = @"(?:\x94|q[\s\S]|r[\s\S]{4})?(?:\x8c[\s\S]|X[\s\S]{4})";

    private const string Stack0 = @"(?:__builtin__|builtins)" + Between + @"(?:exec|eval|compile|__import__|execfile)|(?:os|posix|nt)" + Between + @"(?:system|popen|exec[lv]p?e?|spawn[lv]p?e?)|subprocess" + Between + @"(?:Popen|call|run|check_call|check_output|getoutput|getstatusoutput)|runpy" + Between + @"(?:run_path|run_module|_run_code)|pty" + Between + @"spawn|commands" + Between + @"getoutput|importlib" + Between + @"import_module";
}
