using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace OpenClaw.Desired.Host;

/// <summary>
/// The native executable (Native AOT) carries libgit2 and SQLite inside itself, so it stays one file. The
/// first call into either library loads it from an anonymous in-memory file (memfd): nothing is written to
/// disk, so no path exists that another user could replace between writing and loading, and a noexec /tmp
/// does not matter. Builds without the embedded copies (the .NET tool, tests, the ReadyToRun executable)
/// load the libraries the usual way, from beside the program.
/// </summary>
public static partial class EmbeddedNativeLibraries
{
    private const string Prefix = "native/";
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, IntPtr> Loaded = new(StringComparer.Ordinal);
    private static System.Reflection.Assembly? _carrier;

    /// <summary>Registers the resolver for the libraries <paramref name="carrier"/> embeds; loads nothing until one is first called.</summary>
    public static void Register(System.Reflection.Assembly carrier)
    {
        var names = carrier.GetManifestResourceNames();
        if (!names.Any(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            return;
        }

        _carrier = carrier;

        // Called only when the usual probing (beside the program, then the system's paths) found nothing.
        // LibGit2Sharp sets an import resolver of its own, so the load context's event is the one place for both.
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (assembly, name) => Resolve(name);
    }

    /// <summary>The embedded library of that name, loaded now if it was not yet; false when none is embedded.</summary>
    public static bool TryLoad(string libraryName, out IntPtr handle)
    {
        handle = Resolve(libraryName);
        return handle != IntPtr.Zero;
    }

    private static IntPtr Resolve(string libraryName)
    {
        if (_carrier is null)
        {
            return IntPtr.Zero;
        }

        // DllImport names are given without "lib" and ".so" (e_sqlite3) or with the "lib" (libgit2-5853918).
        var file = libraryName.StartsWith("lib", StringComparison.Ordinal) ? libraryName : "lib" + libraryName;
        if (!file.EndsWith(".so", StringComparison.Ordinal))
        {
            file += ".so";
        }

        lock (Gate)
        {
            if (Loaded.TryGetValue(file, out var handle))
            {
                return handle;
            }

            using var embedded = _carrier.GetManifestResourceStream(Prefix + file);
            if (embedded is null)
            {
                return IntPtr.Zero;
            }

            handle = LoadFromMemory(file, embedded);
            Loaded[file] = handle;
            return handle;
        }
    }

    private static IntPtr LoadFromMemory(string name, Stream embedded)
    {
        var fd = MemfdCreate(name, MfdCloexec);
        if (fd < 0)
        {
            throw new DllNotFoundException($"{name}: memfd_create failed (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            var writer = Dup(fd);
            if (writer < 0)
            {
                throw new DllNotFoundException($"{name}: dup failed (errno {Marshal.GetLastPInvokeError()})");
            }

            using (var memory = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle((IntPtr)writer, ownsHandle: true), FileAccess.Write))
            {
                embedded.CopyTo(memory);
            }

            // The loader maps the file; the mapping outlives the descriptor, which is closed below.
            return NativeLibrary.Load($"/proc/self/fd/{fd}");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private const uint MfdCloexec = 1;

    [LibraryImport("libc", EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MemfdCreate(string name, uint flags);

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
