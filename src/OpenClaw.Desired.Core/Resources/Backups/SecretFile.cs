namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// A secret written to a 0600 file in a fresh 0700 folder, for tools that read secrets from a file
/// (restic's RESTIC_PASSWORD_FILE). Gone again on dispose.
/// </summary>
public sealed class SecretFile : IDisposable
{
    private readonly string _folder;

    private SecretFile(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    public string Path { get; }

    public static SecretFile Create(string secret)
    {
        var folder = Directory.CreateTempSubdirectory("ocd-secret-").FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = System.IO.Path.Combine(folder, "secret");
        using (var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(secret));
        }

        return new SecretFile(folder, path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover 0600 file in a 0700 temp folder is the lesser harm; it holds nothing new.
        }
    }
}
