using System.Text;
using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.Posture;

/// <summary>The posture read and checked, or every problem that stops it from being used.</summary>
public sealed record PostureLoadResult(EffectivePosture? Posture, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Posture is not null && Diagnostics.All(d => d.Severity != Severity.Error);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
}

/// <summary>
/// Reads posture.yaml: size and encoding guards, YAML with positions, schema, typed model, semantic checks,
/// tier expansion. Collects every problem before giving up; never throws for bad input.
/// </summary>
public static class PostureLoader
{
    public const int MaxBytes = 1024 * 1024;

    public static PostureLoadResult LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        if (Directory.Exists(path))
        {
            return Fail(name, "is a directory, not a posture file");
        }

        if (!File.Exists(path))
        {
            return Fail(name, $"file not found: {path}");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                return Fail(name, $"the file is {length / 1024.0 / 1024.0:0.0} MiB; a posture file may be at most 1 MiB");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(name, $"cannot read the file: {e.GetType().Name}");
        }

        var result = LoadBytes(name, bytes);
        return result.Posture is { } posture
            ? result with { Posture = posture with { SourceDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) } }
            : result;
    }

    public static PostureLoadResult LoadBytes(string name, byte[] bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return Fail(name, "a posture file may be at most 1 MiB");
        }

        if (bytes.AsSpan().Contains((byte)0))
        {
            return Fail(name, "the file is binary (holds NUL bytes), not YAML");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Fail(name, "the file is not valid UTF-8 text");
        }

        return LoadText(name, text.TrimStart('\uFEFF'));
    }

    public static PostureLoadResult LoadText(string name, string text)
    {
        var diagnostics = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(StripComments(text)))
        {
            return Fail(name, "the file is empty; it needs at least apiVersion and tier");
        }

        // YAML forbids tabs in indentation; the parser notices late and points elsewhere, so look first.
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                diagnostics.Add(new Diagnostic(name, i + 1, tab + 1, "tab characters cannot indent YAML; use spaces", null));
            }
        }

        if (diagnostics.Count > 0)
        {
            return new PostureLoadResult(null, diagnostics);
        }

        var root = YamlToJson.Convert(name, text, diagnostics);
        if (root is null || diagnostics.Count > 0)
        {
            return new PostureLoadResult(null, diagnostics);
        }

        if (root is not JObject)
        {
            return new PostureLoadResult(null, [new Diagnostic(name, 1, 1, "the document must be a mapping of keys to values", null)]);
        }

        return LoadToken(name, (JObject)root);
    }

    internal static PostureLoadResult LoadToken(string name, JObject root)
    {
        var diagnostics = new List<Diagnostic>();
        SchemaValidator.Validate(name, root, diagnostics);
        if (diagnostics.Count > 0)
        {
            return new PostureLoadResult(null, diagnostics);
        }

        PostureDocument document;
        try
        {
            document = PostureJsonContext.Read(JsonTokens.ToUtf8(root)) ?? throw new System.Text.Json.JsonException("empty");
        }
        catch (System.Text.Json.JsonException)
        {
            return new PostureLoadResult(null, [new Diagnostic(name, 1, 1, "the posture could not be read into the model", null)]);
        }

        var locator = new Locator(name, root);
        SemanticChecks.Run(document, locator, diagnostics);
        var posture = TierExpander.Expand(document, locator, diagnostics);
        return new PostureLoadResult(diagnostics.Any(d => d.Severity == Severity.Error) ? null : posture, diagnostics);
    }

    private static string StripComments(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimStart().StartsWith('#') ? string.Empty : l));

    private static PostureLoadResult Fail(string name, string message) =>
        new(null, [new Diagnostic(name, 0, 0, message, null)]);
}

/// <summary>Finds the line and column of a path in the posture, falling back to its nearest written ancestor.</summary>
internal sealed class Locator(string file, JObject root)
{
    public string File { get; } = file;

    public bool IsWritten(string path) => root.SelectToken(path) is not null;

    public Diagnostic At(string path, string message, Severity severity = Severity.Error)
    {
        var probe = path;
        while (true)
        {
            var token = probe.Length == 0 ? root : root.SelectToken(probe);
            var position = token is JValue
                ? token.Annotation<YamlPosition>()
                : (token?.Parent as JProperty)?.Annotation<YamlPosition>() ?? token?.Annotation<YamlPosition>();
            if (position is not null)
            {
                return new Diagnostic(position.File ?? File, position.Line, position.Column, message, path, severity);
            }

            if (probe.Length == 0)
            {
                return new Diagnostic(File, 1, 1, message, path, severity);
            }

            var cut = Math.Max(probe.LastIndexOf('.'), probe.LastIndexOf('['));
            probe = cut < 0 ? string.Empty : probe[..cut];
        }
    }
}
