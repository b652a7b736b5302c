namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>One bind mount, "source:target[:options]"; compared by source, target and whether it is read-only.</summary>
public sealed record BindSpec(string Source, string Target, bool ReadOnly)
{
    /// <summary>Parses the posture's or the engine's form; engines append options such as "rprivate,rbind".</summary>
    public static BindSpec? Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length < 2 || parts.Length > 3 || !(parts[0].StartsWith('/') || parts[0].StartsWith('~')) || !parts[1].StartsWith('/'))
        {
            return null;
        }

        var options = parts.Length == 3 ? parts[2].Split(',') : [];
        return new BindSpec(parts[0].TrimEnd('/') is { Length: > 0 } s ? s : "/", parts[1].TrimEnd('/') is { Length: > 0 } t ? t : "/", options.Contains("ro"));
    }

    public string ToEngineForm() => $"{Source}:{Target}:{(ReadOnly ? "ro" : "rw")}";

    public override string ToString() => ToEngineForm();
}
