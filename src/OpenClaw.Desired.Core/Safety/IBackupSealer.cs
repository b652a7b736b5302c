namespace OpenClaw.Desired.Safety;

/// <summary>
/// Protects backups of files that may hold secrets: <see cref="Seal"/> before a backup is written,
/// <see cref="Open"/> when a rollback reads it back. Backups sealed this way carry <see cref="Extension"/>.
/// </summary>
public interface IBackupSealer
{
    /// <summary>The file name suffix of sealed backups, e.g. ".gpg".</summary>
    string Extension { get; }

    byte[] Seal(byte[] plain);

    byte[] Open(byte[] sealedBytes);
}
