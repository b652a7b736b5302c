using System.Text;

namespace OpenClaw.Desired.Tests.Secrets.Corpus;

/// <summary>Random, synthetic credential values in each format's shape, from a seeded generator (reproducible).</summary>
public sealed class SyntheticValues(int seed)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string Base64Url = Alnum + "-_";
    private const string Base64 = Alnum + "+/";
    private const string Hex = "0123456789abcdef";
    private readonly Random _random = new(seed);

    public string Of(string alphabet, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[_random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }

    public int Between(int min, int max) => _random.Next(min, max + 1);

    public string AlnumOf(int length) => Of(Alnum, length);

    public string HexOf(int length) => Of(Hex, length);

    public string Anthropic() => $"sk-ant-api03-{Of(Base64Url, 93)}AA";

    public string OpenAiProject() => $"sk-proj-{Of(Base64Url, 74)}T3BlbkFJ{Of(Base64Url, 74)}";

    public string OpenAiLegacy() => $"sk-{AlnumOf(20)}T3BlbkFJ{AlnumOf(20)}";

    public string DeepSeek() => $"sk-{HexOf(32)}";

    public string Moonshot() => $"sk-{AlnumOf(48)}";

    public string KimiCode() => $"sk-kimi-{AlnumOf(48)}";

    public string OpenRouter() => $"sk-or-v1-{HexOf(64)}";

    public string Google() => $"AIza{Of(Base64Url, 35)}";

    public string Groq() => $"gsk_{AlnumOf(52)}";

    public string Xai() => $"xai-{AlnumOf(80)}";

    public string Perplexity() => $"pplx-{AlnumOf(48)}";

    public string HuggingFace() => $"hf_{Of(Upper + Lower, 34)}";

    public string Telegram() => $"{Between(1, 9)}{Of(Digits, Between(7, 9))}:AA{Of(Base64Url, 33)}";

    public string Discord()
    {
        var id = Between(1, 9) + Of(Digits, Between(16, 18));
        var first = Convert.ToBase64String(Encoding.ASCII.GetBytes(id)).TrimEnd('=');
        return $"{first}.{Of(Base64Url, 6)}.{Of(Base64Url, 38)}";
    }

    public string SlackBot() => $"xoxb-{Of(Digits, 11)}-{Of(Digits, 13)}-{AlnumOf(24)}";

    public string SlackUser() => $"xoxp-{Of(Digits, 11)}-{Of(Digits, 11)}-{Of(Digits, 13)}-{HexOf(32)}";

    public string SlackApp() => $"xapp-1-A{Of(Upper + Digits, 10)}-{Of(Digits, 13)}-{HexOf(64)}";

    public string SlackWebhookPath() => $"T{Of(Upper + Digits, 8)}/B{Of(Upper + Digits, 10)}/{AlnumOf(24)}";

    public string GitHub() => $"ghp_{AlnumOf(36)}";

    public string GitHubFineGrained() => $"github_pat_{AlnumOf(22)}_{AlnumOf(59)}";

    public string GitHubOAuth() => $"gho_{AlnumOf(36)}";

    public string GitLab() => $"glpat-{Of(Base64Url, 20)}";

    public string Npm() => $"npm_{AlnumOf(36)}";

    public string AwsKeyId() => $"AKIA{Of(Upper + "234567", 16)}";

    public string AwsSecret() => Of(Base64, 40);

    public string GcpClientSecret() => $"GOCSPX-{Of(Base64Url, 28)}";

    public string AzureClientSecret() => $"{Of(Alnum, 3)}{Between(0, 9)}Q~{Of(Alnum + "_~.-", 34)}";

    public string AzureStorageKey() => Of(Base64, 86) + "==";

    public string Stripe() => $"sk_live_{AlnumOf(99)}";

    public string SendGrid() => $"SG.{Of(Base64Url, 22)}.{Of(Base64Url, 43)}";

    public string Jwt()
    {
        var payload = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{{\"sub\":\"{AlnumOf(10)}\",\"iat\":{Between(1_600_000_000, 1_800_000_000)},\"scope\":\"read\"}}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{payload}.{Of(Base64Url, 43)}";
    }

    /// <summary>A PEM body of the given label with real line breaks or escaped "\n".</summary>
    public string PrivateKey(string label, string newline)
    {
        var body = string.Join(newline, Enumerable.Range(0, Between(8, 25)).Select(_ => Of(Base64, 64)));
        return $"-----BEGIN {label}-----{newline}{body}{newline}-----END {label}-----";
    }

    /// <summary>What may stand in a URL's user info unencoded (RFC 3986), plus a percent-encoded '@'.</summary>
    public string UrlPassword() => Of(Alnum + "-._~!$&*+,;=", Between(10, 18)) + (Between(0, 3) == 0 ? "%40" + AlnumOf(3) : string.Empty);

    private static readonly string[] Words = ["correct", "horse", "battery", "staple", "orbit", "maple", "violet", "harbor", "pepper", "quartz", "lantern", "meadow"];

    public string Passphrase() => string.Join(' ', Enumerable.Range(0, 4).Select(_ => Words[_random.Next(Words.Length)]));

    public string Password() => Of(Alnum, Between(4, 8)) + Of("!#%&*+-.:;?@^_~", 2) + Of(Alnum, Between(4, 8));

    public string GenericSecret() => _random.Next(2) == 0 ? AlnumOf(Between(24, 48)) : HexOf(40);
}
