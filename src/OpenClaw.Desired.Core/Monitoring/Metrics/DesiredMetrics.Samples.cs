using OpenClaw.Desired.Monitoring.Health;
using Prometheus;

namespace OpenClaw.Desired.Monitoring.Metrics;

/// <summary>The metric fields, and the details of a health run (filesystems, browsers, cron jobs, backups).</summary>
public sealed partial class DesiredMetrics
{
    private readonly Gauge _info;
    private readonly LabeledGauge _checkStatus;
    private readonly LabeledGauge _checkValue;
    private readonly LabeledGauge _checkThreshold;
    private readonly LabeledGauge _checkSeconds;
    private readonly Gauge _healthAt;
    private readonly LabeledGauge _diskRatio;
    private readonly LabeledGauge _diskSize;
    private readonly LabeledGauge _diskFree;
    private readonly Gauge _memoryRatio;
    private readonly Gauge _memoryTotal;
    private readonly Gauge _memoryFree;
    private readonly Gauge _browsers;
    private readonly Gauge _browsersOrphaned;
    private readonly Gauge _browserProcesses;
    private readonly Gauge _browserOldest;
    private readonly LabeledGauge _cronJobs;
    private readonly LabeledGauge _cronRuns;
    private readonly LabeledGauge _cronRatio;
    private readonly LabeledGauge _cronErrors;
    private readonly LabeledGauge _cronLastRun;
    private readonly Gauge _gatewayUp;
    private readonly LabeledGauge _backupAge;
    private readonly LabeledGauge _backupMax;
    private readonly Gauge _secretsTracked;
    private readonly Gauge _secretsDue;
    private readonly Gauge _firewallPending;
    private readonly LabeledGauge _drift;
    private readonly LabeledGauge _unknowns;
    private readonly Gauge _lastRun;
    private readonly Gauge _lastSuccess;
    private readonly Gauge _lastExit;
    private readonly Gauge _lastDuration;
    private readonly Gauge _loopFailures;
    private readonly Gauge _loopNext;
    private readonly Histogram _tickSeconds;
    private readonly Counter _changesApplied;
    private readonly Counter _runs;
    private readonly Counter _alertsSent;
    private readonly Counter _alertFailures;
    private readonly Counter _reaped;
    private readonly LabeledGauge _score;

    private static readonly string[] CronStates = ["ok", "error", "disabled", "auto_disabled", "never_run"];

    private void RecordSamples(HealthSamples samples)
    {
        if (samples.Filesystems is { } filesystems)
        {
            _diskRatio.Replace(filesystems.Select(fs => (new[] { fs.Path }, fs.UsedRatio)));
            _diskSize.Replace(filesystems.Select(fs => (new[] { fs.Path }, (double)fs.SizeBytes)));
            _diskFree.Replace(filesystems.Select(fs => (new[] { fs.Path }, (double)fs.AvailableBytes)));
        }

        if (samples.Memory is { } memory)
        {
            _memoryRatio.Set(memory.UsedRatio);
            _memoryTotal.Set(memory.TotalBytes);
            _memoryFree.Set(memory.AvailableBytes);
        }

        if (samples.Browsers is { } browsers)
        {
            _browsers.Set(browsers.Browsers);
            _browsersOrphaned.Set(browsers.Orphaned);
            _browserProcesses.Set(browsers.Processes);
            _browserOldest.Set(browsers.OldestSeconds);
        }

        if (samples.CronJobs is { } jobs)
        {
            _cronJobs.Replace(CronStates.Select(s => (new[] { s }, (double)jobs.Count(j => j.State == s))));
            _cronRuns.Replace([(["ok"], jobs.Sum(j => j.RunsOk)), (["error"], jobs.Sum(j => j.RunsFailed))]);
            _cronRatio.Replace(jobs.Where(j => j.SuccessRatio is not null).Select(j => (new[] { j.Id, j.Name }, j.SuccessRatio!.Value)));
            _cronErrors.Replace(jobs.Select(j => (new[] { j.Id, j.Name }, (double)j.ConsecutiveErrors)));
            _cronLastRun.Replace(jobs.Where(j => j.LastRun is not null).Select(j => (new[] { j.Id, j.Name }, j.LastRun!.Value.ToUnixTimeMilliseconds() / 1000.0)));
        }

        if (samples.GatewayUp is { } up)
        {
            _gatewayUp.Set(up ? 1 : 0);
        }

        if (samples.Backups is { } backups)
        {
            _backupAge.Replace(backups.Where(b => b.AgeSeconds is not null).Select(b => (new[] { b.Name }, b.AgeSeconds!.Value)));
            _backupMax.Replace(backups.Select(b => (new[] { b.Name }, b.MaxAgeSeconds)));
        }

        if (samples.Secrets is { } secrets)
        {
            _secretsTracked.Set(secrets.Tracked);
            _secretsDue.Set(secrets.Overdue);
        }

        if (samples.FirewallPending is { } pending)
        {
            _firewallPending.Set(pending);
        }
    }
}
