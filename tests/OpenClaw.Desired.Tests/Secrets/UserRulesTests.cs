using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Secrets.Scanning.Rules;

namespace OpenClaw.Desired.Tests.Secrets;

/// <summary>Extra rules and allowlists in gitleaks' TOML format: what a team's existing config does here, and clear errors when it cannot be used.</summary>
public sealed class UserRulesTests
{
    private const string Config = """
        title = "team rules"

        [[rules]]
        id = "acme-api-key"
        description = "ACME internal API key"
        regex = '''(?i)acme[_-]?key\s*[:=]\s*['"]?(?P<key>acme_[a-z0-9]{24})'''
        secretGroup = 1
        keywords = ["acme"]

        [[rules]]
        id = "acme-session"
        regex = '''sess_[[:alnum:]]{20}'''
        entropy = 3.5
        [rules.allowlist]
        stopwords = ["example"]

        [[rules]]
        id = "only-in-deploy"
        regex = '''deploy_[0-9a-f]{16}'''
        path = '''(^|/)deploy/'''

        [allowlist]
        description = "fixtures"
        paths = ['''(^|/)fixtures/''']
        regexes = ['''^ghp_FIXTURE''']
        """;

    private static IReadOnlyList<FoundSecret> Scan(string text, string path, UserRules rules) =>
        FileSecretScanner.ScanText(text, path, FileRole.Text, v => "fp", rules);

    [Fact]
    public void Rule_WithSecretGroup_ReportsTheGroupUnderTheRuleId()
    {
        var rules = GitleaksConfig.Parse(Config, "rules.toml");

        var found = Assert.Single(Scan("ACME_KEY = acme_0123456789abcdefghijklmn\n", "notes.md", rules));

        Assert.Equal("acme-api-key", found.Kind);
        Assert.Equal("acme_0123456789abcdefghijklmn", found.Value);
    }

    [Fact]
    public void Rule_KeywordsEntropyAndPath_DecideWhereItApplies()
    {
        var rules = GitleaksConfig.Parse(Config, "rules.toml");

        Assert.Single(Scan("token sess_Q7x9Lm2Kp4Rt8Wz3Vb6N\n", "notes.md", rules));
        Assert.Empty(Scan("token sess_aaaaaaaaaaaaaaaaaaab\n", "notes.md", rules));
        Assert.Empty(Scan("token sess_exampleQ7x9Lm2Kp4Rt\n", "notes.md", rules));
        Assert.Single(Scan("deploy_0123456789abcdef\n", "ops/deploy/run.sh", rules));
        Assert.Empty(Scan("deploy_0123456789abcdef\n", "ops/run.sh", rules));
    }

    [Fact]
    public void GlobalAllowlist_AppliesToBuiltInFindingsToo()
    {
        var rules = GitleaksConfig.Parse(Config, "rules.toml");
        const string Token = "ghp_Q7x9Lm2Kp4Rt8Wz3Vb6Nc1Yh5Jd0Sa2EfG4k";

        Assert.Single(Scan($"GITHUB_TOKEN={Token}\n", "notes.md", rules));
        Assert.Empty(Scan($"GITHUB_TOKEN={Token}\n", "tests/fixtures/notes.md", rules));
        Assert.Empty(Scan("GITHUB_TOKEN=ghp_FIXTURE9Lm2Kp4Rt8Wz3Vb6Nc1Yh5Jd0Sa2E\n", "notes.md", rules));
    }

    [Fact]
    public void Allowlist_AndConditionLineTargetAndTargetRules()
    {
        var rules = GitleaksConfig.Parse("""
            [[allowlists]]
            condition = "AND"
            paths = ['''docs/''']
            regexTarget = "line"
            regexes = ['''# example$''']
            targetRules = ["github-token"]
            """, "rules.toml");
        const string Line = "GITHUB_TOKEN=ghp_Q7x9Lm2Kp4Rt8Wz3Vb6Nc1Yh5Jd0Sa2EfG4k";

        Assert.Empty(Scan($"{Line} # example\n", "docs/setup.md", rules));
        Assert.Single(Scan($"{Line} # example\n", "notes/setup.md", rules));
        Assert.Single(Scan($"{Line}\n", "docs/setup.md", rules));
        Assert.Single(Scan("OPENAI_API_KEY=sk-proj-Q7x9Lm2Kp4Rt8Wz3Vb6Nc1Yh5Jd0Sa2EfG4kT3BlbkFJ # example\n", "docs/setup.md", rules));
    }

    [Fact]
    public void Parse_BrokenFile_ListsEveryProblemWithItsPosition()
    {
        var error = Assert.Throws<UserRulesException>(() => GitleaksConfig.Parse("""
            [[rules]]
            description = "no id"
            regex = '''x'''

            [[rules]]
            id = "bad-regex"
            regex = '''(unclosed'''

            [[rules]]
            id = "bad-type"
            regex = '''y'''
            entropy = "high"
            """, "team.toml"));

        Assert.Contains(error.Problems, p => p.StartsWith("team.toml:1:1: ", StringComparison.Ordinal) && p.Contains("needs an id", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("team.toml:7:9: ", StringComparison.Ordinal) && p.Contains("regular expression", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("team.toml:12:1: ", StringComparison.Ordinal) && p.Contains("must be a number", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SyntaxError_IsPositioned()
    {
        var error = Assert.Throws<UserRulesException>(() => GitleaksConfig.Parse("[[rules]]\nid = \n", "team.toml"));

        Assert.StartsWith("team.toml:2:", Assert.Single(error.Problems));
    }

    [Fact]
    public void Parse_ExtendAndPathOnlyRules_AreWarningsNotSilence()
    {
        var rules = GitleaksConfig.Parse("""
            [extend]
            useDefault = true

            [[rules]]
            id = "p12-files"
            path = '''\.p12$'''
            """, "team.toml");

        Assert.Empty(rules.Rules);
        Assert.Contains(rules.Warnings, w => w.Contains("[extend] ignored", StringComparison.Ordinal));
        Assert.Contains(rules.Warnings, w => w.Contains("path-only", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("(?P<k>[[:alpha:]]+)", "(?<k>[A-Za-z]+)")]
    [InlineData("\\pL+\\z", "\\p{L}+\\z")]
    [InlineData("\\Qa.b\\E", "a\\.b")]
    public void GoRegex_RewritesWhatDotNetSpellsDifferently(string go, string dotnet) =>
        Assert.Equal(dotnet, GoRegex.Translate(go));
}
