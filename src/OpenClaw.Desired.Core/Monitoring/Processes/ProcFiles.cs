using System.Text;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Monitoring.Processes;

/// <summary>
/// Reads files of <c>/proc</c> under the root through the safe filesystem. The kernel reports their size as 0,
/// so they are read to their end, up to a small cap.
/// </summary>
public static class ProcFiles
{
    public const int DefaultMax = 256 * 1024;

    /// <summary>The text of a /proc file, or null when it (or its process) is gone.</summary>
    public static string? TryRead(HostFs fs, string hostPath, int maxBytes = DefaultMax)
    {
        try
        {
            using var stream = fs.OpenRead(hostPath);
            var buffer = new byte[Math.Min(maxBytes, 64 * 1024)];
            using var collected = new MemoryStream();
            int read;
            while (collected.Length < maxBytes && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes - collected.Length))) > 0)
            {
                collected.Write(buffer, 0, read);
            }

            return Encoding.UTF8.GetString(collected.GetBuffer(), 0, (int)collected.Length);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
