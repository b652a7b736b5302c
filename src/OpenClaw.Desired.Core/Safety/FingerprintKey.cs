using System.Security.Cryptography;
using System.Text;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// The key of secret fingerprints, kept in the state dir (0600) so fingerprints are stable across runs on a
/// host but cannot be checked against guesses elsewhere. A dry run never creates it.
/// </summary>
public static class FingerprintKey
{
    public const string FileName = "fingerprint.key";

    public static byte[] Load(StateDirectory state, bool create)
    {
        var path = Path.Combine(state.Path, FileName);
        try
        {
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }

            if (create)
            {
                Directory.CreateDirectory(state.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                var key = RandomNumberGenerator.GetBytes(32);
                AtomicFile.Write(path, key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                return key;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Fall through to the built-in key: fingerprints then differ between hosts only by value.
        }

        return Encoding.UTF8.GetBytes("openclaw-desired/fingerprint/v1");
    }
}
