using System.Globalization;
using Docker.DotNet.Models;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>The engine's create parameters for a desired skill container.</summary>
public static class ContainerFactory
{
    public static CreateContainerParameters Parameters(DesiredContainer desired) => new()
    {
        Name = desired.ContainerName,
        Image = desired.Image,
        User = desired.User,
        // Null, not empty, when the posture names no command: the engine then runs the image's own.
        Cmd = desired.Command?.ToList()!,
        WorkingDir = "/tmp",
        Labels = new Dictionary<string, string> { [DesiredContainer.SkillLabel] = desired.Skill },
        HostConfig = new HostConfig
        {
            ReadonlyRootfs = desired.ReadOnlyRoot,
            NetworkMode = desired.Network,
            Tmpfs = new Dictionary<string, string> { ["/tmp"] = "rw,noexec,nosuid,size=" + desired.TmpfsBytes.ToString(CultureInfo.InvariantCulture) },
            CapDrop = ["ALL"],
            CapAdd = desired.CapAdd.ToList(),
            SecurityOpt = ["no-new-privileges"],
            Privileged = false,
            Memory = desired.MemoryBytes,
            PidsLimit = desired.Pids,
            NanoCPUs = desired.NanoCpus,
            Binds = desired.Binds.Select(b => b.ToEngineForm()).ToList(),
        },
    };
}
