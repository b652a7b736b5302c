using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Resources.Controls;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>One way the reconciler closes audit checks, as the docs table lists it.</summary>
public sealed record Mechanism(string What, Tier From, string How, IReadOnlyList<string> Closes);

/// <summary>
/// Every mechanism that closes an audit check: the control catalog's rows, the file-mode rows, the exec
/// approvals rows, and what the kinds do beyond rows (quarantine, the secrets store).
/// </summary>
public static class Mechanisms
{
    public static IReadOnlyList<Mechanism> All()
    {
        var all = new List<Mechanism>();
        all.AddRange(ControlCatalog.All.SelectMany(r => r.Closes.Select(c => new Mechanism($"`{r.Key}`{ScopeText(r.Scope)}", r.ClosesFrom(c), $"{r.Wants} ({r.Owner} kind)", [c]))));
        all.AddRange(ApprovalsRows.All.Select(r => new Mechanism($"`{ApprovalsRows.File}` `{r.Key}`", r.From, $"{r.Wants} (openclaw kind)", r.Closes.ToList())));
        foreach (var row in FileRows.All)
        {
            foreach (var check in row.Checks)
            {
                all.Add(new Mechanism($"mode of {row.Covers}", check.From, $"{(check.From == Tier.Basic ? "bits behind critical checks cleared; from standard" : "from standard")} {Octal(row.Mode)} (openclaw kind; the secrets kind where it keeps the file)", [check.Id]));
            }
        }

        all.Add(new("a plugin whose entry leaves its folder", Tier.Basic, "the plugin's folder is moved to quarantine (openclaw kind)", ["plugins.code_safety.entry_escape"]));
        all.Add(new("a link under the workspace's skills that leaves the workspace", Tier.Standard, "the link is moved to quarantine, its target never touched (openclaw kind)", ["skills.workspace.symlink_escape"]));
        all.Add(new("a credential written in openclaw.json", Tier.Basic, "moved into the posture's secrets store, a reference left in its place (secrets kind, with a `secrets:` section)",
            ["config.secrets.gateway_password_in_config", "config.secrets.hooks_token_in_config"]));
        return all;
    }

    /// <summary>Whether a mechanism's check id ({0} for a matched name) is the catalog's check (&lt;provider&gt; placeholders).</summary>
    public static bool Names(string closes, AuditCheck check) =>
        closes == check.Id || check.Matches(closes.Replace("{0}", "x", StringComparison.Ordinal).Replace("{1}", "y", StringComparison.Ordinal));

    public static string ScopeText(Scope scope) => scope switch
    {
        Scope.GlobalAndAgents => " (and every agent's)",
        Scope.DefaultsAndAgents => " (agents.defaults and every agent's)",
        Scope.Agents => " (every agent's)",
        _ => string.Empty,
    };

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
