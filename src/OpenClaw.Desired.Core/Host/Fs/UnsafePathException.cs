namespace OpenClaw.Desired.Host.Fs;

/// <summary>Why a host path was refused.</summary>
public enum UnsafePathProblem
{
    /// <summary>A symbolic link that someone other than root could have made: never followed.</summary>
    PlantedLink,

    /// <summary>Not a regular file (a FIFO, a device, a socket, a folder) where a file was expected.</summary>
    NotRegularFile,

    /// <summary>Not a folder where a folder was expected.</summary>
    NotDirectory,

    /// <summary>A regular file with more than one name: changing its mode or owner would change the other names too.</summary>
    HardLink,

    /// <summary>Larger than the reader allows.</summary>
    TooLarge,

    /// <summary>Nested deeper, or with more entries, than the walker allows.</summary>
    TooDeep,

    /// <summary>A path the reconciler must never change (the host's root, a system folder).</summary>
    Protected,
}

/// <summary>
/// A host path the reconciler refused to use as asked, because following or opening it could hand the host
/// to whoever planted it. Kinds report it as a finding; it is never a crash.
/// </summary>
public sealed class UnsafePathException(string hostPath, UnsafePathProblem problem, string detail)
    : IOException($"{hostPath}: {detail}")
{
    public string HostPath { get; } = hostPath;

    public UnsafePathProblem Problem { get; } = problem;

    public string Detail { get; } = detail;

    /// <summary>The rule id under which the problem is reported as a finding.</summary>
    public string Rule => Problem switch
    {
        UnsafePathProblem.PlantedLink => "planted-link",
        UnsafePathProblem.NotRegularFile => "not-a-regular-file",
        UnsafePathProblem.NotDirectory => "not-a-directory",
        UnsafePathProblem.HardLink => "hard-link",
        UnsafePathProblem.TooLarge => "too-large",
        UnsafePathProblem.TooDeep => "too-deep",
        _ => "protected-path",
    };
}
