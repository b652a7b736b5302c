using System.Text;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Resources.Controls;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>docs/openclaw-audit.md, generated from <see cref="AuditChecks"/> and <see cref="Mechanisms"/> so it cannot drift from the code.</summary>
public static class AuditDocs
{
    public static (int Converged, int Reported, int OutOfScope, int Critical, int CriticalConverged, int CriticalReported) Counts()
    {
        var all = AuditChecks.All;
        var critical = all.Where(c => c.Critical).ToList();
        return (all.Count(c => c.Handling == Handling.Converges), all.Count(c => c.Handling == Handling.Reports), all.Count(c => c.Handling == Handling.OutOfScope),
            critical.Count, critical.Count(c => c.Handling == Handling.Converges), critical.Count(c => c.Handling == Handling.Reports));
    }

    public static string Render()
    {
        var mechanisms = Mechanisms.All();
        var (converged, reported, outOfScope, critical, criticalConverged, criticalReported) = Counts();
        var text = new StringBuilder();
        text.Append("""
            # OpenClaw's own security audit, converged

            <!-- Generated from AuditChecks, the control catalog and the file-mode rows (src/OpenClaw.Desired.Core/Resources/OpenClawAudit,
                 src/OpenClaw.Desired.Core/Resources/Controls). Do not edit: AuditDocsTests fails when this file and the code differ;
                 OPENCLAW_DESIRED_WRITE_DOCS=1 dotnet test --filter AuditDocs rewrites it. -->

            `openclaw security audit` reports its findings under check ids. This page says, for each of the checks OpenClaw
            documents, what the reconciler does about it:

            - **converges**: the plan sets a key of openclaw.json (for the gateway, for `agents.defaults` and for every entry of
              `agents.list[]`), a file's mode, or a file's content, so that after an apply the check no longer fires and the next
              plan is empty for it. Every planned change names the check ids it closes in the JSON report (`"checks": [...]`).
            - **reports**: the fix needs a human decision (who may DM the agent, which plugin version to trust); the plan carries
              a manual action with the exact fix, or the reconciler carries OpenClaw's own finding (see below).
            - **out of scope**: nothing on the host's files decides it (a live probe of the running gateway, a scanner failing).

            Tiers decide the defaults: **basic** closes the critical checks, **standard** the warnings too, **paranoid** all of
            them. A tier only fills in what the posture leaves out; a stated value weaker than the tier requires is refused
            with its position in posture.yaml.

            Where OpenClaw is installed, every plan also runs `openclaw security audit --json` (never `--fix`; bounded by
            `openclaw.auditTimeout`, default 60s; as the OpenClaw user when the reconciler is root, with an emptied environment)
            and carries each finding of a check the reconciler does not cover itself — and any check id this page does not
            know yet — into the report as a finding under its own id, with OpenClaw's remediation. Where the CLI is not found,
            the report says so once (`openclaw.audit.not_installed`).


            """);
        text.Append($"**{AuditChecks.All.Count} checks: {converged} converged, {reported} reported, {outOfScope} out of scope. " +
            $"Of the {critical} that can be critical, {criticalConverged} are converged and {criticalReported} reported with their fix.**\n\n");
        text.Append("| check | severity | the reconciler | from | how |\n|---|---|---|---|---|\n");
        foreach (var check in AuditChecks.All)
        {
            var closing = mechanisms.Where(m => m.Closes.Any(id => Mechanisms.Names(id, check))).ToList();
            var from = closing.Count > 0 ? TierPolicy.Name(closing.Min(m => m.From)) : check.Handling == Handling.Reports && !check.ReliesOnOpenClaw ? TierPolicy.Name(Tier.Standard) : "—";
            var how = check.Handling == Handling.Converges
                ? string.Join("; ", closing.Select(m => $"{m.What}: {m.How}").Distinct(StringComparer.Ordinal)) + (check.Note.Length > 0 ? $". {check.Note}" : string.Empty)
                : check.Note;
            text.Append($"| `{check.Id}` | {check.Severity} | {Name(check.Handling)} | {from} | {Cell(how)} |\n");
        }

        text.Append("\n## The control catalog\n\nEvery openclaw.json key the posture converges, one row each (`ControlCatalog`). A `*` matches every child; ");
        text.Append("\"and every agent's\" means the same key inside each `agents.list[]` entry (or `agents.entries.<id>`), planned as ");
        text.Append("`agents.list[NAME].key`, where an agent may be stricter than the posture but never weaker.\n\n");
        text.Append("| key | from | wants | closes |\n|---|---|---|---|\n");
        foreach (var row in ControlCatalog.All)
        {
            text.Append($"| `{row.Key}`{Mechanisms.ScopeText(row.Scope)} | {TierPolicy.Name(row.From)} | {Cell(row.Wants)} | {string.Join(", ", row.Closes.Select(c => $"`{c}`"))} |\n");
        }

        return text.ToString();
    }

    private static string Name(Handling handling) => handling switch
    {
        Handling.Converges => "converges",
        Handling.Reports => "reports",
        _ => "out of scope",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
