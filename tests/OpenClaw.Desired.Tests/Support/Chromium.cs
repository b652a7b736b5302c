using System.Diagnostics;
using System.IO.Compression;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// Debian's headless Chromium, run once per call with a fresh profile and no network chatter: renders a local page
/// to a PNG screenshot, or dumps its DOM after layout. Each process is killed if it outlives its timeout.
/// </summary>
public static class Chromium
{
    public static string Binary => File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : "chromium";

    public static async Task<string> RunAsync(string page, params string[] extra)
    {
        var profile = Directory.CreateTempSubdirectory("ocd-chromium-").FullName;
        try
        {
            var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
                     }.Concat(extra).Append(new Uri(page).AbsoluteUri))
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("chromium did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish in 90 s: " + await stderr);
            }

            return await stdout;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>Renders the page at a phone's size and returns the PNG's bytes.</summary>
    public static async Task<byte[]> ScreenshotAsync(string page, string png, int width = 412, int height = 915)
    {
        await RunAsync(page, $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars");
        return File.ReadAllBytes(png);
    }

    public static Task<string> DumpDomAsync(string page) => RunAsync(page, "--dump-dom", "--virtual-time-budget=2000");
}

/// <summary>Just enough of PNG (8-bit RGB or RGBA, non-interlaced) to count the colours of a screenshot.</summary>
public static class Png
{
    public static (int Width, int Height, int Colours) Read(byte[] png)
    {
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3];
                height = (data[4] << 24) | (data[5] << 16) | (data[6] << 8) | data[7];
                Assert.Equal(8, data[8]);
                channels = data[9] switch { 2 => 3, 6 => 4, var other => throw new NotSupportedException($"PNG colour type {other}") };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var colours = new HashSet<int>();
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? row[x - channels] : 0, b = previous[x], c = x >= channels ? previous[x - channels] : 0;
                row[x] = (byte)(row[x] + filter switch
                {
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => 0,
                });
            }

            for (var x = 0; x < stride; x += channels)
            {
                colours.Add((row[x] << 16) | (row[x + 1] << 8) | row[x + 2]);
            }

            previous = row;
        }

        return (width, height, colours.Count);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
