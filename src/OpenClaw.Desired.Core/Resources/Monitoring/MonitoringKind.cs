using OpenClaw.Desired.Host;
using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Monitoring.Processes;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Resources.Monitoring;

/// <summary>
/// What monitoring converges: OpenClaw's own telemetry (the diagnostics-otel keys of openclaw.json), the
/// timer or cron entry that runs <c>health --alert</c>, and, with monitoring.browsers.reap, the agent user's
/// orphaned headless browsers ended (journalled; the agent user's processes only, on the real root only).
/// </summary>
public sealed class MonitoringKind : ResourceKind<MonitoringObservation>
{
    public const string Name = "monitoring";

    /// <summary>A browser must have run this long before it is ended: one that just lost its parent may be closing itself.</summary>
    public static readonly TimeSpan ReapGrace = TimeSpan.FromMinutes(1);

    public override string Kind => Name;

    public override int ApplyOrder => 60;

    public override bool AppliesTo(EffectivePosture posture) => posture.Document.Monitoring is not null;

    public override async Task<MonitoringObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var settings = MonitoringSettings.From(posture);
        var paths = host.PathsFor(posture);
        var config = settings.Telemetry is null ? null : await ConfigObservation.ProbeAsync(host, paths, cancellationToken);
        var context = new ScheduleContext(settings.Scheduler, host.PosturePath ?? "posture.yaml", host.Root.Root, host.StateDir ?? string.Empty);
        var wanted = HealthSchedule.Render(settings, context, host.Root);
        var installed = wanted.Select(f => new InstalledFile(f.HostPath, host.Fs.TryReadAllText(f.HostPath, 1024 * 1024),
            f.IsTimer && host.Fs.Stat($"{ScheduleProbe.WantsDir}/{f.Name}").Exists)).ToValueList();
        var strays = HealthSchedule.AllFiles.Where(p => wanted.All(w => w.HostPath != p) && host.Fs.Stat(p).Exists).ToValueList();

        IReadOnlyList<HeadlessBrowser> orphans = [];
        string? unknown = null;
        var uid = AgentAccounts.Uid(host.Fs, paths.User);
        if (settings.ReapBrowsers)
        {
            try
            {
                if (uid is not { } agent)
                {
                    unknown = $"the agent user '{paths.User}' is not in /etc/passwd under the root";
                }
                else
                {
                    var table = ProcessTable.Read(host.Fs, owner => owner == agent);
                    orphans = HeadlessBrowsers.Find(table, agent, host.Clock.GetUtcNow()).Where(b => b.Orphaned && b.Age >= ReapGrace).ToList();
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                unknown = $"cannot read the process table: {e.Message}";
            }
        }

        return new MonitoringObservation(settings, config, wanted, installed, strays, orphans, uid, unknown, paths.User);
    }

    public override KindPlan Diff(EffectivePosture posture, MonitoringObservation observed) => MonitoringDiff.Diff(observed);

    public override async Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken) => change.Payload switch
    {
        JsonEdit edit => await JsonEditApplier.ApplyAsync(change, edit, context, cancellationToken),
        ScheduleWrite write => await ScheduleApplier.WriteAsync(change, write, context, cancellationToken),
        ScheduleRemove remove => await ScheduleApplier.RemoveAsync(change, remove, context, cancellationToken),
        ReapBrowser reap => await BrowserReaper.ApplyAsync(change, reap, context, cancellationToken),
        _ => ChangeOutcome.Skipped(change, "manual action: not applied by the reconciler"),
    };
}
