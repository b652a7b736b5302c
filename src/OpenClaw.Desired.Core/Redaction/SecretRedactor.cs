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

        // A long text (a report) is read once for all secrets: those before the first one it holds are skipped,
        // and from there each is masked in turn, as always (a mask may make a later secret appear).
        var first = 0;
        if (text.Length >= LongText && SearchFor(secrets) is { } search)
        {
            var present = new bool[secrets.Length];
            search.Mark(text, present);
            first = Array.IndexOf(present, true);
            if (first < 0)
            {
                return text;
            }
        }

        foreach (var secret in secrets.AsSpan(first))
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>From this length on, a text is searched for all secrets in one pass before any is masked.</summary>
    private const int LongText = 4096;

    private sealed record Searcher(string[] Secrets, Text.Needles? Search);

    private Searcher? _searcher;

    /// <summary>The one-pass search for this set of secrets (made again when it grows), or null when it cannot be made.</summary>
    private Text.Needles? SearchFor(string[] secrets)
    {
        if (Volatile.Read(ref _searcher) is { } kept && kept.Secrets == secrets)
        {
            return kept.Search;
        }

        Text.Needles? search;
        try
        {
            search = new Text.Needles(secrets, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            search = null; // more distinct characters than the table takes: secret by secret
        }

        Volatile.Write(ref _searcher, new Searcher(secrets, search));
        return search;
    }

    /// <summary>A short keyed hash that tells two values apart without revealing either.</summary>
    public string Fingerprint(string secret) =>
        "fp:" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(secret)))[..12];
}
