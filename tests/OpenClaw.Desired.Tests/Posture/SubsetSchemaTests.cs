using Newtonsoft.Json.Linq;
using NJsonSchema;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Posture;

/// <summary>The built-in validator agrees with NJsonSchema on the posture schema, over the examples and thousands of mutations of them.</summary>
public sealed class SubsetSchemaTests
{
    private static readonly string SchemaText = File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "posture.schema.json"));
    private static readonly JsonSchema Reference = JsonSchema.FromJsonAsync(SchemaText).GetAwaiter().GetResult();
    private static readonly SubsetSchema Subject = new(JObject.Parse(SchemaText));

    private static JObject Example(string tier) =>
        JObject.FromObject(new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(RepoPaths.Posture(tier)))!);

    /// <summary>YAML read untyped gives strings for every scalar; put numbers and booleans back as the loader would.</summary>
    private static JToken Retype(JToken token) => token switch
    {
        JObject o => new JObject(o.Properties().Select(p => new JProperty(p.Name, Retype(p.Value)))),
        JArray a => new JArray(a.Select(Retype)),
        JValue { Type: JTokenType.String } v when long.TryParse((string)v!, out var n) => new JValue(n),
        JValue { Type: JTokenType.String } v when (string)v! is "true" or "false" => new JValue((string)v! == "true"),
        _ => token.DeepClone(),
    };

    private static IEnumerable<JObject> Mutations(JObject example)
    {
        yield return example;
        var leaves = example.Descendants().Where(t => t is JValue).Select(t => t.Path).ToList();
        foreach (var path in leaves)
        {
            foreach (JToken replacement in new JToken[] { new JValue(42), new JValue("not-valid value"), new JValue(true), new JArray(), new JObject(), new JValue(-1.5) })
            {
                var copy = (JObject)example.DeepClone();
                copy.SelectToken(path)!.Replace(replacement);
                yield return copy;
            }
        }

        foreach (var obj in example.DescendantsAndSelf().OfType<JObject>().Select(o => o.Path).ToList())
        {
            var copy = (JObject)example.DeepClone();
            ((JObject)(obj.Length == 0 ? copy : copy.SelectToken(obj)!))["surprise"] = 1;
            yield return copy;

            var emptied = (JObject)example.DeepClone();
            var target = (JObject)(obj.Length == 0 ? emptied : emptied.SelectToken(obj)!);
            target.RemoveAll();
            yield return emptied;
        }
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("standard")]
    [InlineData("paranoid")]
    public void Validate_AgreesWithNJsonSchema_OnEveryMutation(string tier)
    {
        var example = (JObject)Retype(Example(tier));
        var checkedCount = 0;
        foreach (var document in Mutations(example))
        {
            var reference = Reference.Validate(document).Count == 0;
            var subject = Subject.Validate(document).Count == 0;
            Assert.True(reference == subject, $"NJsonSchema says {(reference ? "valid" : "invalid")}, the built-in validator disagrees:\n{document}");
            checkedCount++;
        }

        Assert.True(checkedCount > 100, $"only {checkedCount} documents checked");
    }

    [Theory]
    [InlineData("{agent: {gateway: {token: {env: GW_TOKEN}}}}")]
    [InlineData("{agent: {gateway: {token: {env: gw_token}}}}")]
    [InlineData("{agent: {gateway: {token: {env: A, file: /b}}}}")]
    [InlineData("{agent: {gateway: {token: ''}}}")]
    [InlineData("{agent: {gateway: {minTokenLength: 32.0}}}")]
    [InlineData("{agent: {gateway: {minTokenLength: 32.5}}}")]
    [InlineData("{sandboxes: {defaults: {cpus: 0}}}")]
    [InlineData("{sandboxes: {defaults: {cpus: 0.5}}}")]
    [InlineData("{sandboxes: {skills: {weather: {network: none}, x: {bogus: 1}}}}")]
    [InlineData("{models: {providers: {acme: {local: true}, bad: 3}}}")]
    [InlineData("{backups: {archives: [{name: a, repository: r, paths: []}]}}")]
    [InlineData("{firewall: {egress: [{name: x, ports: [0]}]}}")]
    [InlineData("{firewall: {egress: [{name: x, ports: [65536]}]}}")]
    [InlineData("{monitoring: {checks: {disk: {maxPercent: 101}}}}")]
    [InlineData("{monitoring: {alerts: {telegram: {botToken: {store: T}, chatId: 42}}}}")]
    [InlineData("{monitoring: {alerts: {webhook: {url: {store: U}, format: teams}}}}")]
    [InlineData("{source: {verify: {keys: [ABCDEF0123456789]}}}")]
    [InlineData("{include: [a.yaml, '']}")]
    [InlineData("{agent: {gateway: {trustedProxies: [127.0.0.1, 127.0.0.1]}}}")]
    [InlineData("{agent: {gateway: {trustedProxies: [127.0.0.1, '::1']}}}")]
    [InlineData("{agent: {plugins: {allow: [a, b, a]}}}")]
    [InlineData("{agent: {channels: {allowFrom: {telegram: [x, x]}}}}")]
    [InlineData("{agent: {channels: {allowFrom: {telegram: [x], discord: ['1']}}}}")]
    [InlineData("{agent: {plugins: {pins: {ok: {version: 1.0.0, integrity: 'sha512-abc=='}}}}}")]
    [InlineData("{agent: {hooks: {pins: {ok: {version: 1.0.0, integrity: 'md5-abc'}}}}}")]
    public void Validate_EdgeCases_AgreeWithNJsonSchema(string fragment)
    {
        var document = (JObject)YamlToJson.Convert("fragment", fragment, [])!;
        document["apiVersion"] = "openclaw.desired/v1";
        document["tier"] = "basic";

        var reference = Reference.Validate(document);
        var subject = Subject.Validate(document);
        Assert.True((reference.Count == 0) == (subject.Count == 0), $"{document}\nNJsonSchema: {string.Join(", ", reference.Select(e => $"{e.Path} {e.Kind}"))}\nbuilt-in: {string.Join(", ", subject.Select(e => $"{e.Token.Path} {e.Kind}"))}");
    }

    /// <summary>NJsonSchema 11 does not enforce propertyNames (draft 6); editors and the built-in validator do.</summary>
    [Theory]
    [InlineData("{agent: {channels: {allowFrom: {Telegram: [x]}}}}", "Telegram")]
    [InlineData("{agent: {plugins: {pins: {'bad name!': {version: 1.0.0}}}}}", "bad name!")]
    public void Validate_PropertyNames_RefusesBadNames(string fragment, string name)
    {
        var document = (JObject)YamlToJson.Convert("fragment", fragment, [])!;
        document["apiVersion"] = "openclaw.desired/v1";
        document["tier"] = "basic";

        var error = Assert.Single(Subject.Validate(document));
        Assert.Equal(SchemaErrorKind.BadPropertyName, error.Kind);
        Assert.Equal(name, error.Property);
    }

    [Fact]
    public void Validate_Example_IsValid()
    {
        Assert.Empty(Subject.Validate(Retype(Example("standard"))));
    }
}
