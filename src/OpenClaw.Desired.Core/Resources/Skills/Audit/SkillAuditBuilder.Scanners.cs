namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>The scanners that read a file's whole text, beside the rules matched line by line: each within a time budget.</summary>
public sealed partial class SkillAuditBuilder
{
    /// <summary>What each scanner finds in a file, in a fixed order: those for programs only, then those for any text (a document's code blocks where they read code).</summary>
    private IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scanned(string file, string text, bool executable)
    {
        var code = executable ? text : CodeBlocks(text) ?? string.Empty;
        if (executable)
        {
            foreach (var found in Guarded(() => CodeDroppers.Scan(text), file)
                .Concat(Guarded(() => SkillTamper.Scan(text), file))
                .Concat(Guarded(() => ClipboardSwaps.Scan(text), file))
                .Concat(Guarded(() => ProviderRedirects.Scan(text), file))
                .Concat(Guarded(() => LoadedDownloads.Scan(text), file))
                .Concat(Guarded(() => VendorTokens.Scan(text), file))
                .Concat(Guarded(() => Sabotage.Scan(text), file)))
            {
                yield return found;
            }
        }

        if (RequestCode.Reads(file, executable))
        {
            foreach (var found in Guarded(() => RequestCode.Scan(text), file))
            {
                yield return found;
            }
        }

        foreach (var found in Guarded(() => PackageLookalikes.Scan(file, text), file)
            .Concat(Guarded(() => RepositoryMirrors.Scan(code), file))
            .Concat(Guarded(() => FetchedCode.Scan(code), file))
            .Concat(Guarded(() => HostLookalikes.Scan(code), file))
            .Concat(Guarded(() => EncodedPayloads.Scan(text), file)))
        {
            yield return found;
        }
    }

    /// <summary>A scanner's findings, all at once: one that runs out of its time budget on a hostile text adds the oversized finding and gives none.</summary>
    private List<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Guarded(Func<IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)>> scan, string file)
    {
        try
        {
            return scan().ToList();
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            if (!_fixed.Any(f => f.File == file && f.Rule == AuditRules.Oversized.Id))
            {
                _fixed.Add(Finding(file, 1, AuditRules.Oversized));
            }

            return [];
        }
    }
}
