using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace OpenClaw.Desired.Posture;

/// <summary>Validates a posture against <c>schemas/posture.schema.json</c> and words each error for people.</summary>
internal static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream("posture.schema.json")
            ?? throw new InvalidOperationException("posture.schema.json is not embedded");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    public static string SchemaText
    {
        get
        {
            using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream("posture.schema.json")!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static void Validate(string file, JToken root, List<Diagnostic> diagnostics)
    {
        var errors = Schema.Value.Validate(root);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in Flatten(errors))
        {
            var diagnostic = ToDiagnostic(file, root, error);
            if (seen.Add(diagnostic.ToString()))
            {
                diagnostics.Add(diagnostic);
            }
        }
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            // A value that matches none of a oneOf's forms is one problem, not one per form.
            if (error is ChildSchemaValidationError child && error.Kind != ValidationErrorKind.NotOneOf && error.Kind != ValidationErrorKind.NotAnyOf)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static Diagnostic ToDiagnostic(string file, JToken root, ValidationError error)
    {
        var token = error.Token;
        var path = token?.Path ?? string.Empty;
        var position = token?.Annotation<YamlPosition>();
        if (error.Kind is ValidationErrorKind.NoAdditionalPropertiesAllowed or ValidationErrorKind.PropertyRequired && error.Property is { } property)
        {
            var owner = token as JObject ?? (token as JProperty)?.Value as JObject;
            if (owner?.Property(property) is { } jp)
            {
                position = jp.Annotation<YamlPosition>() ?? position;
                path = jp.Path;
            }
            else if (error.Kind == ValidationErrorKind.PropertyRequired)
            {
                path = string.IsNullOrEmpty(path) ? property : $"{path}.{property}";
            }
        }

        position ??= root.Annotation<YamlPosition>() ?? new YamlPosition(1, 1);
        return new Diagnostic(position.File ?? file, position.Line, position.Column, Message(error), string.IsNullOrEmpty(path) ? null : path);
    }

    private static string Message(ValidationError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"missing required key '{error.Property}'",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => UnknownKey(error),
            ValidationErrorKind.StringExpected => "expected a string",
            ValidationErrorKind.IntegerExpected => "expected a whole number",
            ValidationErrorKind.NumberExpected => "expected a number",
            ValidationErrorKind.BooleanExpected => "expected true or false",
            ValidationErrorKind.ArrayExpected => "expected a list",
            ValidationErrorKind.ObjectExpected => "expected a mapping of keys to values",
            ValidationErrorKind.NotInEnumeration => "must be one of: " + string.Join(", ", schema?.Enumeration.Select(v => v?.ToString()) ?? []),
            ValidationErrorKind.PatternMismatch => schema?.Description is { Length: > 0 } d ? $"has the wrong form: {d}" : "has the wrong form",
            ValidationErrorKind.NumberTooSmall => $"is below the minimum {schema?.Minimum ?? schema?.ExclusiveMinimum}",
            ValidationErrorKind.NumberTooBig => $"is above the maximum {schema?.Maximum ?? schema?.ExclusiveMaximum}",
            ValidationErrorKind.StringTooShort => "must not be empty",
            ValidationErrorKind.TooManyItems => $"has more than {schema?.MaxItems} items",
            ValidationErrorKind.TooFewItems => $"needs at least {schema?.MinItems} item(s)",
            ValidationErrorKind.NotOneOf => "matches none of the allowed forms (a string, or one of {env: NAME}, {file: PATH}, {store: NAME})",
            _ => $"is not valid ({error.Kind})",
        };
    }

    private static string UnknownKey(ValidationError error)
    {
        var known = (error.Schema?.ActualProperties.Keys ?? (IEnumerable<string>)[]).ToList();
        var suggestion = known.OrderBy(k => Levenshtein(k, error.Property ?? string.Empty)).FirstOrDefault();
        var hint = suggestion is not null && Levenshtein(suggestion, error.Property ?? string.Empty) <= 3 ? $"; did you mean '{suggestion}'?" : string.Empty;
        return $"unknown key '{error.Property}'{hint}";
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }
}
