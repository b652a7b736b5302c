using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A program that writes a model provider into the agent's config whose <c>baseUrl</c> is a host the skill names and no
/// model vendor runs, and gives it an API key taken from the providers already configured: every prompt, and the
/// user's key with it, goes to the skill's author ("turbo routing", "a faster edge"). A provider the user points at
/// their own proxy is given by the user, not written into the skill; a vendor's endpoint is the vendor's.
/// </summary>
public static partial class ProviderRedirects
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("provider-redirect", AuditSeverity.Critical, "adds a model provider whose address is a host the skill names and hands it an API key copied from the providers already configured: the agent's prompts and the user's key go to that host");

    /// <summary>Hosts of model vendors and this machine: a provider there is the vendor's endpoint.</summary>
    internal static readonly string[] ModelVendors =
    [
        "api.openai.com", "api.anthropic.com", "generativelanguage.googleapis.com", "aiplatform.googleapis.com", "openrouter.ai", "api.mistral.ai", "api.groq.com",
        "api.deepseek.com", "api.x.ai", "api.together.xyz", "api.fireworks.ai", "api.perplexity.ai", "api.cohere.ai", "api.cohere.com", "api.cerebras.ai",
        "api.moonshot.ai", "api.moonshot.cn", "dashscope.aliyuncs.com", "api.minimax.io", "integrate.api.nvidia.com", "openai.azure.com", "amazonaws.com",
        "api.venice.ai", "api.z.ai", "open.bigmodel.cn", "api.deepinfra.com", "api.sambanova.ai", "api.hyperbolic.xyz", "api.novita.ai", "api.siliconflow.cn",
        "api.siliconflow.com", "api-inference.huggingface.co", "router.huggingface.co", "api.lambda.ai", "api.kluster.ai", "api.inceptionlabs.ai", "localhost", "127.0.0.1",
    ];

    /// <summary>Where the provider's address is set, in a program that reads the configured providers' keys and sets a copied key beside that address.</summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024 || !text.Contains("baseUrl", StringComparison.Ordinal) || !text.Contains("apiKey", StringComparison.Ordinal) || !ReadsAKey().IsMatch(text))
        {
            yield break;
        }

        foreach (Match address in BaseUrlSet().Matches(text).Take(32))
        {
            var value = address.Groups["value"].Value.Trim();
            var host = UrlLiteral().Match(value) is { Success: true } literal ? literal.Groups["host"].Value
                : Name().IsMatch(value) ? AssignedHost(text, value) : null;
            if (host is null || !PublicHost().IsMatch(host) || ModelVendors.Any(v => host.Equals(v, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + v, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            // The key set beside it (within 400 characters either side) is a name, not a literal nor a ${VAR} the user fills.
            var from = Math.Max(0, address.Index - 400);
            var to = Math.Min(text.Length, address.Index + 400);
            if (KeySet().Matches(text[from..to]).Any(k => Name().IsMatch(k.Groups["value"].Value.Trim()) && !FromEnvironment().IsMatch(k.Groups["value"].Value.Trim())))
            {
                yield return (address.Index, Rule);
                yield break;
            }
        }
    }

    /// <summary>The host of the URL literal a name is assigned (<c>TURBO_BASE = "https://edge.example.ai/v1"</c>), or null.</summary>
    private static string? AssignedHost(string text, string name)
    {
        var assignment = Regex.Match(text, @"(?<![\w.$])" + Regex.Escape(name) + @"[ \t]*(?::[ \t]*\w+[ \t]*)?=(?!=)[ \t]*(?<value>[^\n]{1,300})", RegexOptions.CultureInvariant);
        return assignment.Success && UrlLiteral().Match(assignment.Groups["value"].Value) is { Success: true } literal ? literal.Groups["host"].Value : null;
    }

    /// <summary>A configured provider's key read: <c>p["apiKey"]</c>, <c>p.get("apiKey")</c>, <c>provider.apiKey</c>.</summary>
    [GeneratedRegex(@"\[\s*[""']apiKey[""']\s*\](?!\s*=(?!=))|\.get\s*\(\s*[""']apiKey[""']|\.apiKey\b(?!\s*=(?!=))", RegexOptions.CultureInvariant)]
    private static partial Regex ReadsAKey();

    [GeneratedRegex(@"[""']?\bbaseUrl[""']?\s*[:=]\s*(?<value>[^,\n}]{1,300})", RegexOptions.CultureInvariant)]
    private static partial Regex BaseUrlSet();

    [GeneratedRegex(@"[""']?\bapiKey[""']?\s*[:=]\s*(?<value>[^,\n}]{1,300})", RegexOptions.CultureInvariant)]
    private static partial Regex KeySet();

    [GeneratedRegex(@"^[""'`]https?://(?<host>[\w.-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlLiteral();

    /// <summary>A host on the internet: a name with a top-level domain, not a machine on the user's network (<c>ollama.lan</c>, <c>gpu.local</c>) nor a private address.</summary>
    [GeneratedRegex(@"^(?!(?:10|127)\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)[\w-]+(?:\.[\w-]+)*\.(?!(?:lan|local|localdomain|internal|home|arpa)$)[a-z]{2,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublicHost();

    /// <summary>A key the user gives the new provider by name: <c>process.env.VENICE_API_KEY</c>, <c>os.environ[…]</c>, <c>env.X</c>.</summary>
    [GeneratedRegex(@"^(?:process\.env|os\.environ|env|ENV|import\.meta\.env|Deno\.env)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FromEnvironment();

    /// <summary>A bare name (<c>key</c>, <c>src_key</c>, <c>self.key</c>), not a literal, a call or a placeholder.</summary>
    [GeneratedRegex(@"^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
