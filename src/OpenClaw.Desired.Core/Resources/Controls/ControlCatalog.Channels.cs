using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

public static partial class ControlCatalog
{
    /// <summary>What an open DM or group policy exposes, per OpenClaw's exposure matrix.</summary>
    private static CheckRef[] OpenPolicyChecks(params string[] own) =>
    [
        .. own.Select(id => new CheckRef(id, c => Str(c, "open"))),
        new CheckRef("security.exposure.open_channels_with_exec", c => Str(c, "open")),
        new CheckRef("security.exposure.open_groups_with_elevated", c => Str(c, "open")),
        new CheckRef("security.exposure.open_groups_with_runtime_or_fs", c => Str(c, "open")),
        new CheckRef("security.exposure.open_groups_with_control_plane_tools", c => Str(c, "open")),
        new CheckRef("security.trust_model.multi_user_heuristic", c => Str(c, "open")),
    ];

    private static ControlRule Policy(Func<ControlChoices, string> value, Func<AgentSpec?, string?> stated) => input =>
        stated(input.Context.Posture.Document.Agent) is { } exact
            ? Rules.Want(V(exact))(input)
            : Rules.Never(current => Str(current, "open"), i => V(value(i.Choices)))(input);

    private static ControlRule DmPolicy => Policy(c => c.DmPolicy, a => a?.Channels?.DmPolicy);

    /// <summary>Only where the file sets the key (accounts and legacy keys inherit from the channel otherwise).</summary>
    private static ControlRule Existing(ControlRule rule) => input => input.Current is null ? null : rule(input);

    private static ControlRule GroupPolicy => Policy(c => c.GroupPolicy, a => a?.Channels?.GroupPolicy);

    private static ControlRule SenderList(Func<ControlChoices, string, IReadOnlyList<string>?> stated) => input =>
        stated(input.Choices, input.Captures[0]) is { } list
            ? Rules.Want(Rules.Strings(list))(input)
            : Rules.Drop(new Dropper("wildcard sender", (entry, _) => entry.Trim() == "*", "security.trust_model.multi_user_heuristic"))(input);

    private static readonly string[] PolicyOrder = ["open", "pairing", "allowlist", "disabled"];

    /// <summary>channels.&lt;provider&gt; and their accounts: DM and group policies and sender allowlists.</summary>
    private static readonly ControlRow[] Channels =
    [
        new("channels.*.dmPolicy", Scope.Global, Tier.Basic, "`agent.channels.dmPolicy` on every channel; unset: open → pairing", DmPolicy,
            "strangers cannot DM the agent", OpenPolicyChecks("channels.{0}.dm.open", "channels.{0}.dm.open_invalid")) { Order = PolicyOrder, Effect = PolicyEffect },
        new("channels.*.accounts.*.dmPolicy", Scope.Global, Tier.Basic, "as channels.*.dmPolicy, per account", Existing(DmPolicy),
            "strangers cannot DM the agent", OpenPolicyChecks("channels.{0}.dm.open", "channels.{0}.dm.open_invalid")) { Order = PolicyOrder, Effect = PolicyEffect },
        new("channels.*.dm.policy", Scope.Global, Tier.Basic, "as channels.*.dmPolicy (legacy key)", Existing(DmPolicy),
            "strangers cannot DM the agent", OpenPolicyChecks("channels.{0}.dm.open", "channels.{0}.dm.open_invalid")) { Order = PolicyOrder, Effect = PolicyEffect },
        new("channels.*.groupPolicy", Scope.Global, Tier.Basic, "`agent.channels.groupPolicy` on every channel; unset: open → allowlist", GroupPolicy,
            "the agent answers only in groups it was added to on purpose", OpenPolicyChecks()) { Order = PolicyOrder, Effect = PolicyEffect },
        new("channels.*.accounts.*.groupPolicy", Scope.Global, Tier.Basic, "as channels.*.groupPolicy, per account", Existing(GroupPolicy),
            "the agent answers only in groups it was added to on purpose", OpenPolicyChecks()) { Order = PolicyOrder, Effect = PolicyEffect },
        new("channels.*.allowFrom", Scope.Global, Tier.Standard, "`agent.channels.allowFrom.<provider>`; unset: no *", SenderList((c, p) => c.AllowFrom(p)),
            "the senders the agent answers are named", new CheckRef("security.trust_model.multi_user_heuristic", c => Strings(c).Contains("*"))) { Effect = Effects.Allowlist },
        new("channels.*.groupAllowFrom", Scope.Global, Tier.Standard, "`agent.channels.groupAllowFrom.<provider>`; unset: no *", SenderList((c, p) => c.GroupAllowFrom(p)),
            "the group members the agent answers are named", new CheckRef("security.trust_model.multi_user_heuristic", c => Strings(c).Contains("*"))) { Effect = Effects.Allowlist },
        new("channels.*.dm.allowFrom", Scope.Global, Tier.Standard, "no *", Rules.Drop(new Dropper("wildcard sender", (entry, _) => entry.Trim() == "*", "security.trust_model.multi_user_heuristic")),
            "the senders the agent answers are named") { AlsoCloses = ["security.trust_model.multi_user_heuristic"] },
        new("channels.*.accounts.*.allowFrom", Scope.Global, Tier.Standard, "no *", Rules.Drop(new Dropper("wildcard sender", (entry, _) => entry.Trim() == "*", "security.trust_model.multi_user_heuristic")),
            "the senders the agent answers are named") { AlsoCloses = ["security.trust_model.multi_user_heuristic"] },
        new("channels.*.dangerouslyAllowNameMatching", Scope.Global, Tier.Paranoid, "false", Rules.NotTrue(), "senders are matched by stable ids, not by names anyone can take",
            "channels.{0}.allowFrom.dangerous_name_matching_enabled") { Order = ["true", "false"] },
        new("channels.*.accounts.*.dangerouslyAllowNameMatching", Scope.Global, Tier.Paranoid, "false", Rules.NotTrue(), "senders are matched by stable ids, not by names anyone can take",
            "channels.{0}.allowFrom.dangerous_name_matching_enabled") { Order = ["true", "false"] },
        new("session.dmScope", Scope.Global, Tier.Standard, "per-channel-peer when DMs are on (unset or main)",
            input => DmChannels(input.Context).ToList() is { Count: > 0 } providers && (input.Current is null || Str(input.Current, "main"))
                ? Outcome.Set(V("per-channel-peer")) with { Checks = providers.Select(p => $"channels.{p}.dm.scope_main_multiuser").ToList() }
                : null,
            "every DM sender gets a session of their own") { Effect = Effects.Tightens, AlsoCloses = ["channels.{0}.dm.scope_main_multiuser"] },
        new("channels.discord.guilds.*", Scope.Global, Tier.Standard, "reported: a guild without users or roles",
            Rules.Report(input => input.Current is JObject guild && guild["users"] is null && guild["roles"] is null
                ? $"channels.discord.guilds.{input.Captures[0]} lets every member of the guild talk to the agent: set its users (or roles) to the members allowed"
                : null),
            "only named guild members reach the agent", "channels.discord.allowlisted_groups.broad_members"),
    ];

    private static Planning.PostureEffect PolicyEffect(JToken? current, JToken desired)
    {
        var from = current is null ? 1 : Rules.Rank(PolicyOrder, current);
        var to = Rules.Rank(PolicyOrder, desired);
        return to > from ? Planning.PostureEffect.Tightens : to < from ? Planning.PostureEffect.Loosens : Planning.PostureEffect.Neutral;
    }

    /// <summary>The channel providers whose DMs are not disabled.</summary>
    private static IEnumerable<string> DmChannels(ControlContext context) =>
        (context.Config.Get("/channels") as JObject)?.Properties()
            .Where(p => p.Value is JObject channel && !False(channel["enabled"]) && !Str(channel["dmPolicy"], "disabled"))
            .Select(p => p.Name) ?? [];
}
