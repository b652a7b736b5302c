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

    /// <summary>
    /// Reads the schema, builds the posture model's JSON metadata (for reading the document and hashing the result)
    /// and starts the hashing library, on a background thread. A command that will load a posture calls this first thing: the
    /// metadata, the costliest part of a cold load, is then made on the second core while this one parses the
    /// command line and the YAML. Harmless when the load gets there first: both wait for the same metadata.
    /// </summary>
    public static void PrepareInBackground()
    {
        var thread = new Thread(static () =>
        {
            try
            {
                SchemaValidator.Prepare();
                var options = PostureJsonContext.Default.Options;
                var seen = new HashSet<Type>();
                Configure(options, typeof(PostureDocument), seen);
                _ = PostureJsonContext.Read("{\"apiVersion\":\"\",\"tier\":\"\"}"u8);
                Configure(options, typeof(EffectivePosture), seen);
                _ = Safety.Hashing.Sha256Hex(string.Empty);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Only a head start: the load itself does all of this again and reports what goes wrong.
            }
        })
        { IsBackground = true, Name = "posture metadata" };
        thread.Start();

        static void Configure(System.Text.Json.JsonSerializerOptions options, Type type, HashSet<Type> seen)
        {
            if (!seen.Add(type) || !options.TryGetTypeInfo(type, out var info))
            {
                return;
            }

            foreach (var property in info.Properties)
            {
                Configure(options, property.PropertyType, seen);
            }

            foreach (var inner in new[] { info.ElementType, info.KeyType })
            {
                if (inner is not null)
                {
                    Configure(options, inner, seen);
                }
            }
        }
    }

    /// <summary>Reads a posture file; diagnostics name it as given (<paramref name="path"/>), so editors and CI problem matchers find it.</summary>
    public static PostureLoadResult LoadFile(string path)
    {
        var name = path;
        if (Directory.Exists(path))
        {
            return Fail(name, "is a directory, not a posture file");
        }

        // Only a regular file is read, and never past the size limit: a FIFO would hang the run, /dev/zero fill memory.
        var real = Host.Fs.HostFs.RealPath(path);
        if (real is null)
        {
            return Fail(name, $"file not found: {path}");
        }

        byte[] bytes;
        try
        {
            bytes = new Host.Fs.HostFs(new Host.HostRoot("/")).ReadAllBytes(real, MaxBytes);
        }
        catch (Host.Fs.UnsafePathException e) when (e.Problem == Host.Fs.UnsafePathProblem.TooLarge)
        {
            return Fail(name, $"the file is {new FileInfo(real).Length / 1024.0 / 1024.0:0.0} MiB; a posture file may be at most 1 MiB");
        }
        catch (Host.Fs.UnsafePathException e)
        {
            return Fail(name, $"{e.Detail}: not a posture file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(name, $"cannot read the file: {Reporting.UserMessage.Of(e)}");
        }

        var result = LoadBytes(name, bytes);
        if (result.Posture?.Document.Include is { Count: > 0 })
        {
            // A posture on disk may include others beside it, as one in Git does; never silently ignored.
            return Source.LocalIncludes.Load(path);
        }

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

    /// <summary>
    /// Schema, semantic, tier and waiver checks in one pass: parts the schema rejects are set aside so the rest is
    /// still checked, and every problem is reported at once.
    /// </summary>
    internal static PostureLoadResult LoadToken(string name, JObject root, TimeProvider? clock = null)
    {
        var diagnostics = new List<Diagnostic>();
        var schemaErrors = SchemaValidator.Validate(name, root, diagnostics);
        var checkable = root;
        var schemaCount = diagnostics.Count;
        if (schemaErrors.Count > 0)
        {
            checkable = (JObject)root.DeepClone();
            foreach (var error in SchemaValidator.Validate(name, checkable, []))
            {
                SchemaValidator.SetAside(checkable, error);
            }
        }

        // A section with schema errors was read in part; other checks of it would only echo them.
        var brokenSections = diagnostics.Select(d => Section(d.Path)).ToHashSet(StringComparer.Ordinal);
        List<Diagnostic> Checked() => [.. diagnostics.Take(schemaCount), .. diagnostics.Skip(schemaCount).Where(d => !brokenSections.Contains(Section(d.Path)))];

        PostureDocument document;
        try
        {
            var utf8 = JsonTokens.ToUtf8(checkable);
            document = PostureJsonContext.Read(utf8) ?? throw new System.Text.Json.JsonException("empty");
        }
        catch (System.Text.Json.JsonException)
        {
            return new PostureLoadResult(null, schemaErrors.Count > 0 ? diagnostics : [new Diagnostic(name, 1, 1, "the posture could not be read into the model", null)]);
        }

        var locator = new Locator(name, root);
        var today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        EffectivePosture posture;
        try
        {
            SemanticChecks.Run(document, locator, diagnostics);
            var expanded = TierExpander.Expand(document, locator, diagnostics);
            var waivers = Waivers.WaiverChecks.Run(document, locator, diagnostics, today);
            posture = expanded with
            {
                Waivers = waivers,
                Sections = PostureSpot.Sections.ToDictionary(s => s, s => locator.At(s, string.Empty) is var d ? new PostureSpot(d.File, d.Line, d.Column) : null!),
            };
        }
        catch (Exception e) when (schemaErrors.Count > 0 && e is NullReferenceException or ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // What the schema set aside left the rest incomplete in a way these checks did not foresee: the schema's errors say enough.
            return new PostureLoadResult(null, Checked());
        }

        var all = Checked();
        return new PostureLoadResult(all.Any(d => d.Severity == Severity.Error) ? null : posture, all);
    }

    /// <summary>The top-level key a diagnostic's path is under ("models" for models.fallbacks[1]).</summary>
    private static string Section(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
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
