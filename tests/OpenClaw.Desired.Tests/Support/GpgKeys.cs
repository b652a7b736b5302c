using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// Throwaway GnuPG keys in a temp GNUPGHOME (no passphrase): sign commit buffers and export public keyrings.
/// Dispose stops the gpg-agent that signing started (<c>gpgconf --kill all</c>) and deletes the home.
/// </summary>
public sealed class GpgKeys : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ProcessCommandRunner _runner = new();

    public GpgKeys()
    {
        // Short path: gpg-agent's socket lives here and Unix socket paths are limited to ~108 bytes.
        Home = Directory.CreateTempSubdirectory("ocd-gpg-").FullName;
        File.SetUnixFileMode(Home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            Trusted = Generate("Trusted Signer <trusted@example.invalid>");
            Stranger = Generate("Stranger <stranger@example.invalid>");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Home { get; }

    /// <summary>Fingerprint of the key the tests trust.</summary>
    public string Trusted { get; } = string.Empty;

    /// <summary>Fingerprint of a key with a good signature that nobody trusts.</summary>
    public string Stranger { get; } = string.Empty;

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["GNUPGHOME"] = Home };

    public string Generate(string userId)
    {
        Gpg("--batch", "--passphrase", string.Empty, "--quick-gen-key", userId, "ed25519", "sign", "never");
        var listing = Gpg("--list-keys", "--with-colons", userId);
        return listing.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
    }

    /// <summary>An armored detached signature of the payload by the key, as git would attach it.</summary>
    public Func<string, string> SignerFor(string fingerprint) => payload =>
        GpgWithInput(payload, "--batch", "--pinentry-mode", "loopback", "--passphrase", string.Empty, "--armor", "--detach-sign", "--local-user", fingerprint);

    /// <summary>Writes the public keys to a keyring file: binary by default, ASCII-armored on request.</summary>
    public string ExportKeyring(string path, bool armored, params string[] fingerprints)
    {
        var result = _runner.RunAsync("sh", ["-c", $"gpg {(armored ? "--armor " : string.Empty)}--export {string.Join(' ', fingerprints)} > '{path}'"], Timeout, environment: Environment).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, result.StandardError);
        return path;
    }

    private string Gpg(params string[] arguments) => GpgWithInput(null, arguments);

    private string GpgWithInput(string? input, params string[] arguments)
    {
        var result = _runner.RunAsync("gpg", arguments, Timeout, input, Environment).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, $"gpg {string.Join(' ', arguments)}: {result.StandardError}");
        return result.StandardOutput;
    }

    public void Dispose()
    {
        _runner.RunAsync("gpgconf", ["--kill", "all"], Timeout, environment: Environment).GetAwaiter().GetResult();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
