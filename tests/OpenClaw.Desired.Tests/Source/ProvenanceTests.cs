using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Source.GitPostures;

namespace OpenClaw.Desired.Tests.Source;

/// <summary>Signed commits checked with real gpg/gpgv against throwaway keys.</summary>
public sealed class ProvenanceTests(GpgKeys keys) : IClassFixture<GpgKeys>
{
    [Fact]
    public void Apply_SignedByTrustedKey_AppliesAndReportsTheSigner()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var keyring = keys.ExportKeyring(Path.Combine(host.Folder, "trusted.asc"), armored: true, keys.Trusted, keys.Stranger);
        repo.Commit("posture.yaml", Standard(), sign: keys.SignerFor(keys.Trusted));

        var result = CliRunner.Run(Args(host, repo.Path, "--verify-keyring", keyring, "--verify-key", keys.Trusted, "-o", "json"));

        Assert.Equal(0, result.ExitCode);
        var source = SourceOf(Json(result));
        Assert.Equal("verified", source.GetProperty("verification").GetString());
        Assert.Equal(keys.Trusted, source.GetProperty("signedBy").GetString());
    }

    [Fact]
    public async Task Apply_UnsignedCommitNestedTooDeep_IsRefusedWithoutBeingParsed()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var keyring = keys.ExportKeyring(Path.Combine(host.Folder, "trusted.gpg"), armored: false, keys.Trusted);
        var sha = repo.Commit("posture.yaml", "apiVersion: openclaw.desired/v1\ntier: basic\nmonitoring:\n  alerts:\n    " + new string('[', 15_000) + new string(']', 15_000) + "\n");

        var apply = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(90), Args(host, repo.Path, "--verify-keyring", keyring));

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains($"refused to apply: commit {sha[..12]} is not signed", apply.Stdout);
        Assert.DoesNotContain("nests deeper", apply.All);
    }

    [Fact]
    public void Apply_UnsignedCommit_RefusedWhileDryRunShowsThePlanFlagged()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var keyring = keys.ExportKeyring(Path.Combine(host.Folder, "trusted.gpg"), armored: false, keys.Trusted);
        var sha = repo.Commit("posture.yaml", Standard());
        var before = File.ReadAllBytes(host.ConfigPath);

        var apply = CliRunner.Run(Args(host, repo.Path, "--verify-keyring", keyring));
        var dryRun = CliRunner.Run(Args(host, repo.Path, "--verify-keyring", keyring, "--dry-run"));

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains($"refused to apply: commit {sha[..12]} is not signed", apply.Stdout);
        Assert.Equal(before, File.ReadAllBytes(host.ConfigPath));
        Assert.False(Directory.Exists(Path.Combine(host.StateDir, "runs")));
        Assert.Equal(2, dryRun.ExitCode);
        Assert.Contains("UNSIGNED", dryRun.Stdout);
        Assert.Contains("would refuse to apply", dryRun.Stdout);
        Assert.Contains("tools.exec.security", dryRun.Stdout);
    }

    [Fact]
    public void Apply_SignedByKeyOutsideTheTrustedList_Refused()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var keyring = keys.ExportKeyring(Path.Combine(host.Folder, "keys.gpg"), armored: false, keys.Trusted, keys.Stranger);
        repo.Commit("posture.yaml", Standard(), sign: keys.SignerFor(keys.Stranger));
        var bootstrap = host.WritePosture($"""
            apiVersion: openclaw.desired/v1
            tier: basic
            source:
              repo: {repo.Path}
              verify:
                keys: [{keys.Trusted}]
                keyring: {keyring}
            """, "bootstrap.yaml");

        var result = CliRunner.Run(["reconcile", .. host.Args(bootstrap, "--yes", "-o", "json")]);

        Assert.Equal(1, result.ExitCode);
        var report = Json(result);
        Assert.Equal("refused", report.GetProperty("result").GetString());
        Assert.Equal("untrusted", SourceOf(report).GetProperty("verification").GetString());
        Assert.Contains($"is signed by {keys.Stranger}, which is not a trusted key", Diagnostics(report));
    }

    [Fact]
    public void Apply_SignedByKeyNotInTheKeyring_Refused()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var keyring = keys.ExportKeyring(Path.Combine(host.Folder, "trusted.gpg"), armored: false, keys.Trusted);
        repo.Commit("posture.yaml", Standard(), sign: keys.SignerFor(keys.Stranger));

        var result = CliRunner.Run(Args(host, repo.Path, "--verify-keyring", keyring));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("signed by a key the host does not have", result.Stdout);
    }

    [Fact]
    public void Apply_SignatureOverOtherContent_RefusedAsBad()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var keyring = keys.ExportKeyring(Path.Combine(host.Folder, "trusted.gpg"), armored: false, keys.Trusted);
        var signer = keys.SignerFor(keys.Trusted);
        // A real signature by the trusted key, lifted from another commit: it does not cover this one.
        repo.Commit("posture.yaml", Standard(), "posture", sign: buffer => signer(buffer.Replace("posture", "tampered posture", StringComparison.Ordinal)));

        var result = CliRunner.Run(Args(host, repo.Path, "--verify-keyring", keyring, "-o", "json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bad-signature", SourceOf(Json(result)).GetProperty("verification").GetString());
    }

    [Fact]
    public async Task Apply_FingerprintsOnly_ChecksInTheReconcilersGpgHome()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Standard(), sign: keys.SignerFor(keys.Trusted));

        var result = await CliRunner.RunProcessAsync(keys.Environment, TimeSpan.FromSeconds(60), [.. Args(host, repo.Path, "--verify-key", keys.Trusted, "-o", "json")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("verified", SourceOf(Json(result)).GetProperty("verification").GetString());
    }
}
