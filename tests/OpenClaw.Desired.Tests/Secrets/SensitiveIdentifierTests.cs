using System.Text;
using System.Text.Json.Nodes;
using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Secrets;

/// <summary>
/// Sensitive identifiers (AWS account ids and ARNs, Google OAuth client ids): reported by `secrets scan` at low
/// severity, apart from credentials, never among the findings reconcile moves. Every value here is made up.
/// </summary>
public sealed class SensitiveIdentifierTests
{
    private const string Arn = "arn:aws:iam::402718395561:role/deploy-runner";
    private const string ClientId = "581204937716-q3v8kz1m0x7wd2rj5nb9ht4ce6yp0sfa.apps.googleusercontent.com";

    [Theory]
    [InlineData("role_arn = \"arn:aws:iam::402718395561:role/deploy-runner\"", SensitiveIdentifiers.AwsArn)]
    [InlineData("\"KeyId\": \"arn:aws:kms:eu-west-1:739104826655:key/0b7e1c44-5f1a-4c2e-9d0b-2a6f8e3c9d11\",", SensitiveIdentifiers.AwsArn)]
    [InlineData("Resource: arn:aws:s3:::acme-ledger-exports/*", SensitiveIdentifiers.AwsArn)]
    [InlineData("aws_account_id=739104826655", SensitiveIdentifiers.AwsAccountId)]
    [InlineData("  \"AwsAccountId\": \"739104826655\",", SensitiveIdentifiers.AwsAccountId)]
    [InlineData("mapboxgl.accessToken = 'pk.eyJ1IjoiZGFuYS1tYXBzIiwiYSI6ImNrcTd4Mnp2YTAwMDAzMHA2OGw1eXd0ZmoifQ.Vq3x9Lm2Kp4Rt8Wz3Vb6Nc';", SensitiveIdentifiers.MapboxPublicToken)]
    [InlineData("GOOGLE_CLIENT_ID='581204937716-q3v8kz1m0x7wd2rj5nb9ht4ce6yp0sfa.apps.googleusercontent.com'", SensitiveIdentifiers.GoogleClientId)]
    public void Scan_Identifier_IsFoundWithItsKind(string line, string kind) =>
        Assert.Equal(kind, Assert.Single(SensitiveIdentifiers.Scan(line)).Kind);

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/Alice")]
    [InlineData("\"KeyId\": \"arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"")]
    [InlineData("return f\"arn:aws:s3:::{bucket_name}\"")]
    [InlineData("arn:aws:s3:::${BUCKET}/*")]
    [InlineData("arn:aws:s3:::example-bucket/*")]
    [InlineData("arn:aws:iam::<account-id>:role/deploy")]
    [InlineData("Run `aws sts get-caller-identity` to see your account id.")]
    [InlineData("order_number=739104826655")]
    [InlineData("https://console.aws.amazon.com/iam/home")]
    public void Scan_TemplateExampleOrNearMiss_FindsNoIdentifier(string line) =>
        Assert.Empty(SensitiveIdentifiers.Scan(line));

    [Fact]
    public void Scan_Identifiers_AreNeverCredentialFindings()
    {
        var text = $"role: {Arn}\nclient: {ClientId}\naws_account_id: 739104826655\n";

        var (file, _) = FileSecretScanner.ScanBytes(Encoding.UTF8.GetBytes(text), "/w/notes.md", v => "fp:" + v.Length);

        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(file!.Findings);
        Assert.Equal(3, file.Identifiers.Count);
        Assert.All(file.Identifiers, i => Assert.True(SensitiveIdentifiers.IsIdentifier(i.Kind)));
    }

    [Fact]
    public void ScanCommand_IdentifiersOnly_ReportsThemLowAndNotMovedAndExitsZero()
    {
        using var host = ScratchHost.Empty();
        var notes = Path.Combine(host.Folder, "deploy.md");
        File.WriteAllText(notes, $"# Deploy\n\nThe runner assumes {Arn}.\n");

        var json = CliRunner.Run(["secrets", "scan", notes, "--output", "json"]);
        var text = CliRunner.Run(["secrets", "scan", notes]);
        var sarif = CliRunner.Run(["secrets", "scan", notes, "--output", "sarif"]);

        Assert.Equal(0, json.ExitCode);
        var root = JsonNode.Parse(json.Stdout)!;
        Assert.Empty(root["findings"]!.AsArray());
        var identifier = Assert.Single(root["identifiers"]!.AsArray())!;
        Assert.Equal(SensitiveIdentifiers.AwsArn, (string?)identifier["kind"]);
        Assert.Equal("low", (string?)identifier["severity"]);
        Assert.False((bool)identifier["moved"]!);
        Assert.Equal(3, (int)identifier["line"]!);
        Assert.Contains("not a secret, reconcile does not move it", text.Stdout);
        Assert.Contains("0 finding(s) and 1 sensitive identifier(s), not moved,", text.Stdout);
        var result = Assert.Single(JsonNode.Parse(sarif.Stdout)!["runs"]![0]!["results"]!.AsArray())!;
        Assert.Equal("note", (string?)result["level"]);
        Assert.Equal("identifier/aws-arn", (string?)result["ruleId"]);
        Assert.DoesNotContain("402718395561", json.All + text.All + sarif.All);
    }
}
