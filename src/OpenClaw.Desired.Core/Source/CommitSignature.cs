using System.Runtime.InteropServices;
using LibGit2Sharp;

namespace OpenClaw.Desired.Source;

/// <summary>
/// A commit's signature and the exact bytes it signs, from libgit2's <c>git_commit_extract_signature</c>, called
/// directly on the library LibGit2Sharp loaded. LibGit2Sharp's own <c>Commit.ExtractSignature</c> hands its output
/// buffers to native code as marshalled classes, which the native (ahead-of-time compiled) executable copies in
/// and never back, so there it returns nothing; the bytes also stay bytes here, never a string round trip.
/// </summary>
internal static unsafe class CommitSignature
{
    /// <summary>The libgit2 build that LibGit2Sharp's native binaries ship; its name carries the libgit2 commit.</summary>
    private const string Library = "libgit2-5853918";

    private const int NotFound = -3;

    private static readonly Lazy<Api> Native = new(Load);

    /// <summary>The armored signature and the signed payload, or null when the commit is not signed.</summary>
    public static (byte[] Signature, byte[] SignedData)? Extract(Repository repository, ObjectId commit)
    {
        var api = Native.Value;
        var path = System.Text.Encoding.UTF8.GetBytes(repository.Info.Path + "\0");
        IntPtr repo;
        fixed (byte* p = path)
        {
            Check(api.Open(&repo, p), "open the repository");
        }

        try
        {
            GitBuf signature = default, signed = default;
            var id = commit.RawId;
            int status;
            fixed (byte* oid = id)
            {
                status = api.ExtractSignature(&signature, &signed, repo, oid, null);
            }

            try
            {
                if (status == NotFound)
                {
                    return null;
                }

                Check(status, "read the commit's signature");
                return (new ReadOnlySpan<byte>(signature.Ptr, checked((int)signature.Size)).ToArray(), new ReadOnlySpan<byte>(signed.Ptr, checked((int)signed.Size)).ToArray());
            }
            finally
            {
                api.Dispose(&signature);
                api.Dispose(&signed);
            }
        }
        finally
        {
            api.Free(repo);
        }
    }

    private static void Check(int status, string what)
    {
        if (status < 0)
        {
            throw new LibGit2SharpException($"libgit2 could not {what} (error {status})");
        }
    }

    private static Api Load()
    {
        // Through LibGit2Sharp's own resolution, so this is the very library (and libgit2 state) it uses; in the
        // native executable that is the copy it carries, already loaded when LibGit2Sharp first called it.
        if (!NativeLibrary.TryLoad(Library, typeof(Repository).Assembly, null, out var handle) && !Host.EmbeddedNativeLibraries.TryLoad(Library, out handle))
        {
            throw new LibGit2SharpException($"{Library} could not be loaded");
        }

        return new Api(
            (delegate* unmanaged<IntPtr*, byte*, int>)NativeLibrary.GetExport(handle, "git_repository_open"),
            (delegate* unmanaged<IntPtr, void>)NativeLibrary.GetExport(handle, "git_repository_free"),
            (delegate* unmanaged<GitBuf*, GitBuf*, IntPtr, byte*, byte*, int>)NativeLibrary.GetExport(handle, "git_commit_extract_signature"),
            (delegate* unmanaged<GitBuf*, void>)NativeLibrary.GetExport(handle, "git_buf_dispose"));
    }

    /// <summary>libgit2's git_buf: { char *ptr; size_t reserved; size_t size; }.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct GitBuf
    {
        public byte* Ptr;
        public nuint Reserved;
        public nuint Size;
    }

    private sealed class Api(
        delegate* unmanaged<IntPtr*, byte*, int> open,
        delegate* unmanaged<IntPtr, void> free,
        delegate* unmanaged<GitBuf*, GitBuf*, IntPtr, byte*, byte*, int> extractSignature,
        delegate* unmanaged<GitBuf*, void> dispose)
    {
        public int Open(IntPtr* repo, byte* path) => open(repo, path);

        public void Free(IntPtr repo) => free(repo);

        public int ExtractSignature(GitBuf* signature, GitBuf* signed, IntPtr repo, byte* oid, byte* field) => extractSignature(signature, signed, repo, oid, field);

        public void Dispose(GitBuf* buffer) => dispose(buffer);
    }
}
