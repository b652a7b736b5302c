using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Resources.Skills.Audit;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>
/// Installed skills: every skill in OpenClaw's skill folders is hashed and audited; skills off the allowlist,
/// skills whose pinned hash changed (when the posture says quarantine) and skills the audit blocks are moved
/// into the reconciler's quarantine with a manifest and disabled in openclaw.json. Nothing is deleted.
/// </summary>
public sealed class SkillsKind : ResourceKind<SkillsObservation>
{
    public const string Name = "skills";

    public override string Kind => Name;

    /// <summary>After the agent's config, before the sandboxes: a quarantined skill never gets a fresh container first.</summary>
    public override int ApplyOrder => 45;

    public override async Task<SkillsObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var paths = host.PathsFor(posture);
        var config = await ConfigObservation.ProbeAsync(host, paths, cancellationToken);
        var roots = SkillLocator.Roots(host, paths, config.Config);
        var found = SkillLocator.Find(host.Fs, roots);
        var verdicts = AuditVerdicts.Load(host.StateDir);
        // Hashing and auditing read every file: spread over threads of their own, never the thread pool's.
        var observed = OwnThread.ForEach(found, Environment.ProcessorCount, skill =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A skill folder root linked in is judged by what it names; the locator already refused any other link.
            // A folder that is no link is walked the same under its own path.
            var folder = host.Fs.Stat(skill.HostPath).IsSymlink ? host.Fs.ResolveLinks(skill.HostPath) ?? skill.HostPath : skill.HostPath;
            return SkillScan.Scan(host.Fs, folder, host.Root.Resolve(skill.HostPath), verdicts) is var (hash, audit, verdict)
                ? (Observed: new ObservedSkill(skill, hash, audit), Verdict: verdict)
                : default;
        });
        if (!host.DryRun && host.StateDir is { } state)
        {
            foreach (var (skill, verdict) in observed)
            {
                if (verdict is not null)
                {
                    verdicts.Record(skill.Hash, Path.GetFileName(verdict.Path), verdict);
                }
            }

            verdicts.Save(state);
        }

        return new SkillsObservation(SkillsDesired.For(posture), config, observed.Select(o => o.Observed).ToValueList());
    }

    public override KindPlan Diff(EffectivePosture posture, SkillsObservation observed) =>
        observed.Config.Unknown is { } why && observed.Skills.Any(s => !observed.Desired.Allows(s.Skill))
            ? KindPlan.Of(Kind, [], [new UnknownState(Kind, "openclaw.json", why)])
            : SkillsDiff.Diff(Kind, observed);

    public override Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken) =>
        change.Payload is QuarantineSkill quarantine
            ? SkillQuarantine.QuarantineAsync(change, quarantine, context, cancellationToken)
            : Task.FromResult(ChangeOutcome.Skipped(change, "manual action: not applied by the reconciler"));
}
