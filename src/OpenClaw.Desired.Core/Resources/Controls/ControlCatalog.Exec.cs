using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

public static partial class ControlCatalog
{
    /// <summary>Tools that write files (their denial means the agent should be read-only) and the shell tools that bypass that.</summary>
    private static readonly string[] FileWriteTools = ["write", "edit", "apply_patch", "group:fs"];

    private static bool UsesExecMode(ControlScope scope, ControlContext context) =>
        At(NodeOf(scope, context), "tools", "exec", "mode") is not null || context.Config.Get("/tools/exec/mode") is not null;

    /// <summary>tools.exec: who may run which commands, for the whole gateway and for every agent.</summary>
    private static readonly ControlRow[] Exec =
    [
        new("tools.exec.security", Scope.GlobalAndAgents, Tier.Basic, "`agent.exec.security` (default allowlist)", Rules.Want(c => c.Agent.ExecSecurity),
            "which commands the agent may run", new CheckRef("tools.exec.security_full_configured", c => c is null || Str(c, "full")), new CheckRef("security.exposure.open_channels_with_exec", c => c is null || Str(c, "full")) { If = i => i.Context.AnyOpenPolicy })
        {
            Order = ["full", "allowlist", "deny"], Default = V("full"), Explicit = true, When = (s, c) => !UsesExecMode(s, c),
        },
        new("tools.exec.ask", Scope.GlobalAndAgents, Tier.Basic, "`agent.exec.ask` (on-miss; paranoid: always)", Rules.Want(c => c.Agent.ExecAsk), "when a human approves a command")
        {
            Order = ["off", "on-miss", "always"], Default = V("off"), Explicit = true, When = (s, c) => !UsesExecMode(s, c),
        },
        new("tools.exec.mode", Scope.GlobalAndAgents, Tier.Basic, "from `agent.exec` on configs that use the newer key", Rules.Want(c => c.ExecMode),
            "exec approval (tools.exec.mode)", new CheckRef("tools.exec.security_full_configured", c => c is null || Str(c, "full")))
        {
            Order = ["full", "auto", "allowlist", "ask", "deny"], Explicit = true, When = UsesExecMode,
        },
        new("tools.exec.strictInlineEval", Scope.GlobalAndAgents, Tier.Standard, "true", input => input.Scope.IsAgent ? Rules.NotFalse()(input) : Rules.Want(V(true))(input),
            "an allowlisted interpreter still asks before running inline code (python -c, node -e)", new CheckRef("tools.exec.allowlist_interpreter_without_strict_inline_eval") { If = i => i.Context.ApprovalsAllowInterpreters })
        {
            Order = ["false", "true"],
        },
        new("tools.exec.safeBins", Scope.GlobalAndAgents, Tier.Standard, "no interpreter without a safeBinProfiles entry, no broad tool",
            Rules.Drop(
                new Dropper("interpreter without a profile", (bin, input) => ExecBins.Interpreters.Contains(ExecBins.BinName(bin)) && !HasSafeBinProfile(bin, input), "tools.exec.safe_bins_interpreter_unprofiled"),
                new Dropper("broad tool", (bin, _) => ExecBins.Broad.Contains(ExecBins.BinName(bin)), "tools.exec.safe_bins_broad_behavior")),
            "safe bins are stdin filters run without approval; interpreters and broad tools are not") { AlsoCloses = ["tools.exec.safe_bins_interpreter_unprofiled", "tools.exec.safe_bins_broad_behavior"] },
        new("tools.exec.safeBinTrustedDirs", Scope.GlobalAndAgents, Tier.Standard, "no temporary, home or package-manager folder",
            Rules.Drop(new Dropper("risky folder", (dir, _) => ExecBins.RiskyTrustedDir(dir) is not null, "tools.exec.safe_bin_trusted_dirs_risky")),
            "binaries are trusted only from root-owned folders") { AlsoCloses = ["tools.exec.safe_bin_trusted_dirs_risky"] },
        new("tools.exec.applyPatch.workspaceOnly", Scope.GlobalAndAgents, Tier.Standard, "not false", Rules.NotFalse(),
            "patches stay inside the workspace", new CheckRef("config.insecure_or_dangerous_flags", False)) { Order = ["false", "true"] },
        new("tools.exec.host", Scope.GlobalAndAgents, Tier.Standard, "reported: sandbox host with sandbox mode off",
            Rules.Report(input => Str(input.Current, "sandbox") && EffectiveSandboxMode(input) == "off"
                ? $"{input.Scope.ResourceOf("tools.exec.host")} is sandbox but {(input.Scope.IsAgent ? input.Scope.ResourceOf("sandbox.mode") : "agents.defaults.sandbox.mode")} is off, so exec fails closed: set sandboxes.openclaw.mode to non-main or all, or the exec host to gateway (with approvals)"
                : null),
            "exec on the sandbox host needs a sandbox", "tools.exec.host_sandbox_no_sandbox_defaults")
        {
            Effect = (_, _) => PostureEffect.Tightens,
        },
    ];

    /// <summary>With elevated mode off, OpenClaw no longer judges its sender lists: the checks about them close too.</summary>
    private static List<string> ElevatedAllowlistChecks(ControlContext context) =>
        (context.Config.Get("/tools/elevated/allowFrom") as JObject)?.Properties().SelectMany(p =>
            Strings(p.Value).Contains("*") ? [$"tools.elevated.allowFrom.{p.Name}.wildcard"]
            : Strings(p.Value).Count() > 25 ? new[] { $"tools.elevated.allowFrom.{p.Name}.large" } : []).ToList() ?? [];

    private static bool HasSafeBinProfile(string bin, RuleInput input)
    {
        var name = ExecBins.BinName(bin);
        return At(input.Context.ConfigToken, "tools", "exec", "safeBinProfiles", name) is not null
            || At(NodeOf(input.Scope, input.Context), "tools", "exec", "safeBinProfiles", name) is not null;
    }

    /// <summary>The sandbox mode a scope will have once converged: an agent's own (raised to the posture's floor), else the defaults'.</summary>
    private static string EffectiveSandboxMode(RuleInput input)
    {
        var wanted = input.Context.SandboxMode;
        if (input.Scope.IsAgent && At(input.Scope.Node, "sandbox", "mode") is JValue { Type: JTokenType.String } own)
        {
            string[] order = ["off", "non-main", "all"];
            return Array.IndexOf(order, (string)own!) >= Array.IndexOf(order, wanted) ? (string)own! : wanted;
        }

        return wanted;
    }

    /// <summary>tools.*: profiles, denials, elevated mode and the filesystem boundary.</summary>
    private static readonly ControlRow[] Tools =
    [
        new("tools.profile", Scope.GlobalAndAgents, Tier.Standard, "`agent.tools.profile` (default coding) as a floor: full < coding < messaging < minimal",
            input => ProfileRule(input),
            "the tool profile bounds what the agent can reach", new CheckRef("plugins.tools_reachable_permissive_policy", c => c is null || Str(c, "full")) { If = i => i.Context.Plugins.Count > 0 })
        {
            Order = ["full", "coding", "messaging", "minimal"], Default = V("full"),
            AlsoCloses = ["tools.profile_minimal_overridden"],
        },
        new("tools.deny", Scope.GlobalAndAgents, Tier.Basic, "holds message (read-only social media), group:web and browser (small models), exec and process where file tools are denied",
            Rules.Ensure(RequiredDenials), "tools the posture denies")
        {
            Effect = Effects.Tightens, AlsoCloses = ["models.small_params", "tools.exec.fs_tools_disabled_but_exec_enabled"],
        },
        new("tools.fs.workspaceOnly", Scope.GlobalAndAgents, Tier.Standard, "not false (paranoid: true)",
            input => input.Context.Tier == Tier.Paranoid && !input.Scope.IsAgent ? Rules.Want(V(true))(input) : Rules.NotFalse()(input),
            "file tools stay inside the workspace", new CheckRef("config.insecure_or_dangerous_flags", False), new CheckRef("security.exposure.open_groups_with_runtime_or_fs", False) { If = i => i.Context.AnyOpenPolicy })
        {
            Order = ["false", "true"],
        },
        new("tools.elevated.enabled", Scope.GlobalAndAgents, Tier.Basic, "`agent.elevated.enabled` (default false)",
            input => Rules.Want(i => V(i.Choices.Agent.ElevatedEnabled))(input) is { } set && !input.Scope.IsAgent && !input.Choices.Agent.ElevatedEnabled
                ? set with { ExtraChecks = ElevatedAllowlistChecks(input.Context) } : Rules.Want(i => V(i.Choices.Agent.ElevatedEnabled))(input),
            "elevated mode lets the agent escape its sandbox", new CheckRef("security.exposure.open_groups_with_elevated", c => !False(c)) { If = i => i.Context.AnyOpenPolicy })
        {
            Order = ["true", "false"], Default = V(true), Effect = Effects.Flag(safe: false, unsetMeans: true),
            AlsoCloses = ["tools.elevated.allowFrom.{0}.wildcard", "tools.elevated.allowFrom.{0}.large"],
        },
        new("tools.elevated.allowFrom.*", Scope.Global, Tier.Basic, "no *", Rules.Drop(new Dropper("wildcard", (entry, _) => entry.Trim() == "*", "tools.elevated.allowFrom.{0}.wildcard")),
            "elevated mode is never granted to every sender") { AlsoCloses = ["tools.elevated.allowFrom.{0}.wildcard"] },
        new("tools.elevated.allowFrom.*", Scope.Global, Tier.Standard, "reported: more than 25 senders",
            Rules.Report(input => input.Choices.Agent.ElevatedEnabled && input.Current is JArray { Count: > 25 } list
                ? $"tools.elevated.allowFrom.{input.Captures[0]} lists {list.Count} senders: keep only the people who need elevated mode (25 at most)"
                : null),
            "elevated mode for a few people only", "tools.elevated.allowFrom.{0}.large"),
    ];

    private static Outcome? ProfileRule(RuleInput input)
    {
        var explicitProfile = input.Context.Posture.Document.Agent?.Tools?.Profile;
        var floor = input.Choices.ToolsProfile;
        if (floor is null)
        {
            return null;
        }

        string[] order = ["full", "coding", "messaging", "minimal"];
        if (input.Scope.IsAgent)
        {
            // An agent may not be broader than the gateway-wide profile once converged (OpenClaw warns when a global minimal is overridden).
            var global = input.Context.Config.Get("/tools/profile") is JValue { Type: JTokenType.String } g ? (string)g! : null;
            if (global is not null && Array.IndexOf(order, global) > Array.IndexOf(order, floor) && explicitProfile is null)
            {
                floor = global;
            }

            if (input.Current is null || Rules.Rank(order, input.Current) >= Array.IndexOf(order, floor))
            {
                return null;
            }

            var checks = global == "minimal" && floor == "minimal" ? new[] { "tools.profile_minimal_overridden" } : [];
            return Outcome.Set(V(floor)) with { ExtraChecks = checks };
        }

        if (explicitProfile is not null)
        {
            return Outcome.Set(V(explicitProfile));
        }

        return input.Current is null || Rules.Rank(order, input.Current) < Array.IndexOf(order, floor) ? Outcome.Set(V(floor)) : null;
    }

    private static IEnumerable<(string Entry, string Check)> RequiredDenials(RuleInput input)
    {
        var deny = Strings(input.Current).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!input.Scope.IsAgent)
        {
            if (input.Choices.Agent.SocialMediaReadOnly && !deny.Contains("group:messaging"))
            {
                yield return ("message", string.Empty);
            }

            if (input.Context.SmallModels)
            {
                if (!deny.Contains("web_search") || !deny.Contains("web_fetch"))
                {
                    yield return ("group:web", "models.small_params");
                }

                yield return ("browser", "models.small_params");
            }
        }

        // Denying the file tools says "read-only"; exec and process are a shell that can still write anywhere.
        var sandbox = input.Scope.IsAgent ? At(input.Scope.Node, "sandbox") : input.Context.Config.Get("/agents/defaults/sandbox");
        var contained = Str(At(sandbox, "mode"), "all") && Str(At(sandbox, "workspaceAccess"), "ro", "none");
        if (FileWriteTools.Any(deny.Contains) && !contained && !deny.Contains("group:runtime") && input.Choices.Agent.ExecSecurity != "deny")
        {
            yield return ("exec", "tools.exec.fs_tools_disabled_but_exec_enabled");
            yield return ("process", "tools.exec.fs_tools_disabled_but_exec_enabled");
        }
    }
}
