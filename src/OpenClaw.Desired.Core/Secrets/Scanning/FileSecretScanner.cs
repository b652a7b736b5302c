using System.Text;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>Why a file was not scanned.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>
/// One file's findings, and its text for the apply that rewrites it. <see cref="Identifiers"/> are sensitive
/// names that are not secrets (<see cref="SensitiveIdentifiers"/>): reported by <c>secrets scan</c>, never moved.
/// </summary>
public sealed record ScannedFile(string Path, FileRole Role, IReadOnlyList<FoundSecret> Findings, long Bytes)
{
    public IReadOnlyList<FoundSecret> Identifiers { get; init; } = [];
}

/// <summary>
/// Scans one file: the pattern scanner over its text, plus, for OpenClaw's own files, a structured reading
/// that finds literal credentials by their key (openclaw.json, auth-profiles.json, models.json, .env).
/// </summary>
public static class FileSecretScanner
{
    public const long MaxBytes = 64L * 1024 * 1024;

    public static FileRole RoleOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name switch
        {
            "openclaw.json" => FileRole.Config,
            "auth-profiles.json" => FileRole.AuthProfiles,
            "models.json" or "auth.json" or "auth-state.json" or "exec-approvals.json" or "sessions.json" => FileRole.OpenClawData,
            _ when name == ".env" || name.EndsWith(".env", StringComparison.Ordinal) || name.StartsWith(".env.", StringComparison.Ordinal) => FileRole.DotEnv,
            _ when path.Contains("/credentials/", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal) => FileRole.OpenClawData,
            _ => FileRole.Text,
        };
    }

    /// <summary>Reads and scans a file through the safe host filesystem; null with a reason when it is too big, binary, not a regular file, or unreadable.</summary>
    public static (ScannedFile? File, SkippedFile? Skipped) ScanFile(HostFs fs, string hostPath, Func<string, string> fingerprint, string? displayPath = null, Rules.UserRules? rules = null)
    {
        displayPath ??= hostPath;
        byte[] bytes;
        try
        {
            bytes = fs.ReadAllBytes(hostPath, MaxBytes);
        }
        catch (UnsafePathException e) when (e.Problem == UnsafePathProblem.TooLarge)
        {
            return (null, new SkippedFile(displayPath, $"larger than {MaxBytes / 1024 / 1024} MiB"));
        }
        catch (UnsafePathException e)
        {
            return (null, new SkippedFile(displayPath, e.Detail));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new SkippedFile(displayPath, $"cannot read: {Reporting.UserMessage.Of(e)}"));
        }

        return ScanBytes(bytes, displayPath, fingerprint, rules);
    }

    /// <summary>Scans a file's bytes; null with a reason when they are binary.</summary>
    public static (ScannedFile? File, SkippedFile? Skipped) ScanBytes(byte[] bytes, string displayPath, Func<string, string> fingerprint, Rules.UserRules? rules = null)
    {
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8000)).Contains((byte)0))
        {
            return (null, new SkippedFile(displayPath, "binary"));
        }

        var text = Encoding.UTF8.GetString(bytes);
        var file = new ScannedFile(displayPath, RoleOf(displayPath), ScanText(text, displayPath, RoleOf(displayPath), fingerprint, rules), bytes.Length)
        {
            Identifiers = ScanIdentifiers(text, displayPath, fingerprint, rules),
        };
        return (file, null);
    }

    /// <summary>
    /// The sensitive identifiers in a text (account ids, ARNs, client ids): found like secrets, allowlisted like
    /// them, but kept apart so that nothing that moves or rewrites secrets ever sees them.
    /// </summary>
    public static IReadOnlyList<FoundSecret> ScanIdentifiers(string text, string displayPath, Func<string, string> fingerprint, Rules.UserRules? rules = null)
    {
        rules ??= Rules.UserRules.None;
        var matches = SensitiveIdentifiers.Scan(text).Where(m => !rules.Allows(displayPath, text, m.Start, m.Length, m.Kind)).ToList();
        if (matches.Count == 0)
        {
            return [];
        }

        var ids = FindingIds.ForSecrets(text, displayPath, [.. matches.Select(m => (m.Start, m.Length, m.Kind))]);
        var lines = new LineIndex(text);
        return matches
            .Select((m, i) =>
            {
                var (line, column) = lines.Position(m.Start);
                var value = text.Substring(m.Start, m.Length);
                return new FoundSecret(displayPath, line, column, m.Start, m.Length, m.Kind, fingerprint(value), null, null, RoleOf(displayPath)) { Value = value, Id = ids[i] };
            })
            .ToList();
    }

    /// <summary>
    /// Scans a text already in memory, as <see cref="ScanFile"/> scans a file's: built-in formats, the user's
    /// rules, the file's structure; drops what the user's allowlists allow; gives each finding its stable id.
    /// </summary>
    public static IReadOnlyList<FoundSecret> ScanText(string text, string displayPath, FileRole role, Func<string, string> fingerprint, Rules.UserRules? rules = null)
    {
        rules ??= Rules.UserRules.None;
        var matches = SecretScanner.Scan(text);
        if (rules.Rules.Count > 0)
        {
            var own = rules.Scan(text, displayPath).Where(u => !matches.Any(m => m.Overlaps(u))).ToList();
            matches = [.. matches.Concat(own).OrderBy(m => m.Start)];
        }

        var structured = role switch
        {
            FileRole.Config => JsonFields.Config(text),
            FileRole.OpenClawData when displayPath.EndsWith("models.json", StringComparison.Ordinal) => JsonFields.Config(text),
            FileRole.AuthProfiles => JsonFields.AuthProfiles(text),
            FileRole.DotEnv => EnvFields.Find(text),
            _ => StructuredFields.None,
        };
        var located = Locate(text, matches, structured)
            .Where(f => !rules.Allows(displayPath, text, f.Offset, f.Length, f.Kind))
            .OrderBy(f => f.Offset)
            .ToList();
        var ids = FindingIds.ForSecrets(text, displayPath, [.. located.Select(f => (f.Offset, f.Length, f.Kind))]);
        var lines = new LineIndex(text);
        return located
            .Select((f, i) =>
            {
                var (line, column) = lines.Position(f.Offset);
                var value = text.Substring(f.Offset, f.Length);
                return new FoundSecret(displayPath, line, column, f.Offset, f.Length, f.Kind, fingerprint(value), f.NameHint, f.Location, role)
                {
                    Value = value,
                    Id = ids[i],
                    ChecksumValid = f.ChecksumValid,
                };
            })
            .ToList();
    }

    private sealed record Located(int Offset, int Length, string Kind, string? NameHint, SecretLocation? Location, bool? ChecksumValid = null);

    /// <summary>Joins pattern matches and structured fields, and places each in its file's structure.</summary>
    private static List<Located> Locate(string text, IReadOnlyList<SecretMatch> matches, StructuredFields structured)
    {
        var result = new List<Located>();
        var claimed = new List<(int Start, int End)>();
        var cursor = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in structured.Fields)
        {
            var offset = FindValue(text, field.Value, cursor);
            if (offset < 0)
            {
                continue;
            }

            var pattern = matches.FirstOrDefault(m => m.Start < offset + field.Value.Length && offset < m.End);
            var kind = pattern.Kind is not null && pattern.Start == offset && pattern.Length == field.Value.Length ? pattern.Kind : KindOf(field);
            result.Add(new Located(offset, field.Value.Length, kind, field.NameHint ?? pattern.NameHint, field.Location));
            claimed.Add((offset, offset + field.Value.Length));
        }

        foreach (var match in matches)
        {
            if (claimed.Any(c => c.Start < match.End && match.Start < c.End))
            {
                continue;
            }

            var value = text.Substring(match.Start, match.Length);
            if (structured.Managed.Any(m => m.Contains(value, StringComparison.Ordinal)))
            {
                continue;
            }

            var location = structured.Strings.Where(s => s.Value.Contains(value, StringComparison.Ordinal))
                .Select(s => (SecretLocation)new JsonLocation(s.Pointer, s.Value.Length == match.Length))
                .FirstOrDefault();
            result.Add(new Located(match.Start, match.Length, match.Kind, match.NameHint, location, match.ChecksumValid));
        }

        return result;
    }

    private static string KindOf(StructuredField field) => field.Location switch
    {
        EnvLineLocation env => SecretNames.Classify(env.Name) == NameVerdict.Password ? SecretKinds.Password : SecretKinds.Generic,
        _ => SecretKinds.ConfigSecret,
    };

    /// <summary>The next occurrence of a value in the text, as written or JSON-escaped.</summary>
    private static int FindValue(string text, string value, Dictionary<string, int> cursor)
    {
        var from = cursor.GetValueOrDefault(value);
        var index = text.IndexOf(value, from, StringComparison.Ordinal);
        if (index < 0)
        {
            var escaped = Newtonsoft.Json.JsonConvert.ToString(value)[1..^1];
            index = escaped == value ? -1 : text.IndexOf(escaped, from, StringComparison.Ordinal);
        }

        if (index >= 0)
        {
            cursor[value] = index + 1;
        }

        return index;
    }
}
