using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// Names that are sensitive but are not secrets: an AWS account id, the ARN of a resource in an account or of an
/// S3 bucket, a Google OAuth client id, a Mapbox public token. Nobody logs in with one, so reconcile never moves one into the store and
/// never rewrites a file for it; <c>secrets scan</c> reports them apart, at low severity, because they tell an
/// attacker which accounts and resources to aim at. Documentation values (AWS's example accounts
/// 123456789012 and 111122223333, <c>{bucket}</c> templates) are passed over.
/// </summary>
public static partial class SensitiveIdentifiers
{
    public const string AwsAccountId = "aws-account-id";
    public const string AwsArn = "aws-arn";
    public const string GoogleClientId = "google-oauth-client-id";
    public const string MapboxPublicToken = "mapbox-public-token";

    /// <summary>What scan output says a finding of this class is: low severity, never moved.</summary>
    public const string Severity = "low";

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [AwsAccountId] = "AWS account id",
        [AwsArn] = "AWS resource name (ARN) naming an account or a bucket",
        [GoogleClientId] = "Google OAuth client id",
        [MapboxPublicToken] = "Mapbox public token (pk., meant for browsers; its secret sk. tokens are credentials)",
    };

    /// <summary>AWS's documentation accounts and obvious fill-ins: no one's account.</summary>
    private static readonly HashSet<string> ExampleAccounts = new(StringComparer.Ordinal)
    {
        "123456789012", "111122223333", "444455556666", "555555555555", "000000000000", "111111111111", "999999999999", "012345678901",
    };

    public static bool IsIdentifier(string kind) => Descriptions.ContainsKey(kind);

    public static string Describe(string kind) => Descriptions.GetValueOrDefault(kind, kind);

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:(?<service>[a-z0-9-]{2,32}):(?<region>[a-z0-9-]{0,32}):(?<account>[0-9]{12})?:(?<resource>[A-Za-z0-9_./:*+=,@{}$-]{1,512})", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Arn();

    [GeneratedRegex(@"(?i)(?<![A-Za-z0-9])aws_?account_?(?:id|number)[""']?[ \t]*[:=][ \t]*[""']?(?<account>[0-9]{12})(?![0-9])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NamedAccount();

    [GeneratedRegex(@"(?<![A-Za-z0-9-])(?<v>[0-9]{6,14}-[a-z0-9]{32}\.apps\.googleusercontent\.com)(?![A-Za-z0-9.-])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex GoogleClient();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])(?<v>pk\.eyJ[A-Za-z0-9_-]{20,400}\.[A-Za-z0-9_-]{16,100})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MapboxPublic();

    /// <summary>Every anchor in one vectorised pass: a text without any of them (nearly all) costs one scan.</summary>
    private static readonly Text.Needles Anchors = new(["arn:aws", "awsaccount", "aws_account", ".apps.googleusercontent.com", "pk.eyJ"], StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<SecretMatch> Scan(string text)
    {
        var sink = new List<SecretMatch>();
        if (!Anchors.ContainsAny(text))
        {
            return sink;
        }

        if (text.Contains("arn:aws", StringComparison.Ordinal))
        {
            foreach (Match arn in Arn().Matches(text))
            {
                var account = arn.Groups["account"];
                var resource = arn.Groups["resource"].Value;
                var namesAccount = account.Success && !ExampleAccounts.Contains(account.Value);
                var namesBucket = arn.Groups["service"].Value == "s3" && !account.Success && resource.Length >= 3 && !IsTemplate(resource);
                if ((namesAccount || namesBucket) && !IsTemplate(resource))
                {
                    sink.Add(new SecretMatch(arn.Index, arn.Length, AwsArn));
                }
            }
        }

        if (text.Contains("awsaccount", StringComparison.OrdinalIgnoreCase) || text.Contains("aws_account", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match named in NamedAccount().Matches(text))
            {
                var account = named.Groups["account"];
                if (!ExampleAccounts.Contains(account.Value) && !sink.Any(s => s.Start <= account.Index && account.Index < s.End))
                {
                    sink.Add(new SecretMatch(account.Index, account.Length, AwsAccountId));
                }
            }
        }

        if (text.Contains(".apps.googleusercontent.com", StringComparison.Ordinal))
        {
            foreach (Match client in GoogleClient().Matches(text))
            {
                var value = client.Groups["v"];
                if (!ValueHeuristics.IsPlaceholder(value.ValueSpan))
                {
                    sink.Add(new SecretMatch(value.Index, value.Length, GoogleClientId));
                }
            }
        }

        if (text.Contains("pk.eyJ", StringComparison.Ordinal))
        {
            foreach (Match token in MapboxPublic().Matches(text))
            {
                var value = token.Groups["v"];
                sink.Add(new SecretMatch(value.Index, value.Length, MapboxPublicToken));
            }
        }

        sink.Sort((a, b) => a.Start.CompareTo(b.Start));
        return sink;
    }

    private static bool IsTemplate(string resource) =>
        resource.Contains('{', StringComparison.Ordinal) || resource.Contains('$', StringComparison.Ordinal) || resource.Contains('<', StringComparison.Ordinal)
        || resource.Contains("example", StringComparison.OrdinalIgnoreCase) || resource.Contains("your", StringComparison.OrdinalIgnoreCase)
        || resource.StartsWith("bucket_name", StringComparison.OrdinalIgnoreCase) || resource.StartsWith('*');
}
