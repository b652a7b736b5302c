using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Source;

/// <summary>The <c>include:</c>s of a posture file read from disk (not from Git).</summary>
internal static class LocalIncludes
{
    /// <summary>
    /// A local posture's <c>include:</c>s, merged as a Git source merges them: paths relative to the including file
    /// (or, with a leading '/', to the posture's own folder), never outside that folder, no cycles, every file there.
    /// </summary>
    public static PostureLoadResult Load(string posturePath)
    {
        var folder = Host.Fs.HostFs.RealPath(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(posturePath))!)!;
        var fs = new Host.Fs.HostFs(new HostRoot(folder));
        var name = System.IO.Path.GetFileName(posturePath);
        byte[]? Read(string relative)
        {
            try
            {
                return fs.Probe("/" + relative) is { IsFile: true } ? fs.ReadAllBytes("/" + relative, PostureLoader.MaxBytes) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        var composed = new PostureComposer(Read, "beside the posture file", "inside the posture's folder").Compose(name, [], string.Empty);
        var loaded = composed.Root is null ? new PostureLoadResult(null, composed.Diagnostics) : PostureLoader.LoadToken(name, composed.Root);
        if (composed.Root is not null)
        {
            loaded = loaded with { Diagnostics = [.. composed.Diagnostics, .. loaded.Diagnostics] };
        }
        return loaded.Posture is { } posture ? loaded with { Posture = posture with { SourceDirectory = folder } } : loaded;
    }
}
