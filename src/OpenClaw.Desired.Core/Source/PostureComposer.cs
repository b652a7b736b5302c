using System.Text;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Source;

/// <summary>The merged posture document and the files it was made of, in merge order.</summary>
internal sealed record ComposedPosture(JObject? Root, IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Builds one posture from files of one commit: the posture file with its <c>include:</c>s merged under it,
/// then <c>groups/&lt;group&gt;.yaml</c> for each host group, then <c>hosts/&lt;hostname&gt;.yaml</c> (both beside
/// the posture file; the host overlay is optional). Include paths are relative to the including file, or to
/// the repository root when they start with '/'; they may not leave the repository or form a cycle.
/// </summary>
internal sealed class PostureComposer(Func<string, byte[]?> readFile, string where = "in the repository at this commit", string inside = "inside the repository")
{
    private const int MaxDepth = 8;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<string> _files = [];

    public ComposedPosture Compose(string path, IReadOnlyList<string> groups, string hostName)
    {
        var root = Load(Normalize(path, string.Empty) ?? path, [], required: true);
        var folder = Folder(path);
        foreach (var group in groups)
        {
            Overlay(root, Join(folder, $"groups/{group}.yaml"), required: true);
        }

        if (IsSafeName(hostName))
        {
            Overlay(root, Join(folder, $"hosts/{hostName}.yaml"), required: false);
        }

        return new ComposedPosture(_diagnostics.Any(d => d.Severity == Severity.Error) ? null : root, _files, _diagnostics);
    }

    private void Overlay(JObject? root, string path, bool required)
    {
        var overlay = Load(path, [], required);
        if (root is not null && overlay is not null)
        {
            MergePatch.Apply(root, overlay);
        }
    }

    private JObject? Load(string path, List<string> chain, bool required)
    {
        var bytes = readFile(path);
        if (bytes is null)
        {
            if (required)
            {
                _diagnostics.Add(new Diagnostic(chain.LastOrDefault() ?? path, 0, 0, $"{path} is not {where}", null));
            }

            return null;
        }

        _files.Add(path);
        var document = Parse(path, bytes);
        if (document is null)
        {
            return null;
        }

        var merged = new JObject();
        if (document.Property("include") is { } include)
        {
            include.Remove();
            var items = include.Value as JArray ?? [];
            foreach (var item in items)
            {
                var target = item.Type == JTokenType.String ? Normalize((string)item!, Folder(path)) : null;
                if (target is null)
                {
                    _diagnostics.Add(At(path, item, $"an include must be a path {inside}"));
                }
                else if (chain.Contains(target) || target == path)
                {
                    _diagnostics.Add(At(path, item, $"include cycle: {string.Join(" -> ", chain.Append(path).Append(target))}"));
                }
                else if (chain.Count >= MaxDepth)
                {
                    _diagnostics.Add(At(path, item, $"includes nest deeper than {MaxDepth} files"));
                }
                else if (readFile(target) is null)
                {
                    _diagnostics.Add(At(path, item, $"{target} is not {where}"));
                }
                else if (Load(target, [.. chain, path], required: true) is { } included)
                {
                    MergePatch.Apply(merged, included);
                }
            }
        }

        return MergePatch.Apply(merged, document);
    }

    private JObject? Parse(string path, byte[] bytes)
    {
        string text;
        try
        {
            text = bytes.AsSpan().Contains((byte)0)
                ? throw new DecoderFallbackException()
                : new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            _diagnostics.Add(new Diagnostic(path, 0, 0, "the file is not UTF-8 text", null));
            return null;
        }

        if (text.Split('\n').All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith('#')))
        {
            return [];
        }

        var before = _diagnostics.Count;
        var token = YamlToJson.Convert(path, text, _diagnostics);
        if (_diagnostics.Count > before)
        {
            return null;
        }

        if (token is not JObject document)
        {
            _diagnostics.Add(new Diagnostic(path, 1, 1, "the document must be a mapping of keys to values", null));
            return null;
        }

        Stamp(document, path);
        return document;
    }

    /// <summary>Marks every position with its file, so diagnostics of the merged posture name the right one.</summary>
    private static void Stamp(JObject document, string path)
    {
        foreach (var token in document.DescendantsAndSelf())
        {
            if (token.Annotation<YamlPosition>() is { } position)
            {
                token.RemoveAnnotations<YamlPosition>();
                token.AddAnnotation(position with { File = path });
            }
        }
    }

    private static Diagnostic At(string path, JToken token, string message)
    {
        var position = token.Annotation<YamlPosition>();
        return new Diagnostic(path, position?.Line ?? 0, position?.Column ?? 0, message, "include");
    }

    private static string Folder(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : string.Empty;

    private static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

    /// <summary>A repository-relative path without . or .., or null when it would leave the repository.</summary>
    internal static string? Normalize(string path, string folder)
    {
        var parts = new List<string>();
        var full = path.StartsWith('/') ? path : Join(folder, path);
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    internal static bool IsSafeName(string name) =>
        name.Length is > 0 and <= 253 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !name.StartsWith('.');
}
