using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Resources.Controls;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>
/// What OpenClaw's own security audit checks on disk beyond openclaw.json's keys: modes of the state dir, config,
/// $include files, auth profiles, credentials, sessions and logs; links and synced folders; exec approvals;
/// plugins whose entry escapes their folder; skill links that leave the workspace. It also runs
/// <c>openclaw security audit --json</c> where OpenClaw is installed and carries the checks the reconciler does
/// not cover itself into the report under their own ids.
/// </summary>
public sealed class OpenClawAuditKind : ResourceKind<OpenClawAuditObservation>
{
    public const string Name = "openclaw";

    public override string Kind => Name;

    public override int ApplyOrder => 45;

    public override async Task<OpenClawAuditObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var paths = host.PathsFor(posture);
        var upstream = AuditCli.RunAsync(posture, host, cancellationToken);
        var config = await ConfigObservation.ProbeAsync(host, paths, cancellationToken);
        var (files, problems) = FileTargets.Probe(host, paths, config.Config);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in new[] { paths.StateDir, paths.ConfigPath })
        {
            if (host.Fs.Stat(path).IsSymlink && host.Fs.ReadLink(path) is { } target)
            {
                links[path] = target;
            }
        }

        return new OpenClawAuditObservation(paths, config, files, problems, PluginEntries.Probe(host.Fs, paths.StateDir + "/extensions"),
            SkillLinks.Find(host.Fs, paths.Workspace), Approvals(host, paths), await upstream)
        {
            Links = links,
        };
    }

    public override KindPlan Diff(EffectivePosture posture, OpenClawAuditObservation observed)
    {
        var changes = new List<PlannedChange>();
        var findings = observed.Problems.Select(p => new Finding(Kind, "files", "unsafe-path", "warn", p, "left as it is: a path the reconciler does not follow or open")).ToList();
        changes.AddRange(OpenClawFilesDiff.Paths(Kind, posture, observed));
        changes.AddRange(OpenClawFilesDiff.Modes(Kind, posture, observed, findings));
        changes.AddRange(OpenClawFilesDiff.Plugins(Kind, posture, observed));
        changes.AddRange(OpenClawFilesDiff.Skills(Kind, posture, observed));
        if (observed.Approvals is { Config: { } approvals } file)
        {
            changes.AddRange(ControlPlanner.Plan(Kind, ApprovalsRows.All, new ControlContext(posture, approvals), file, new ControlScope(ApprovalsRows.File, string.Empty, null, null)));
        }

        findings.AddRange(UpstreamFindings.Carry(Kind, observed.Upstream, changes));
        return KindPlan.Of(Kind, changes) with { Findings = findings.OrderBy(f => f.Resource, StringComparer.Ordinal).ThenBy(f => f.Rule, StringComparer.Ordinal).ToValueList() };
    }

    public override Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken) =>
        change.Payload switch
        {
            SetMode mode => Task.FromResult(ApplyMode(change, mode, context)),
            QuarantinePath quarantine => Task.FromResult(ApplyQuarantine(change, quarantine, context)),
            JsonEdit or AgentEdit => ConfigEdits.ApplyAsync(change, context, cancellationToken),
            _ => Task.FromResult(ChangeOutcome.Skipped(change, "manual action: not applied by the reconciler")),
        };

    private static ChangeOutcome ApplyMode(PlannedChange change, SetMode mode, ApplyContext context)
    {
        var stat = context.Host.Fs.Stat(mode.HostPath);
        if (!stat.Exists)
        {
            return ChangeOutcome.Skipped(change, $"{mode.HostPath} is gone");
        }

        // Checked again at apply: the path may have been swapped for a link, or gained a second name, since the probe.
        if (stat.IsSymlink || stat.IsDirectory != mode.Directory || (!stat.IsDirectory && stat.Links > 1))
        {
            return ChangeOutcome.Stalled(change, $"{mode.HostPath} is now {(stat.IsSymlink ? "a link" : stat.Links > 1 ? "a file with other names" : "of another type")}; its mode is left alone");
        }

        if ((stat.Mode & (UnixFileMode)0xFFF) == mode.Mode)
        {
            return ChangeOutcome.Skipped(change, "already in place");
        }

        context.Files.SetPermissions(mode.HostPath, mode.Mode, null, change.Id);
        return ChangeOutcome.Applied(change, $"{mode.HostPath} is {Convert.ToString((int)mode.Mode, 8).PadLeft(4, '0')}");
    }

    private static ChangeOutcome ApplyQuarantine(PlannedChange change, QuarantinePath quarantine, ApplyContext context)
    {
        if (!context.Host.Fs.Stat(quarantine.HostPath).Exists)
        {
            return ChangeOutcome.Skipped(change, $"{quarantine.HostPath} is gone");
        }

        var target = context.Files.Quarantine(quarantine.HostPath, change.Id);
        return ChangeOutcome.Applied(change, $"moved to {target}");
    }

    private static ConfigObservation? Approvals(HostContext host, OpenClawPaths paths)
    {
        var path = $"{paths.StateDir}/{ApprovalsRows.File}";
        try
        {
            if (host.Fs.TryReadAllText(path, 4 * 1024 * 1024) is not { } text)
            {
                return null;
            }

            var config = OpenClawConfig.Parse(text);
            foreach (var secret in config.SecretValues())
            {
                host.Redactor.Add(secret);
            }

            return new ConfigObservation(path, config, true, null, host.Redactor.Fingerprint);
        }
        catch (Exception e) when (e is IOException or OpenClawConfigException)
        {
            return new ConfigObservation(path, null, true, host.Redactor.Redact(e.Message), host.Redactor.Fingerprint);
        }
    }
}
