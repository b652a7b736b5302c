using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>A build the posture asks for: a context folder (real path) with its Dockerfile, tagged as the image.</summary>
public sealed record ImageBuild(string Image, string ContextPath, string Dockerfile);

/// <summary>
/// One skill's container as the posture wants it, every setting filled in (defaults, then the skill's
/// overrides, then the reconciler's safe values). Paths are real paths the engine can bind.
/// </summary>
public sealed record DesiredContainer(
    string Skill,
    string Image,
    ImageBuild? Build,
    bool ReadOnlyRoot,
    string Network,
    string User,
    long TmpfsBytes,
    long MemoryBytes,
    long Pids,
    long NanoCpus,
    ValueList<string> CapAdd,
    ValueList<BindSpec> Binds,
    ValueList<string>? Command,
    string OutputHostPath)
{
    public const string SkillLabel = "openclaw.desired/skill";

    public string ContainerName => "openclaw-desired-skill-" + Skill;

    /// <summary>The settings the engine should report for this container.</summary>
    public ContainerSettings Settings(string? imageId) => new(
        Image,
        imageId,
        ReadOnlyRoot,
        Network,
        User,
        new TmpfsMount(true, true, TmpfsBytes),
        CapabilitySet.Effective(CapAdd, ["ALL"]).ToValueList(),
        NoNewPrivileges: true,
        MemoryBytes,
        Pids,
        NanoCpus,
        Privileged: false,
        Binds.OrderBy(b => b.Target, StringComparer.Ordinal).ToValueList(),
        Command,
        Running: true);
}
