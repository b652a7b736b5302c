using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.Posture;

/// <summary>Validates a posture against <c>schemas/posture.schema.json</c> and words each error for people.</summary>
internal static class SchemaValidator
{
    private static readonly Lazy<SubsetSchema> Schema = new(() => new SubsetSchema(JObject.Parse(SchemaText)));

    /// <summary>Reads the embedded schema now rather than at the first validation.</summary>
    public static void Prepare() => _ = Schema.Value;

    public static string SchemaText
    {
        get
        {
            using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream("posture.schema.json")
                ?? throw new InvalidOperationException("posture.schema.json is not embedded");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Adds a diagnostic per schema error; returns the errors, so the loader can set the bad parts aside and check the rest.</summary>
    public static IReadOnlyList<SchemaError> Validate(string file, JToken root, List<Diagnostic> diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = Schema.Value.Validate(root);
        foreach (var error in errors)
        {
            var diagnostic = ToDiagnostic(file, root, error);
            if (seen.Add(diagnostic.ToString()))
            {
                diagnostics.Add(diagnostic);
            }
        }

        return errors;
    }

    /// <summary>
    /// Removes what a schema error is about (an unknown key, a value of the wrong form, an object missing a
    /// required key) so the rest of the document can still be read and checked in the same pass.
    /// </summary>
    public static void SetAside(JObject root, SchemaError error)
    {
        var token = error.Kind switch
        {
            SchemaErrorKind.UnknownProperty => (error.Token as JObject)?.Property(error.Property!),
            _ => error.Token,
        };
        if (token is null || ReferenceEquals(token, root))
        {
            return;
        }

        var removable = token.Parent is JProperty property ? property : token;
        if (removable.Parent is not null)
        {
            removable.Remove();
        }
    }

    private static Diagnostic ToDiagnostic(string file, JToken root, SchemaError error)
    {
        var token = error.Token;
        var path = token.Path;
        var position = token.Annotation<YamlPosition>();
        if (error.Property is { } property && token is JObject owner)
        {
            if (owner.Property(property) is { } jp)
            {
                position = jp.Annotation<YamlPosition>() ?? position;
                path = jp.Path;
            }
            else
            {
                path = string.IsNullOrEmpty(path) ? property : $"{path}.{property}";
            }
        }

        position ??= root.Annotation<YamlPosition>() ?? new YamlPosition(1, 1);
        return new Diagnostic(position.File ?? file, position.Line, position.Column, Message(error), string.IsNullOrEmpty(path) ? null : path);
    }

    private static string Message(SchemaError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            SchemaErrorKind.PropertyRequired => $"missing required key '{error.Property}'",
            SchemaErrorKind.UnknownProperty => UnknownKey(error),
            SchemaErrorKind.WrongType => (string?)schema["type"] switch
            {
                "string" => "expected a string",
                "integer" => "expected a whole number",
                "number" => "expected a number",
                "boolean" => "expected true or false",
                "array" => "expected a list",
                "object" => "expected a mapping of keys to values",
                var other => $"expected {other}",
            },
            SchemaErrorKind.NotInEnumeration => "must be one of: " + string.Join(", ", schema["enum"]!.Select(v => v.ToString())),
            SchemaErrorKind.PatternMismatch => schema["description"] is JValue d ? $"has the wrong form: {d}" : "has the wrong form",
            SchemaErrorKind.NumberTooSmall => $"is below the minimum {schema["minimum"] ?? schema["exclusiveMinimum"]}",
            SchemaErrorKind.NumberTooBig => $"is above the maximum {schema["maximum"]}",
            SchemaErrorKind.StringTooShort => "must not be empty",
            SchemaErrorKind.TooManyItems => $"has more than {schema["maxItems"]} items",
            SchemaErrorKind.TooFewItems => $"needs at least {schema["minItems"]} item(s)",
            SchemaErrorKind.DuplicateItems => "lists the same item twice",
            SchemaErrorKind.BadPropertyName => schema["pattern"] is JValue p ? $"'{error.Property}' is not a valid name here (it must match {p})" : $"'{error.Property}' is not a valid name here",
            SchemaErrorKind.NotOneOf => "matches none of the allowed forms (a string, or one of {env: NAME}, {file: PATH}, {store: NAME})",
            _ => $"is not valid ({error.Kind})",
        };
    }

    private static string UnknownKey(SchemaError error)
    {
        var known = (error.Schema["properties"] as JObject)?.Properties().Select(p => p.Name).ToList() ?? [];
        var suggestion = known.OrderBy(k => Levenshtein(k, error.Property ?? string.Empty)).FirstOrDefault();
        // Short names are close to many others: allow fewer edits the shorter the name (modles → models, not yolo → tools).
        var allowed = Math.Clamp((error.Property ?? string.Empty).Length / 3, 1, 3);
        var hint = suggestion is not null && Levenshtein(suggestion, error.Property ?? string.Empty) <= allowed ? $"; did you mean '{suggestion}'?" : string.Empty;
        return $"unknown key '{error.Property}'{hint}";
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
