using Microsoft.Extensions.Time.Testing;
using OpenClaw.Desired.Secrets.Vault;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Secrets;

/// <summary>The KV v2 client against FakeVaultServer (an in-process fake; no real Vault runs here).</summary>
public sealed class VaultKvClientTests
{
    private const string RootToken = "hvs.root-token-for-the-fake";

    private static VaultKvClient Client(FakeVaultServer vault, HttpClient http, VaultAuth auth, string? ns = null) =>
        new(http, new VaultSettings(new Uri(vault.Address + "/"), ns, vault.Mount, auth));

    [Fact]
    public async Task WriteThenRead_WithToken_ReturnsDataVersionAndTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var vault = new FakeVaultServer(RootToken, clock: clock);
        using var http = new HttpClient();
        var client = Client(vault, http, new VaultTokenAuth(RootToken));

        var first = await client.WriteAsync("openclaw/GITHUB_TOKEN", new Dictionary<string, string> { ["value"] = "one" }, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(3));
        var second = await client.WriteAsync("openclaw/GITHUB_TOKEN", new Dictionary<string, string> { ["value"] = "two" }, CancellationToken.None);
        var read = await client.ReadAsync("openclaw/GITHUB_TOKEN", CancellationToken.None);
        var metadata = await client.ReadMetadataAsync("openclaw/GITHUB_TOKEN", CancellationToken.None);

        Assert.Equal((1, 2), (first, second));
        Assert.Equal("two", read!.Data["value"]);
        Assert.Equal(2, read.Version);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero), read.CreatedTime);
        Assert.Equal(2, metadata!.CurrentVersion);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), metadata.Versions[1]);
        Assert.Equal(read.CreatedTime, metadata.CurrentVersionCreated);
    }

    [Fact]
    public async Task ReadAndList_Missing_ReturnNullAndEmpty()
    {
        using var vault = new FakeVaultServer(RootToken);
        using var http = new HttpClient();
        var client = Client(vault, http, new VaultTokenAuth(RootToken));

        Assert.Null(await client.ReadAsync("openclaw/NOPE", CancellationToken.None));
        Assert.Null(await client.ReadMetadataAsync("openclaw/NOPE", CancellationToken.None));
        Assert.Empty(await client.ListAsync("openclaw", CancellationToken.None));
    }

    [Fact]
    public async Task List_KeysUnderFolder_NamesSecretsAndSubfolders()
    {
        using var vault = new FakeVaultServer(RootToken);
        vault.Put("openclaw/A", "value", "1");
        vault.Put("openclaw/B", "value", "2");
        vault.Put("openclaw/sub/C", "value", "3");
        vault.Put("other/D", "value", "4");
        using var http = new HttpClient();

        var keys = await Client(vault, http, new VaultTokenAuth(RootToken)).ListAsync("openclaw", CancellationToken.None);

        Assert.Equal(["A", "B", "sub/"], keys);
    }

    [Fact]
    public async Task AppRole_LogsInOnceAndUsesTheIssuedToken()
    {
        using var vault = new FakeVaultServer(RootToken, @namespace: "team-a") { AppRole = ("role-1", "secret-id-1") };
        using var http = new HttpClient();
        var client = Client(vault, http, new VaultAppRoleAuth("role-1", "secret-id-1"), ns: "team-a");

        await client.WriteAsync("openclaw/X", new Dictionary<string, string> { ["value"] = "x" }, CancellationToken.None);
        var read = await client.ReadAsync("openclaw/X", CancellationToken.None);

        Assert.Equal("x", read!.Data["value"]);
        Assert.Single(vault.Requests, r => r.Contains("/v1/auth/approle/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongNamespaceOrToken_ThrowsVaultExceptionWithoutTheToken()
    {
        using var vault = new FakeVaultServer(RootToken, @namespace: "team-a");
        using var http = new HttpClient();
        const string wrong = "hvs.not-the-right-token-canary";

        var noNamespace = await Assert.ThrowsAsync<VaultException>(() => Client(vault, http, new VaultTokenAuth(RootToken)).ReadAsync("openclaw/X", CancellationToken.None));
        var badToken = await Assert.ThrowsAsync<VaultException>(() => Client(vault, http, new VaultTokenAuth(wrong), "team-a").ReadAsync("openclaw/X", CancellationToken.None));

        Assert.Equal(403, noNamespace.Status);
        Assert.Contains("permission denied", badToken.Message);
        Assert.DoesNotContain(wrong, badToken.Message);
        Assert.DoesNotContain(wrong, badToken.ToString());
    }

    [Fact]
    public async Task BadAppRole_FailsWithVaultsMessage()
    {
        using var vault = new FakeVaultServer(RootToken) { AppRole = ("role-1", "secret-id-1") };
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<VaultException>(() => Client(vault, http, new VaultAppRoleAuth("role-1", "wrong-secret-id")).ReadAsync("openclaw/X", CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.DoesNotContain("wrong-secret-id", error.Message);
    }

    [Fact]
    public async Task Unreachable_SaysSoWithoutThrowingSomethingElse()
    {
        using var http = new HttpClient();
        var client = new VaultKvClient(http, new VaultSettings(new Uri("http://127.0.0.1:1/"), null, "secret", new VaultTokenAuth(RootToken)));

        var error = await Assert.ThrowsAsync<VaultException>(() => client.ReadAsync("openclaw/X", CancellationToken.None));

        Assert.Contains("cannot be reached", error.Message);
    }

    [Fact]
    public async Task ExecResolver_AnswersOpenClawsProtocolWithValuesAndErrors()
    {
        using var vault = new FakeVaultServer(RootToken);
        vault.Put("openclaw/GITHUB_TOKEN", "value", "ghp-value");
        using var http = new HttpClient();

        var answer = await ExecResolver.ResolveAsync("""{"protocolVersion":1,"provider":"vault","ids":["GITHUB_TOKEN","MISSING","../x"]}""",
            Client(vault, http, new VaultTokenAuth(RootToken)), "openclaw", CancellationToken.None);
        var json = System.Text.Json.Nodes.JsonNode.Parse(answer)!;

        Assert.Equal(1, (int)json["protocolVersion"]!);
        Assert.Equal("ghp-value", (string?)json["values"]!["GITHUB_TOKEN"]);
        Assert.Equal("not found", (string?)json["errors"]!["MISSING"]!["message"]);
        Assert.NotNull(json["errors"]!["../x"]);
    }
}
