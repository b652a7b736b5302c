using System.Text;
using LibGit2Sharp;
using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Source;

/// <summary>
/// Checks a commit's signature with real GnuPG. The signature and the signed payload come from
/// <see cref="CommitSignature"/>; with a keyring file the check runs <c>gpgv --keyring</c> (no agent, no trust
/// database, nothing but that keyring); with fingerprints only, <c>gpg --verify</c> in the reconciler's gpg home.
/// Either way the key must then be one the posture's host trusts.
/// </summary>
public sealed class CommitVerifier(ICommandRunner commands)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<Provenance> VerifyAsync(Repository repository, Commit commit, VerifyPolicy policy, string? gnupgHome, CancellationToken cancellationToken)
    {
        if (!policy.Required)
        {
            return new Provenance(ProvenanceStatus.NotRequired, null, "signatures are not required (source.verify is not set)");
        }

        if (CommitSignature.Extract(repository, commit.Id) is not { } signature)
        {
            return new Provenance(ProvenanceStatus.Unsigned, null, $"commit {Short(commit)} is not signed; source.verify requires a signature by {policy.Describe()}");
        }

        var scratch = Directory.CreateTempSubdirectory("ocd-verify-");
        try
        {
            var sig = Path.Combine(scratch.FullName, "commit.sig");
            var payload = Path.Combine(scratch.FullName, "commit.payload");
            await File.WriteAllBytesAsync(sig, signature.Signature, cancellationToken);
            await File.WriteAllBytesAsync(payload, signature.SignedData, cancellationToken);
            var result = await RunGpgAsync(policy, gnupgHome, scratch.FullName, sig, payload, cancellationToken);
            return Judge(commit, policy, result);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private async Task<CommandResult> RunGpgAsync(VerifyPolicy policy, string? gnupgHome, string scratch, string sig, string payload, CancellationToken cancellationToken)
    {
        if (policy.Keyring is { } keyring)
        {
            var binary = Path.Combine(scratch, "keyring.gpg");
            await File.WriteAllBytesAsync(binary, Keyring.ReadBinary(keyring), cancellationToken);
            // gpgv gets a home of its own so nothing of the reconciler user's gpg setup takes part.
            return await commands.RunAsync("gpgv", ["--status-fd", "1", "--keyring", binary, sig, payload], Timeout,
                environment: new Dictionary<string, string> { ["GNUPGHOME"] = scratch }, cancellationToken: cancellationToken);
        }

        var environment = gnupgHome is null ? null : new Dictionary<string, string> { ["GNUPGHOME"] = gnupgHome };
        return await commands.RunAsync("gpg", ["--batch", "--no-tty", "--no-autostart", "--status-fd", "1", "--verify", sig, payload], Timeout,
            environment: environment, cancellationToken: cancellationToken);
    }

    private static Provenance Judge(Commit commit, VerifyPolicy policy, CommandResult result)
    {
        if (result.ExitCode == 127 || result.TimedOut)
        {
            return new Provenance(ProvenanceStatus.Error, null, $"cannot check the signature of {Short(commit)}: {(result.TimedOut ? "gpg timed out" : "gpg/gpgv is not installed")}");
        }

        var status = GpgStatus.Parse(result.StandardOutput);
        if (status.Bad)
        {
            return new Provenance(ProvenanceStatus.BadSignature, status.SigningFingerprint, $"commit {Short(commit)} has a BAD signature (the commit does not match what was signed)");
        }

        if (status.MissingKey || !status.Good)
        {
            var why = status.MissingKey ? "by a key the host does not have" : status.ExpiredOrRevoked ? "by an expired or revoked key" : "in a way gpg did not accept";
            return new Provenance(ProvenanceStatus.Untrusted, status.SigningFingerprint, $"commit {Short(commit)} is signed {why}; source.verify requires {policy.Describe()}");
        }

        if (policy.Keys.Count > 0 && !status.SignedByAnyOf(policy.Keys))
        {
            return new Provenance(ProvenanceStatus.Untrusted, status.PrimaryFingerprint, $"commit {Short(commit)} is signed by {status.PrimaryFingerprint}, which is not a trusted key; source.verify requires {policy.Describe()}");
        }

        return new Provenance(ProvenanceStatus.Verified, status.PrimaryFingerprint, $"commit {Short(commit)} is signed by trusted key {status.PrimaryFingerprint}");
    }

    private static string Short(Commit commit) => commit.Sha[..12];
}
