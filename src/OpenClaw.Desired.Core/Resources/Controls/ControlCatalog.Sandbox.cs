using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

public static partial class ControlCatalog
{
    private static readonly string[] SandboxModes = ["off", "non-main", "all"];

    /// <summary>The agents.defaults settings the sandboxes kind converges when it runs; these rows then leave them alone.</summary>
    private static bool NotGovernedBySandboxes(ControlScope scope, ControlContext context) => scope.IsAgent || !context.SandboxesGovern;

    private static bool DockerConfigured(JToken? docker) => docker is JObject o && o.Properties().Any();

    /// <summary>agents.defaults.sandbox and every agent's sandbox: mode, workspace access and the docker settings OpenClaw refuses.</summary>
    private static readonly ControlRow[] Sandbox =
    [
        new("sandbox.mode", Scope.DefaultsAndAgents, Tier.Basic, "`sandboxes.openclaw.mode` (off; standard non-main; paranoid all; all with a small model)",
            Rules.Want(input => V(input.Context.SandboxMode)), "which sessions run in OpenClaw's container sandbox",
            new CheckRef("sandbox.docker_config_mode_off", c => c is null || Str(c, "off")) { If = i => DockerConfigured(At(NodeOf(i.Scope, i.Context), "sandbox", "docker")) },
            new CheckRef("tools.exec.host_sandbox_no_sandbox_defaults", c => c is null || Str(c, "off")) { If = i => !i.Scope.IsAgent && Str(i.Context.Config.Get("/tools/exec/host"), "sandbox") },
            new CheckRef("tools.exec.host_sandbox_no_sandbox_agents", c => Str(c, "off")) { If = i => i.Scope.IsAgent && Str(At(i.Scope.Node, "tools", "exec", "host"), "sandbox") },
            new CheckRef("security.exposure.open_groups_with_runtime_or_fs", c => !Str(c, "all")) { If = i => i.Context.AnyOpenPolicy },
            new CheckRef("models.small_params", c => !Str(c, "all")) { If = i => i.Context.SmallModels })
        {
            Order = SandboxModes, Default = V("off"),
        },
        new("sandbox.workspaceAccess", Scope.DefaultsAndAgents, Tier.Basic, "`sandboxes.openclaw.workspaceAccess` (ro; paranoid none)",
            input => Rules.Want(i => V(i.Choices.Agent.SandboxWorkspaceAccess))(input) is { } set && !SandboxWasOn(input) ? set with { Effect = Planning.PostureEffect.Neutral } : Rules.Want(i => V(i.Choices.Agent.SandboxWorkspaceAccess))(input),
            "what a sandboxed session may do to the workspace")
        {
            Order = ["rw", "ro", "none"], Default = V("none"), Effect = WorkspaceAccessEffect,
        },
        new("sandbox.docker.binds", Scope.DefaultsAndAgents, Tier.Basic, "no system folder, engine socket or credentials (standard: no relative source)",
            Rules.Drop(
                new Dropper("dangerous bind", (bind, input) => DangerousBinds.Why(bind, input.Context.Home) is not null, "sandbox.dangerous_bind_mount"),
                new Dropper("relative bind", (bind, input) => input.Context.Tier >= Tier.Standard && DangerousBinds.NotAbsolute(bind), "sandbox.bind_mount_non_absolute")),
            "sandbox containers get no way out through a bind mount") { AlsoCloses = ["sandbox.dangerous_bind_mount", "sandbox.bind_mount_non_absolute"] },
        new("sandbox.docker.network", Scope.DefaultsAndAgents, Tier.Basic, "not host or container:* (→ none); an agent's own network: the posture's",
            input => SandboxNetworkRule(input), "sandbox containers keep their own network namespace",
            new CheckRef("sandbox.dangerous_network_mode", c => Str(c, "host") || (c is JValue { Type: JTokenType.String } v && ((string)v!).StartsWith("container:", StringComparison.OrdinalIgnoreCase))))
        {
            When = NotGovernedBySandboxes, Effect = Effects.Tightens,
        },
        new("sandbox.docker.seccompProfile", Scope.DefaultsAndAgents, Tier.Basic, "not unconfined (removed)", Rules.Never("unconfined"),
            "syscall filtering stays on", "sandbox.dangerous_seccomp_profile"),
        new("sandbox.docker.apparmorProfile", Scope.DefaultsAndAgents, Tier.Basic, "not unconfined (removed)", Rules.Never("unconfined"),
            "AppArmor stays on", "sandbox.dangerous_apparmor_profile"),
        new("sandbox.docker.readOnlyRoot", Scope.Agents, Tier.Basic, "not false", Rules.NotFalse(), "an agent's sandbox keeps a read-only root like the defaults'") { Order = ["false", "true"] },
        new("sandbox.docker.capDrop", Scope.Agents, Tier.Basic, "holds ALL", input => input.Current is null ? null : Rules.Ensure(_ => [("ALL", string.Empty)])(input), "an agent's sandbox drops every capability like the defaults'"),
        new("sandbox.docker.dangerouslyAllowReservedContainerTargets", Scope.DefaultsAndAgents, Tier.Standard, "false", Rules.NotTrue(), "no break-glass for reserved container paths",
            "config.insecure_or_dangerous_flags") { Order = ["true", "false"] },
        new("sandbox.docker.dangerouslyAllowExternalBindSources", Scope.DefaultsAndAgents, Tier.Standard, "false", Rules.NotTrue(), "no break-glass for binds from outside the workspace",
            "config.insecure_or_dangerous_flags") { Order = ["true", "false"] },
        new("sandbox.docker.dangerouslyAllowContainerNamespaceJoin", Scope.DefaultsAndAgents, Tier.Basic, "false", Rules.NotTrue(), "no break-glass for joining another container's namespaces",
            "config.insecure_or_dangerous_flags", "sandbox.dangerous_network_mode") { Order = ["true", "false"] },
        new("sandbox.docker", Scope.DefaultsAndAgents, Tier.Standard, "reported: docker settings while the sandbox stays off",
            Rules.Report(input => DockerConfigured(input.Current) && EffectiveSandboxMode(input) == "off" && (input.Scope.IsAgent || !input.Context.Agents.Any(a => Str(At(a.Node, "sandbox", "mode"), "non-main", "all")))
                ? $"{input.Scope.ResourceOf("sandbox.docker")} is set but the sandbox stays off, so none of it applies: set sandboxes.openclaw.mode to non-main or all, or remove the docker settings"
                : null),
            "sandbox settings that apply", "sandbox.docker_config_mode_off"),
        new("sandbox.browser.cdpSourceRange", Scope.DefaultsAndAgents, Tier.Standard, "`agent.browser.cdpSourceRange`; reported while the sandbox browser has none",
            Rules.First(
                Rules.Want(input => input.Choices.CdpSourceRange is { } range && (!input.Scope.IsAgent || input.Current is not null) ? V(range) : null),
                Rules.Report(input => !input.Scope.IsAgent && True(At(NodeOf(input.Scope, input.Context), "sandbox", "browser", "enabled")) && input.Current is null
                    ? "the sandbox browser's CDP port takes connections from any source: set agent.browser.cdpSourceRange to the gateway's address on the openclaw-sandbox-browser network (e.g. 172.21.0.1/32)"
                    : null)),
            "only the gateway reaches the sandbox browser's CDP port", "sandbox.browser_cdp_bridge_unrestricted") { Effect = Effects.Tightens },
    ];

    private static Outcome? SandboxNetworkRule(RuleInput input)
    {
        if (input.Current is not JValue { Type: JTokenType.String } value)
        {
            return null;
        }

        var network = (string)value!;
        if (network.Equals("host", StringComparison.OrdinalIgnoreCase) || network.StartsWith("container:", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Set(V(input.Context.SandboxNetwork ?? "none"));
        }

        // An agent of its own network while the posture governs the sandbox's: the posture's (no network unless it names the proxy's).
        return input.Scope.IsAgent && input.Context.SandboxNetwork is { } wanted && wanted == "none" && !network.Equals(wanted, StringComparison.Ordinal)
            ? Outcome.Set(V(wanted))
            : null;
    }

    /// <summary>With the sandbox off, sessions run on the host with full access: workspace access inside a sandbox cannot loosen that.</summary>
    private static bool SandboxWasOn(RuleInput input) =>
        Str(At(NodeOf(input.Scope, input.Context), "sandbox", "mode"), "non-main", "all")
        || (input.Scope.IsAgent && At(input.Scope.Node, "sandbox", "mode") is null && Str(input.Context.Config.Get("/agents/defaults/sandbox/mode"), "non-main", "all"));

    private static Planning.PostureEffect WorkspaceAccessEffect(JToken? current, JToken desired)
    {
        string[] order = ["rw", "ro", "none"];
        var from = Rules.Rank(order, current ?? V("none"));
        var to = Rules.Rank(order, desired);
        return to > from ? Planning.PostureEffect.Tightens : to < from ? Planning.PostureEffect.Loosens : Planning.PostureEffect.Neutral;
    }
}
