namespace OpenClaw.Desired.Source;

/// <summary>
/// Reads gpg's machine interface (<c>--status-fd</c>): a signature counts only with GOODSIG and VALIDSIG and
/// none of the lines that say bad, expired, revoked or unknown key.
/// </summary>
internal sealed record GpgStatus(bool Good, bool Bad, bool MissingKey, bool ExpiredOrRevoked, string? SigningFingerprint, string? PrimaryFingerprint)
{
    public static GpgStatus Parse(string statusOutput)
    {
        bool good = false, bad = false, missing = false, expired = false;
        string? signing = null, primary = null;
        foreach (var line in statusOutput.Split('\n'))
        {
            var fields = line.Trim().Split(' ');
            if (fields.Length < 2 || fields[0] != "[GNUPG:]")
            {
                continue;
            }

            switch (fields[1])
            {
                case "GOODSIG":
                    good = true;
                    break;
                case "BADSIG":
                    bad = true;
                    break;
                case "ERRSIG" or "NO_PUBKEY":
                    missing = true;
                    break;
                case "EXPSIG" or "EXPKEYSIG" or "REVKEYSIG":
                    expired = true;
                    break;
                case "VALIDSIG" when fields.Length >= 3:
                    signing = fields[2].ToUpperInvariant();
                    primary = fields.Length >= 12 ? fields[^1].ToUpperInvariant() : signing;
                    break;
            }
        }

        return new GpgStatus(good && signing is not null && !bad && !missing && !expired, bad, missing, expired, signing, primary);
    }

    /// <summary>A configured key matches the primary or signing key, by full fingerprint or by its long key id (suffix).</summary>
    public bool SignedByAnyOf(IEnumerable<string> keys) =>
        keys.Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            .Any(k => k.Length >= 16 && new[] { SigningFingerprint, PrimaryFingerprint }.Any(f => f is not null && f.EndsWith(k, StringComparison.Ordinal)));
}
