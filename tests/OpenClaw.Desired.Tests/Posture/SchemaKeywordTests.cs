using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Posture;

/// <summary>The built-in validator enforces only the keywords it knows: the posture schema may use no other.</summary>
public sealed class SchemaKeywordTests
{
    [Fact]
    public void PostureSchema_UsesOnlyKeywordsTheValidatorEnforces()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "posture.schema.json")));

        Assert.Empty(SubsetSchema.UnsupportedKeywords(schema));
    }

    [Theory]
    [InlineData("const", "\"x\"")]
    [InlineData("if", "{ \"required\": [\"a\"] }")]
    [InlineData("contains", "{ \"type\": \"string\" }")]
    [InlineData("dependentRequired", "{ \"a\": [\"b\"] }")]
    [InlineData("format", "\"ipv4\"")]
    public void UnsupportedKeywords_NestedDeepInTheSchema_AreNamedWithTheirPlace(string keyword, string value)
    {
        var schema = JObject.Parse($$"""
            { "definitions": { "d": { "type": "object", "properties": { "a": { "type": "array", "items": { "oneOf": [ { "type": "string" }, { "{{keyword}}": {{value}} } ] } } } } } }
            """);

        Assert.Equal([$"#/definitions/d/properties/a/items/oneOf/1/{keyword}"], SubsetSchema.UnsupportedKeywords(schema));
    }

    [Fact]
    public void EnforcedKeywords_AreEachCheckedByTheValidator()
    {
        // Every enforced keyword must change the verdict on some instance; otherwise it is only listed.
        var cases = new Dictionary<string, (string Schema, string Bad)>
        {
            ["type"] = ("""{ "type": "string" }""", "1"),
            ["enum"] = ("""{ "enum": ["a"] }""", "\"b\""),
            ["pattern"] = ("""{ "type": "string", "pattern": "^a$" }""", "\"b\""),
            ["minLength"] = ("""{ "type": "string", "minLength": 2 }""", "\"a\""),
            ["minimum"] = ("""{ "type": "integer", "minimum": 2 }""", "1"),
            ["exclusiveMinimum"] = ("""{ "type": "integer", "exclusiveMinimum": 1 }""", "1"),
            ["maximum"] = ("""{ "type": "integer", "maximum": 1 }""", "2"),
            ["minItems"] = ("""{ "type": "array", "minItems": 1 }""", "[]"),
            ["maxItems"] = ("""{ "type": "array", "maxItems": 0 }""", "[1]"),
            ["uniqueItems"] = ("""{ "type": "array", "uniqueItems": true }""", "[1, 1]"),
            ["propertyNames"] = ("""{ "type": "object", "propertyNames": { "pattern": "^a" } }""", """{ "b": 1 }"""),
            ["items"] = ("""{ "type": "array", "items": { "type": "string" } }""", "[1]"),
            ["properties"] = ("""{ "type": "object", "properties": { "a": { "type": "string" } } }""", """{ "a": 1 }"""),
            ["required"] = ("""{ "type": "object", "required": ["a"] }""", "{}"),
            ["additionalProperties"] = ("""{ "type": "object", "additionalProperties": false }""", """{ "a": 1 }"""),
            ["oneOf"] = ("""{ "oneOf": [ { "type": "string" }, { "type": "string" } ] }""", "\"a\""),
            ["$ref"] = ("""{ "definitions": { "s": { "type": "string" } }, "$ref": "#/definitions/s" }""", "1"),
        };

        Assert.Equal(SubsetSchema.Enforced.Order(StringComparer.Ordinal), cases.Keys.Order(StringComparer.Ordinal));
        foreach (var (keyword, (schema, bad)) in cases)
        {
            Assert.True(new SubsetSchema(JObject.Parse(schema)).Validate(JToken.Parse(bad)).Count > 0, keyword);
        }
    }
}
