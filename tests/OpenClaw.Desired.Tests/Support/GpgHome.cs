using System.Diagnostics;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// A throwaway GnuPG home with one passphrase-less key (ed25519 + cv25519 encryption subkey) for real gpg runs.
/// Disposing stops the gpg-agent it started and deletes the folder.
/// </summary>
public sealed class GpgHome : IDisposable
{
    public const string Recipient = "backups@example.invalid";

    private GpgHome(string path) => Path = path;

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["GNUPGHOME"] = Path };

    /// <summary>A home with the backup key, or an empty one (no key at all).</summary>
    public static GpgHome Create(bool withKey = true)
    {
        // Short path: gpg-agent's socket lives in the home and socket paths are limited to 107 bytes.
        var home = new GpgHome(Directory.CreateTempSubdirectory("gpg-").FullName);
        File.SetUnixFileMode(home.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (withKey)
        {
            home.Run("--batch", "--passphrase", "", "--quick-gen-key", $"OpenClaw Backups <{Recipient}>", "future-default", "default", "never");
        }

        return home;
    }

    private void Run(string program, params string[] args) => RunProgram("gpg", [program, .. args]);

    private void RunProgram(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["GNUPGHOME"] = Path;
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr.Result}");
        }
    }

    public void Dispose()
    {
        try
        {
            RunProgram("gpgconf", ["--kill", "all"]);
        }
        catch (InvalidOperationException)
        {
        }

        Directory.Delete(Path, recursive: true);
    }
}
