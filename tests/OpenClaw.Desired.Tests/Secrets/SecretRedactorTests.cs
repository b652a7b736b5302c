using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Tests.Secrets;

/// <summary>
/// The redactor masks every secret it knows, longest first, in short texts and in long ones (a report of thousands
/// of skills), which it reads once for all secrets before masking: the result is the same either way.
/// </summary>
public sealed class SecretRedactorTests
{
    private static readonly string[] Secrets =
    [
        "sk-ant-api03-aaaaBBBBccccDDDD",
        "ghp_0123456789abcdefABCDEF",
        "hunter2hunter2",
        "Hunter2hunter2", // another case, another secret
        "d]tail-after-the-mask", // appears only once an earlier secret is masked before it
        "päss-wörd-ünïcode",
        "ab0123456789abcdefABCDEFcd", // holds a shorter secret: masked whole
    ];

    /// <summary>What masking secret by secret, longest first, gives: the redactor's rule.</summary>
    private static string OneByOne(string text)
    {
        foreach (var secret in Secrets.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, SecretRedactor.Mask, StringComparison.Ordinal);
        }

        return text;
    }

    [Fact]
    public void Redact_LongAndShortTexts_AreMaskedAsSecretBySecret()
    {
        var redactor = new SecretRedactor();
        foreach (var secret in Secrets)
        {
            redactor.Add(secret);
        }

        var random = new Random(5);
        var pieces = Secrets.Concat(["\"why\": \"", "[redacte", "tail-after-the-mask", "hunter2", "HUNTER2HUNTER2", "sk-ant-api03-", " ", "\n", "ä", "0123456789abcdefABCDEF"]).ToArray();
        for (var round = 0; round < 300; round++)
        {
            var filler = new string('x', random.Next(0, 2) == 0 ? 10 : 5000);
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.Next(3) == 0 ? pieces[random.Next(pieces.Length)] : filler[..random.Next(filler.Length + 1)]));

            Assert.Equal(OneByOne(text), redactor.Redact(text));
        }
    }

    [Fact]
    public void Redact_ALongTextWithoutSecrets_IsTheSameText()
    {
        var redactor = new SecretRedactor();
        redactor.Add("sk-ant-api03-aaaaBBBBccccDDDD");
        var text = string.Concat(Enumerable.Repeat("{\"kind\": \"skills\", \"why\": \"not on the allowlist\"}\n", 2000));

        Assert.Same(text, redactor.Redact(text));
        Assert.Equal($"a {SecretRedactor.Mask} b" + text, redactor.Redact("a sk-ant-api03-aaaaBBBBccccDDDD b" + text));
    }
}
