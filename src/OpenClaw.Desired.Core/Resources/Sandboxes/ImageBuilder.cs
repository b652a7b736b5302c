using System.Formats.Tar;
using Docker.DotNet.Models;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>
/// Builds a skill image from a build context through the engine's API. The image is labelled with the
/// context's hash, so the next probe knows whether it was built from the context as it is now.
/// </summary>
public static class ImageBuilder
{
    public const string ContextLabel = "openclaw.desired/context";

    /// <summary>Null on success, else the engine's error (one line).</summary>
    public static async Task<string?> BuildAsync(ContainerEngine engine, ImageBuild build, string contextHash, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(build.ContextPath))
        {
            return $"the build context {build.ContextPath} does not exist";
        }

        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (relative, full, isLink) in TreeHash.Entries(build.ContextPath))
            {
                if (isLink)
                {
                    await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, relative) { LinkName = new FileInfo(full).LinkTarget! }, cancellationToken);
                }
                else
                {
                    await writer.WriteEntryAsync(full, relative, cancellationToken);
                }
            }
        }

        tar.Position = 0;
        var errors = new List<string>();
        var progress = new Progress<JSONMessage>(m =>
        {
            if (m.Error?.Message is { Length: > 0 } error)
            {
                errors.Add(error);
            }
        });
        await engine.Client.Images.BuildImageFromDockerfileAsync(
            new ImageBuildParameters
            {
                Dockerfile = build.Dockerfile,
                Tags = [build.Image],
                Labels = new Dictionary<string, string> { [ContextLabel] = contextHash },
                Remove = true,
                ForceRemove = true,
            },
            tar,
            null,
            null,
            progress,
            cancellationToken);
        return errors.Count > 0 ? errors[^1].Trim() : null;
    }
}
