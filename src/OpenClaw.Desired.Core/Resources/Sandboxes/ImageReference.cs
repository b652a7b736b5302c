namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>Image names as engines spell them: "busybox" is "docker.io/library/busybox:latest".</summary>
public static class ImageReference
{
    public static string Normalize(string reference)
    {
        var name = reference;
        var lastSlash = name.LastIndexOf('/');
        if (name.IndexOf('@', StringComparison.Ordinal) < 0 && name.IndexOf(':', lastSlash + 1) < 0)
        {
            name += ":latest";
        }

        var first = name.Split('/')[0];
        var hasRegistry = name.Contains('/', StringComparison.Ordinal) && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost");
        if (!hasRegistry)
        {
            name = "docker.io/" + (name.Contains('/', StringComparison.Ordinal) ? name : "library/" + name);
        }

        return name;
    }

    public static bool Matches(string tag, string reference) =>
        string.Equals(Normalize(tag), Normalize(reference), StringComparison.Ordinal);
}
