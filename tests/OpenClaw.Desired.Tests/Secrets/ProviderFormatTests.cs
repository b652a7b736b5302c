using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Secrets.Scanning.Formats;
using OpenClaw.Desired.Tests.Secrets.Corpus;

namespace OpenClaw.Desired.Tests.Secrets;

/// <summary>Every provider family the scanner covers, found in its own shape with its kind; and the look-alikes each must not report.</summary>
public sealed class ProviderFormatTests
{
    public static TheoryData<string> Families() => [.. ProviderSamples.All().Select(s => s.Family)];

    private static ProviderSample Sample(string family) => ProviderSamples.All().Single(s => s.Family == family);

    [Theory]
    [MemberData(nameof(Families))]
    public void Scan_ProviderCredential_IsFoundWhole_WithItsKind(string family)
    {
        var sample = Sample(family);

        var matches = SecretScanner.Scan(sample.Line);

        var match = Assert.Single(matches, m => sample.Line.Substring(m.Start, m.Length) == sample.Value);
        Assert.Equal(sample.Kind, match.Kind);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Scan_ProviderCredential_IsFoundInsideASessionLogLine(string family)
    {
        var sample = Sample(family);
        if (sample.Line.Contains('\n'))
        {
            return; // multi-line blocks are covered by the private-key tests
        }

        var json = $"{{\"role\":\"user\",\"content\":\"{sample.Line.Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}";

        Assert.Contains(SecretScanner.Scan(json), m => json.Substring(m.Start, m.Length) == sample.Value);
    }

    [Theory]
    // Placeholders and documented examples.
    [InlineData("OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("ANTHROPIC_API_KEY=sk-ant-api03-your-key-here")]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")]
    [InlineData("AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")]
    [InlineData("STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc")]
    [InlineData("GITHUB_TOKEN=ghs_16C7e42F292c69C2E7C10c838347Ae178B4a")]
    [InlineData("Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("GROQ_API_KEY=<your-groq-key>")]
    [InlineData("worker 482131:AsyncTaskSchedulerBackgroundQueueDrained ok")]
    [InlineData("Jenkins initial setup is required.\nSee /var/lib/jenkins/secrets/initialAdminPassword\njenkins.war MD5 d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("MISTRAL_API_KEY=${MISTRAL_API_KEY}")]
    [InlineData("SLACK_BOT_TOKEN=xoxb-0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("NOTION_TOKEN=ntn_your-key-here")]
    [InlineData("key: AKIAABCDEFGHIJKLMNOP")]
    [InlineData("azure_devops_pat = \"a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3X4y5Z6a7B8c9D0e1F2g3H4i5J6k7L8m9AZDOn0p1Q\"")]
    // Near misses: wrong length, wrong alphabet, no provider named where the shape alone is too common.
    [InlineData("GITHUB_TOKEN=ghp_tooshort123")]
    [InlineData("the commit 3f2a9c1e7b4d5a6f8e9d0c1b2a3f4e5d6c7b8a90 fixed it")]
    [InlineData("request id 6f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f in the log")]
    [InlineData("export AWS_SECRET_ACCESS_KEY=ded7db27a4558e2ea9bbf0bf36ae0e8521618f366c")]
    [InlineData("dapiDataGetTopLongShortPositionRatio (params?: {}): Promise<implicitReturnType>;")]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000;EndpointSuffix=ai.contoso.com;")]
    [InlineData("live_126031192_IgvUabrXbWSihj2ENnA59G1F8")]
    [InlineData("sonarqube-reporter-1.2.4.tgz#3b335d612137949d2f21fcc6c8c8164db7603227")]
    [InlineData("curl https://kolkrabbi.heroku.com/apps/98fc74a8-ff56-4a21-85f6-7a1fcac895c9/github/push")]
    [InlineData("px-api-a1b2c3d4-e5f6-g7h8-i8j0-k0l3m3n4o0p5")]
    [InlineData("password_hash: $2b$12$KIXQJf3Lx9Yb1Qm5vZp2MuXn0sT7yW4eR6aD8cF1gH3jK5lN7pQ9S")]
    [InlineData("abcdef.0123456789abcdef")]
    [InlineData("sha256: 9f2c4b1e7a3d5c8f0b6e2a4d7c1f9e3b5a8d2c6f0e4b7a1d3c9f5e2b8a6d4c0f1 (CC_TEST_REPORTER_ID is set in CI)")]
    [InlineData("CC_TEST_REPORTER_ID: ${{ secrets.CC_TEST_REPORTER_ID }}")]
    // A word run after hf_ (one case only), Slack ids too short to be a team's, a configuration-token placeholder.
    [InlineData("  M_FIELD(&hf_registerpriorityparameterdescriptions),")]
    [InlineData("see xoxp-1234-1234-1234-9c41e0f7a2b85d36c0e1f4a7b2d95e38 in the docs")]
    [InlineData("xoxe.xoxp-1-SlackConfigurationTokenGoesHere")]
    // Telegram: a bot id of four or seventeen digits, a secret part with letters glued on.
    [InlineData("TELEGRAM_BOT_TOKEN=4821:AAF3kQz9Lm2Xw7Rt5Yp8Vb1Nc4Hd6Js0Ge")]
    [InlineData("TELEGRAM_BOT_TOKEN=48213957204816395:AAF3kQz9Lm2Xw7Rt5Yp8Vb1Nc4Hd6Js0Ge")]
    [InlineData("telegram_token = \"73920581:AAF3kQz9Lm2Xw7Rt5Yp8Vb1Nc4Hd6Js0Ge-plus-more\"")]
    // Provider-shaped values cut short: not that provider's key, and not reported as a generic secret either.
    [InlineData("XAI_API_KEY=xai-Q7bR2kLm9TzW4vNc8HpY3jFd6sGx1aUe")]
    [InlineData("OPENROUTER_API_KEY=sk-or-v1-Zq8Lw3Rt6Yp1Kc9Vb2Nm5Xj")]
    // A key-shaped PEM block of one letter; a Google API key the Firebase Android SDK publishes in its samples.
    [InlineData("-----BEGIN PRIVATE KEY-----XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX-----END PRIVATE KEY-----")]
    [InlineData("\"current_key\": \"AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM\"")]
    public void Scan_LookAlike_FindsNothing(string line) =>
        Assert.Empty(SecretScanner.Scan(line));

    [Fact]
    public void Scan_GitHubToken_ReportsWhetherItsCrc32TailHolds()
    {
        var random = new SyntheticValues(3).AlnumOf(30);
        var issued = "ghp_" + random + Checksums.Crc32Base62(random);
        var typed = "ghp_" + random + (Checksums.Crc32Base62(random) == "000000" ? "000001" : "000000");

        var good = Assert.Single(SecretScanner.Scan($"GITHUB_TOKEN={issued}"));
        var bad = Assert.Single(SecretScanner.Scan($"GITHUB_TOKEN={typed}"));

        Assert.True(good.ChecksumValid);
        Assert.False(bad.ChecksumValid);
        Assert.Equal(SecretKinds.GitHub, bad.Kind);
    }

    [Fact]
    public void Scan_AgeKeyWithAValidBech32Checksum_IsFoundHoweverRegularItLooks_AndABrokenOneIsAPlaceholder()
    {
        // 32 bytes of 0x11 encoded by BIP 173 with age's prefix: a key age itself would print, though it repeats.
        const string issued = "AGE-SECRET-KEY-1ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYGSUZRZYL";
        var typed = issued[..^1] + "Q";

        var found = Assert.Single(SecretScanner.Scan("AGE_KEY=" + issued), m => m.Kind == "age-secret-key");
        Assert.True(found.ChecksumValid);
        Assert.True(Checksums.Bech32(issued));
        Assert.False(Checksums.Bech32(typed));
        Assert.DoesNotContain(SecretScanner.Scan("AGE_KEY=" + typed), m => m.Kind == "age-secret-key");
    }

    [Fact]
    public void Checksums_KnownTail_MatchesGitHubsScheme()
    {
        // The six-character tail is CRC32 of the 30 random characters in base 62, padded with '0'.
        Assert.Equal(0u, Checksums.Crc32(""));
        Assert.Equal(0xCBF43926u, Checksums.Crc32("123456789"));
        Assert.Equal(6, Checksums.Crc32Base62("abcdefghijklmnopqrstuvwxyzABCD").Length);
    }

    [Theory]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----")]
    public void Scan_Base64EncodedPrivateKey_IsAPrivateKey(string header)
    {
        var body = string.Join('\n', Enumerable.Range(0, 4).Select(_ => new SyntheticValues(9).Of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64)));
        var encoded = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"{header}\n{body}\n"));

        var match = Assert.Single(SecretScanner.Scan($"PRIVATE_KEY_B64={encoded}"));

        Assert.Equal(SecretKinds.PrivateKey, match.Kind);
    }

    [Fact]
    public void Scan_Base64Certificate_IsNotADerPrivateKey()
    {
        // A certificate's DER opens SEQUENCE, SEQUENCE (its to-be-signed part), where a private key has INTEGER 0.
        var random = Convert.FromHexString(new SyntheticValues(5).HexOf(800));
        var certificate = Convert.ToBase64String([0x30, 0x82, 0x03, 0x77, 0x30, 0x82, 0x02, 0x5F, 0xA0, 0x03, 0x02, 0x01, 0x02, .. random]);
        var key = Convert.ToBase64String([0x30, 0x82, 0x04, 0xBD, 0x02, 0x01, 0x00, 0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, .. random]);

        Assert.Empty(SecretScanner.Scan($"cert: {certificate}"));
        Assert.Equal(SecretKinds.PrivateKey, Assert.Single(SecretScanner.Scan($"key: {key}")).Kind);
    }

    /// <summary>Short private keys in bare DER: made here as their tools make them (EC by the platform, Ed25519 and X25519 from 32 random bytes).</summary>
    public static TheoryData<string, string> ShortDerPrivateKeys()
    {
        using var p256 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        using var p521 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP521);
        var seed = Convert.FromHexString(new SyntheticValues(11).HexOf(64));
        return new()
        {
            { "EC P-256, PKCS#8", Convert.ToBase64String(p256.ExportPkcs8PrivateKey()) },
            { "EC P-256, SEC1", Convert.ToBase64String(p256.ExportECPrivateKey()) },
            { "EC P-384, PKCS#8", Convert.ToBase64String(p384.ExportPkcs8PrivateKey()) },
            { "EC P-384, SEC1", Convert.ToBase64String(p384.ExportECPrivateKey()) },
            { "EC P-521, PKCS#8", Convert.ToBase64String(p521.ExportPkcs8PrivateKey()) },
            { "EC P-521, SEC1", Convert.ToBase64String(p521.ExportECPrivateKey()) },
            { "Ed25519, PKCS#8", Convert.ToBase64String([0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, .. seed]) },
            { "X25519, PKCS#8", Convert.ToBase64String([0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x6E, 0x04, 0x22, 0x04, 0x20, .. seed]) },
        };
    }

    [Theory]
    [MemberData(nameof(ShortDerPrivateKeys))]
    public void Scan_ShortBareDerPrivateKey_IsAPrivateKey(string what, string key)
    {
        foreach (var line in new[] { $"SIGNING_KEY={key}", $"\"privateKey\": \"{key}\"", $"- bot key: {key}" })
        {
            var match = Assert.Single(SecretScanner.Scan(line));

            Assert.True(match.Kind == SecretKinds.PrivateKey, what);
            Assert.Equal(key, line.Substring(match.Start, match.Length));
        }
    }

    /// <summary>
    /// A key's base64 spells a placeholder's word by chance about once in a few thousand keys ("…IyOur…", "…tOdo…"): a value whose
    /// DER structure holds was made by a key tool, so the word does not make it a placeholder.
    /// </summary>
    [Theory]
    [InlineData("your")]
    [InlineData("todo")]
    [InlineData("Dummy")]
    public void Scan_DerKeyWhoseBase64SpellsAPlaceholderWord_IsStillAPrivateKey(string word)
    {
        using var p256 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        foreach (var (der, at) in new[] { (p256.ExportECPrivateKey(), 9), (rsa.ExportPkcs8PrivateKey(), 600) })
        {
            // The word's bytes put inside the private part (in the SEC1 key's scalar, deep in the RSA key), at a multiple
            // of three bytes so that its base64 starts a group of four characters.
            var padded = word.Length % 4 == 0 ? word : word + new string('A', 4 - (word.Length % 4));
            Convert.FromBase64String(padded).CopyTo(der, at);
            var key = Convert.ToBase64String(der);
            Assert.Contains(word, key, StringComparison.Ordinal);

            var match = Assert.Single(SecretScanner.Scan($"SIGNING_KEY={key}"));

            Assert.Equal(SecretKinds.PrivateKey, match.Kind);
            Assert.Equal(key.Length, match.Length);
        }
    }

    /// <summary>Public keys, certificates and signatures open with the same few characters as short private keys.</summary>
    public static TheoryData<string, string> ShortDerPublicValues()
    {
        using var p256 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var p521 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP521);
        using var rsa = System.Security.Cryptography.RSA.Create(1024);
        var point = Convert.FromHexString(new SyntheticValues(12).HexOf(64));
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=bot", p256, System.Security.Cryptography.HashAlgorithmName.SHA256);
        return new()
        {
            { "EC P-256 public key", Convert.ToBase64String(p256.ExportSubjectPublicKeyInfo()) },
            { "EC P-521 public key", Convert.ToBase64String(p521.ExportSubjectPublicKeyInfo()) },
            { "RSA-1024 public key", Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()) },
            { "RSA-1024 public key, PKCS#1", Convert.ToBase64String(rsa.ExportRSAPublicKey()) },
            { "Ed25519 public key", Convert.ToBase64String([0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00, .. point]) },
            { "ECDSA signature", Convert.ToBase64String(p256.SignData("hello"u8.ToArray(), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence)) },
            { "certificate request", Convert.ToBase64String(request.CreateSigningRequest()) },
        };
    }

    [Theory]
    [MemberData(nameof(ShortDerPublicValues))]
    public void Scan_ShortBareDerPublicValue_IsNotAPrivateKey(string what, string value) =>
        Assert.True(!SecretScanner.Scan($"key: {value}").Any(m => m.Kind == SecretKinds.PrivateKey), what);

    [Theory]
    [InlineData("models:\n  providers:\n    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      apiKey: Zk4qT9vX2mLp8RwN3sYb7HcJqW5eR1tY")]
    [InlineData("provider \"mistral\" {\n  api_key = \"Zk4qT9vX2mLp8RwN3sYb7HcJqW5eR1tY\"\n}")]
    [InlineData("## Mistral (la plateforme)\n\nZk4qT9vX2mLp8RwN3sYb7HcJqW5eR1tY")]
    public void Scan_MistralKeyAFewLinesBelowItsName_IsAMistralKey(string text)
    {
        var match = Assert.Single(SecretScanner.Scan(text));

        Assert.Equal("mistral-api-key", match.Kind);
        Assert.Equal("Zk4qT9vX2mLp8RwN3sYb7HcJqW5eR1tY", text.Substring(match.Start, match.Length));
    }

    /// <summary>
    /// Hex of 32 (an MD5 sum, a trace id, an ETag) is no Mistral key, which mixes cases: not on the line that names
    /// Mistral, nor below it. Twilio's auth token is such hex, so Twilio's word must stay on the value's line.
    /// </summary>
    [Theory]
    [InlineData("{\"type\":\"message\",\"provider\":\"mistral\",\"model\":\"mistral-large-latest\",\"id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}")]
    [InlineData("{\"provider\":\"mistral\",\"model\":\"mistral-large-latest\"}\n{\"type\":\"trace\",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}")]
    [InlineData("## Models\n- mistral-7b-instruct-v0.2.Q4_K_M.gguf\n  md5: 3f2a9c1e7b4d5a6f8e9d0c1b2a3f4e5d")]
    [InlineData("Sent with Twilio\n{\"sid\":\"SM9b4cc552783500ace5414a1ed3e9fd1a\",\"etag\":\"9b4cc552783500ace5414a1ed3e9fd1b\"}")]
    public void Scan_HexNearAProviderWithoutItsShape_FindsNothing(string text) =>
        Assert.Empty(SecretScanner.Scan(text));

    [Fact]
    public void Scan_JwtWhoseHeaderIsNotJson_IsNotAJwt()
    {
        var notJson = "eyJ0aGlzIGlzIG5vdCBqc29u.eyJhbGciOiJub25lIn0xxxxxxxxxxxxxxxxxxxx.c2lnbmF0dXJlc2lnbmF0dXJlc2ln";

        Assert.DoesNotContain(SecretScanner.Scan(notJson), m => m.Kind == SecretKinds.Jwt);
    }
}
