using System.Text.RegularExpressions;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>
/// Refuses container specs that are no sandbox (privileged, host network, namespace joins, the engine socket,
/// ~/.ssh, / or system folders bound in, root user, dangerous capabilities) before anything is planned.
/// </summary>
internal static partial class SandboxChecks
{
    /// <summary>Capabilities that each amount to a way out of the container.</summary>
    public static readonly IReadOnlySet<string> DangerousCapabilities = new HashSet<string>(StringComparer.Ordinal)
    {
        "ALL", "SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT", "NET_ADMIN", "DAC_READ_SEARCH",
        "MAC_ADMIN", "MAC_OVERRIDE", "BPF", "PERFMON", "SYSLOG", "SYS_TIME",
    };

    public static void Run(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        var sandboxes = document.Sandboxes;
        if (sandboxes is null)
        {
            return;
        }

        if (sandboxes.Defaults is { } defaults)
        {
            CheckSpec("sandboxes.defaults", defaults, at, diagnostics);
            if (defaults.Build is not null && defaults.Image is null)
            {
                diagnostics.Add(at.At("sandboxes.defaults.build", "a build needs image: the tag to build"));
            }

            if (defaults.Hash is not null)
            {
                diagnostics.Add(at.At("sandboxes.defaults.hash", "a content hash pins one skill; give it under sandboxes.skills.<name>.hash"));
            }
        }

        foreach (var (name, spec) in sandboxes.Skills ?? new Dictionary<string, ContainerSpec>())
        {
            var path = $"sandboxes.skills['{name}']";
            if (!SkillName().IsMatch(name))
            {
                diagnostics.Add(at.At(path, $"'{name}' is not a skill name (letters, digits, '.', '_' and '-', at most 63)"));
            }

            CheckSpec(path, spec, at, diagnostics);
            if ((spec.Image ?? sandboxes.Defaults?.Image) is null && !IsPinOnly(spec))
            {
                diagnostics.Add(at.At(path, $"skill '{name}' has no image: give image here or in sandboxes.defaults (with build, it is the tag to build)"));
            }
        }
    }

    /// <summary>An entry that only pins a hash asks for no container.</summary>
    internal static bool IsPinOnly(ContainerSpec spec) => spec with { Hash = null } == new ContainerSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static void CheckSpec(string path, ContainerSpec spec, Locator at, List<Diagnostic> diagnostics)
    {
        if (spec.Privileged == true)
        {
            diagnostics.Add(at.At($"{path}.privileged", "a privileged container is no sandbox"));
        }

        if (spec.Network is { } network && (network == "host" || network.StartsWith("container:", StringComparison.Ordinal) || network.StartsWith("ns:", StringComparison.Ordinal)))
        {
            diagnostics.Add(at.At($"{path}.network", "the host network (or another container's) is no sandbox; use none or a network that only reaches the egress proxy"));
        }

        if (spec.User is { } user && user.Split(':')[0] == "0")
        {
            diagnostics.Add(at.At($"{path}.user", "a skill container runs as a non-root user (e.g. \"1000:1000\")"));
        }

        if (spec.ReadOnlyRoot == false)
        {
            diagnostics.Add(at.At($"{path}.readOnlyRoot", "a writable root lets a skill change its own image; keep it read-only and write to /tmp or the output folder", Severity.Warning));
        }

        for (var i = 0; i < (spec.CapAdd?.Count ?? 0); i++)
        {
            var cap = CapabilitySet.Normalize(spec.CapAdd![i]);
            if (DangerousCapabilities.Contains(cap))
            {
                diagnostics.Add(at.At($"{path}.capAdd[{i}]", $"capability {cap} is a way out of the container"));
            }
        }

        for (var i = 0; i < (spec.Binds?.Count ?? 0); i++)
        {
            var bind = BindSpec.Parse(spec.Binds![i]);
            if (bind is null)
            {
                diagnostics.Add(at.At($"{path}.binds[{i}]", "a bind is \"/host/path:/container/path[:ro|rw]\" with an absolute (or ~) host path"));
            }
            else if (IsDangerousSource(bind.Source))
            {
                diagnostics.Add(at.At($"{path}.binds[{i}]", "this bind gives the sandbox the host (engine socket, ~/.ssh, credentials, a home, / or a system folder)"));
            }
        }

        if (spec.Output is { } output && IsDangerousSource(output))
        {
            diagnostics.Add(at.At($"{path}.output", "the output folder is mounted writable: it may not be a home, a credential folder, / or a system folder"));
        }
    }

    /// <summary>Host paths a sandbox may never see: they hand over the host or its credentials.</summary>
    internal static bool IsDangerousSource(string source)
    {
        var path = source.TrimEnd('/');
        if (path.Length == 0 || path == "~" || path.EndsWith(".sock", StringComparison.Ordinal) || path.EndsWith("docker.sock", StringComparison.Ordinal))
        {
            return true;
        }

        return SystemFolder().IsMatch(path) || HomeFolder().IsMatch(path) || CredentialFolder().IsMatch(path);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex SkillName();

    [GeneratedRegex(@"^/(etc|proc|sys|dev|boot|root|run|var/run|usr|bin|sbin|lib|lib64|var/lib/docker|var/lib/containers)(/.*)?$|^/home$")]
    private static partial Regex SystemFolder();

    [GeneratedRegex(@"^(/home/[^/]+|~[^/]+)$")]
    private static partial Regex HomeFolder();

    [GeneratedRegex(@"(^|/)(\.ssh|\.gnupg|\.aws|\.kube|\.docker|\.config/gcloud|\.password-store|\.netrc|\.git-credentials)(/|$)|(^|/)\.openclaw($|/(credentials|agents|\.env|openclaw\.json|secrets\.json))")]
    private static partial Regex CredentialFolder();
}
