namespace OpenClaw.Desired.Source;

/// <summary>
/// Keeps two runs from fetching into one cache at once: an exclusive open of <c>fetch.lock</c>, which the
/// kernel drops if the holder dies. Unlike the run lock it records nothing and never syncs, because it is
/// taken on every tick and guards only the cache, which Git itself keeps consistent.
/// </summary>
internal sealed class FetchLock : IDisposable
{
    private readonly FileStream _stream;

    private FetchLock(FileStream stream) => _stream = stream;

    public static async Task<FetchLock> AcquireAsync(string folder, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.Combine(folder, "fetch.lock");
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            try
            {
                return new FetchLock(new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                }));
            }
            catch (IOException) when (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), clock, cancellationToken);
            }
            catch (IOException)
            {
                throw new SourceException($"another run has been fetching into {folder} for {wait.TotalSeconds:0}s; giving up");
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
