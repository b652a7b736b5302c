using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.Posture;

/// <summary>What a schema check found wrong, at which token, under which (sub)schema.</summary>
internal sealed record SchemaError(SchemaErrorKind Kind, JToken Token, JObject Schema, string? Property = null);

internal enum SchemaErrorKind
{
    PropertyRequired,
    UnknownProperty,
    WrongType,
    NotInEnumeration,
    PatternMismatch,
    NumberTooSmall,
    NumberTooBig,
    StringTooShort,
    TooManyItems,
    TooFewItems,
    NotOneOf,
    DuplicateItems,
    BadPropertyName,
}

/// <summary>
/// A validator for exactly the JSON Schema keywords posture.schema.json uses: type, enum, pattern, minLength,
/// minimum, maximum, exclusiveMinimum, minItems, maxItems, uniqueItems, items, properties, propertyNames, required,
/// additionalProperties, oneOf, $ref to #/definitions (NJsonSchema 11 enforces all of them but propertyNames). Starting a general schema
/// library costs more than the rest of a dry run; this costs nothing. The tests hold it to NJsonSchema.
/// </summary>
internal sealed class SubsetSchema(JObject document)
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>The validation keywords <see cref="Check"/> enforces. A keyword not here would be ignored silently.</summary>
    public static readonly IReadOnlySet<string> Enforced = new HashSet<string>(StringComparer.Ordinal)
    {
        "$ref", "oneOf", "type", "enum", "minLength", "pattern", "minimum", "exclusiveMinimum", "maximum",
        "minItems", "maxItems", "uniqueItems", "items", "properties", "propertyNames", "required", "additionalProperties",
    };

    /// <summary>Keywords that only describe or hold definitions; they never make a document invalid.</summary>
    public static readonly IReadOnlySet<string> Annotations = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "definitions", "default", "examples",
    };

    /// <summary>
    /// Every keyword a schema uses that is neither enforced nor an annotation, with where it is: a schema
    /// written with one would validate less than it says (a test keeps the posture schema free of them).
    /// </summary>
    public static IReadOnlyList<string> UnsupportedKeywords(JObject schema)
    {
        var found = new List<string>();
        Walk(schema, "#");
        return found;

        void Walk(JToken node, string at)
        {
            if (node is not JObject obj)
            {
                return;
            }

            foreach (var property in obj.Properties())
            {
                var here = $"{at}/{property.Name}";
                if (!Enforced.Contains(property.Name) && !Annotations.Contains(property.Name))
                {
                    found.Add(here);
                }

                switch (property.Name)
                {
                    case "properties" or "definitions" when property.Value is JObject map:
                        foreach (var sub in map.Properties())
                        {
                            Walk(sub.Value, $"{here}/{sub.Name}");
                        }

                        break;
                    case "oneOf" when property.Value is JArray list:
                        for (var i = 0; i < list.Count; i++)
                        {
                            Walk(list[i], $"{here}/{i}");
                        }

                        break;
                    case "items" or "additionalProperties":
                        Walk(property.Value, here);
                        break;
                }
            }
        }
    }

    public List<SchemaError> Validate(JToken instance)
    {
        var errors = new List<SchemaError>();
        Check(instance, document, errors);
        return errors;
    }

    private JObject Resolve(JObject schema)
    {
        while (schema["$ref"] is JValue { Type: JTokenType.String } reference)
        {
            var path = ((string)reference!).Split('/');
            if (path.Length != 3 || path[0] != "#" || document[path[1]]?[path[2]] is not JObject target)
            {
                throw new InvalidOperationException($"unsupported $ref {reference}");
            }

            schema = target;
        }

        return schema;
    }

    private void Check(JToken token, JObject schemaOrRef, List<SchemaError> errors)
    {
        var schema = Resolve(schemaOrRef);
        if (schema["oneOf"] is JArray alternatives)
        {
            var matching = alternatives.OfType<JObject>().Count(alternative =>
            {
                var inner = new List<SchemaError>();
                Check(token, alternative, inner);
                return inner.Count == 0;
            });
            if (matching != 1)
            {
                errors.Add(new SchemaError(SchemaErrorKind.NotOneOf, token, schema));
            }

            return;
        }

        if (schema["type"] is JValue type && !HasType(token, (string)type!))
        {
            errors.Add(new SchemaError(SchemaErrorKind.WrongType, token, schema));
            return;
        }

        if (schema["enum"] is JArray options && !options.Any(option => JToken.DeepEquals(option, token)))
        {
            errors.Add(new SchemaError(SchemaErrorKind.NotInEnumeration, token, schema));
        }

        switch (token)
        {
            case JValue { Type: JTokenType.String } text:
                CheckString((string)text!, token, schema, errors);
                break;
            case JValue { Type: JTokenType.Integer or JTokenType.Float } number:
                CheckNumber((double)number, token, schema, errors);
                break;
            case JArray array:
                CheckArray(array, schema, errors);
                break;
            case JObject obj:
                CheckObject(obj, schema, errors);
                break;
        }
    }

    private static bool HasType(JToken token, string type) => type switch
    {
        "string" => token.Type == JTokenType.String,
        "integer" => token.Type == JTokenType.Integer,
        "number" => token.Type is JTokenType.Integer or JTokenType.Float,
        "boolean" => token.Type == JTokenType.Boolean,
        "array" => token.Type == JTokenType.Array,
        "object" => token.Type == JTokenType.Object,
        "null" => token.Type == JTokenType.Null,
        _ => throw new InvalidOperationException($"unsupported type {type}"),
    };

    private static void CheckString(string text, JToken token, JObject schema, List<SchemaError> errors)
    {
        if (schema["minLength"] is JValue min && text.Length < (int)min)
        {
            errors.Add(new SchemaError(SchemaErrorKind.StringTooShort, token, schema));
        }

        if (schema["pattern"] is JValue pattern)
        {
            var regex = Patterns.GetOrAdd((string)pattern!, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            if (!regex.IsMatch(text))
            {
                errors.Add(new SchemaError(SchemaErrorKind.PatternMismatch, token, schema));
            }
        }
    }

    private static void CheckNumber(double value, JToken token, JObject schema, List<SchemaError> errors)
    {
        if ((schema["minimum"] is JValue min && value < (double)min) || (schema["exclusiveMinimum"] is JValue xmin && value <= (double)xmin))
        {
            errors.Add(new SchemaError(SchemaErrorKind.NumberTooSmall, token, schema));
        }

        if (schema["maximum"] is JValue max && value > (double)max)
        {
            errors.Add(new SchemaError(SchemaErrorKind.NumberTooBig, token, schema));
        }
    }

    private void CheckArray(JArray array, JObject schema, List<SchemaError> errors)
    {
        if (schema["minItems"] is JValue min && array.Count < (int)min)
        {
            errors.Add(new SchemaError(SchemaErrorKind.TooFewItems, array, schema));
        }

        if (schema["maxItems"] is JValue max && array.Count > (int)max)
        {
            errors.Add(new SchemaError(SchemaErrorKind.TooManyItems, array, schema));
        }

        if (schema["uniqueItems"] is JValue { Type: JTokenType.Boolean } unique && (bool)unique
            && array.Select((item, i) => array.Take(i).Any(earlier => JToken.DeepEquals(earlier, item))).Any(duplicate => duplicate))
        {
            errors.Add(new SchemaError(SchemaErrorKind.DuplicateItems, array, schema));
        }

        if (schema["items"] is JObject items)
        {
            foreach (var item in array)
            {
                Check(item, items, errors);
            }
        }
    }

    private void CheckObject(JObject obj, JObject schema, List<SchemaError> errors)
    {
        var properties = schema["properties"] as JObject;
        foreach (var required in (schema["required"] as JArray)?.Select(r => (string)r!) ?? [])
        {
            if (obj[required] is null)
            {
                errors.Add(new SchemaError(SchemaErrorKind.PropertyRequired, obj, schema, required));
            }
        }

        foreach (var property in obj.Properties())
        {
            if (schema["propertyNames"] is JObject names)
            {
                var nameErrors = new List<SchemaError>();
                Check(new JValue(property.Name), names, nameErrors);
                if (nameErrors.Count > 0)
                {
                    errors.Add(new SchemaError(SchemaErrorKind.BadPropertyName, obj, Resolve(names), property.Name));
                }
            }

            if (properties?[property.Name] is JObject propertySchema)
            {
                Check(property.Value, propertySchema, errors);
            }
            else if (schema["additionalProperties"] is JObject additional)
            {
                Check(property.Value, additional, errors);
            }
            else if (schema["additionalProperties"] is JValue { Type: JTokenType.Boolean } allowed && !(bool)allowed)
            {
                errors.Add(new SchemaError(SchemaErrorKind.UnknownProperty, obj, schema, property.Name));
            }
        }
    }
}
