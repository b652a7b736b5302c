using System.Security.Cryptography;
using System.Text;

namespace OpenClaw.Desired.Redaction;

/// <summary>
/// Knows every secret value a run has seen and scrubs them from any text before it leaves the process.
/// Plans show secrets only as <see cref="Fingerprint"/>s; this is the net under that rule.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "[redacted]";
    private const int MinimumLength = 6;
    private readonly Lock _gate = new();
    private readonly byte[] _key;
    private string[] _secrets = [];

    public SecretRedactor(byte[]? fingerprintKey = null)
    {
        _key = fingerprintKey ?? Encoding.UTF8.GetBytes("openclaw-desired/fingerprint/v1");
    }

    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            if (!_secrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so a secret that contains another is masked whole.
                _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    public int Count => _secrets.Length;

    public string Redact(string text)
    {
        var secrets = _secrets;
        if (secrets.Length == 0 || string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>A short keyed hash that tells two values apart without revealing either.</summary>
    public string Fingerprint(string secret) =>
        "fp:" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(secret)))[..12];
}
