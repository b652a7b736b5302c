using System.Text;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Secrets;

/// <summary>
/// Encrypts backups for a GPG recipient (<c>secrets.backupRecipient</c>) and decrypts them on rollback with
/// the key in the running user's keyring. The bytes travel as base64 through gpg's armoured text mode, so
/// any file survives the text-only command port.
/// </summary>
public sealed class GpgBackupSealer(ICommandRunner commands, string? recipient) : IBackupSealer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string Extension => ".gpg";

    /// <summary>A sealer for the posture's backup recipient, or null when it names none.</summary>
    public static GpgBackupSealer? For(EffectivePosture posture, ICommandRunner commands) =>
        posture.Document.Secrets?.BackupRecipient is { Length: > 0 } recipient ? new GpgBackupSealer(commands, recipient) : null;

    public byte[] Seal(byte[] plain)
    {
        if (recipient is null)
        {
            throw new InvalidOperationException("no backup recipient is set (secrets.backupRecipient)");
        }

        var result = Run(["--batch", "--yes", "--quiet", "--trust-model", "always", "--armor", "--encrypt", "--recipient", recipient], Convert.ToBase64String(plain));
        return result.Succeeded && result.StandardOutput.Contains("-----BEGIN PGP MESSAGE-----", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(result.StandardOutput)
            : throw new IOException($"gpg could not encrypt a backup for {recipient}: {FirstLine(result.StandardError)}");
    }

    public byte[] Open(byte[] sealedBytes)
    {
        var result = Run(["--batch", "--yes", "--quiet", "--decrypt"], Encoding.UTF8.GetString(sealedBytes));
        if (!result.Succeeded)
        {
            throw new IOException($"gpg could not decrypt a backup (is the recipient's secret key in this keyring?): {FirstLine(result.StandardError)}");
        }

        try
        {
            return Convert.FromBase64String(result.StandardOutput.Trim());
        }
        catch (FormatException)
        {
            throw new IOException("a decrypted backup is not in the form this tool writes");
        }
    }

    // The port is asynchronous; backups happen inside FileChanger's synchronous write, where no
    // synchronisation context exists, so waiting here cannot deadlock.
    private CommandResult Run(IReadOnlyList<string> arguments, string input) =>
        commands.RunAsync("gpg", arguments, Timeout, input).GetAwaiter().GetResult();

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
}
