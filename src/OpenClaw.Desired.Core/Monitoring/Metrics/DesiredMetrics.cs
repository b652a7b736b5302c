using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Reporting;
using Prometheus;

namespace OpenClaw.Desired.Monitoring.Metrics;

/// <summary>
/// The reconciler's Prometheus metrics (prometheus-net, a private registry: no runtime metrics mixed in).
/// Names follow Prometheus conventions: the <c>openclaw_desired_</c> prefix, base units (seconds, bytes,
/// ratios 0–1) and <c>_total</c> on counters. Every name is listed in docs/monitoring.md.
/// </summary>
public sealed partial class DesiredMetrics
{
    private static readonly string[] Statuses = ["ok", "failed", "unknown"];

    /// <summary>A gauge appears only once something set it: a check that did not run publishes no made-up 0.</summary>
    private static readonly GaugeConfiguration Quiet = new() { SuppressInitialValue = true };

    public DesiredMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var f = Prometheus.Metrics.WithCustomRegistry(Registry);
        _info = f.CreateGauge("openclaw_desired_info", "Always 1; the version label names the build.", "version");
        _checkStatus = new(f.CreateGauge("openclaw_desired_health_check_status", "1 for the status each health check is in (ok, failed or unknown), else 0.", "check", "status"));
        _checkValue = new(f.CreateGauge("openclaw_desired_health_check_value", "The value each health check measured, in the unit its threshold uses.", "check"));
        _checkThreshold = new(f.CreateGauge("openclaw_desired_health_check_threshold", "The threshold of each health check.", "check"));
        _checkSeconds = new(f.CreateGauge("openclaw_desired_health_check_duration_seconds", "How long each health check took.", "check"));
        _healthAt = f.CreateGauge("openclaw_desired_health_last_run_timestamp_seconds", "When the health checks last ran (Unix time).", Quiet);
        _diskRatio = new(f.CreateGauge("openclaw_desired_disk_used_ratio", "Used share of each filesystem the disk check watches (0-1).", "path"));
        _diskSize = new(f.CreateGauge("openclaw_desired_disk_size_bytes", "Size of each filesystem the disk check watches.", "path"));
        _diskFree = new(f.CreateGauge("openclaw_desired_disk_available_bytes", "Space available to users on each filesystem the disk check watches.", "path"));
        _memoryRatio = f.CreateGauge("openclaw_desired_memory_used_ratio", "Used share of memory (1 - available/total).", Quiet);
        _memoryTotal = f.CreateGauge("openclaw_desired_memory_total_bytes", "Total memory.", Quiet);
        _memoryFree = f.CreateGauge("openclaw_desired_memory_available_bytes", "Memory available without swapping.", Quiet);
        _browsers = f.CreateGauge("openclaw_desired_headless_browsers", "Headless browsers (main processes) of the agent user.", Quiet);
        _browsersOrphaned = f.CreateGauge("openclaw_desired_headless_browsers_orphaned", "Headless browsers no OpenClaw process owns any more.", Quiet);
        _browserProcesses = f.CreateGauge("openclaw_desired_headless_browser_processes", "Processes of the agent user's headless browsers, helpers included.", Quiet);
        _browserOldest = f.CreateGauge("openclaw_desired_headless_browser_oldest_age_seconds", "Age of the oldest headless browser.", Quiet);
        _cronJobs = new(f.CreateGauge("openclaw_desired_cron_jobs", "OpenClaw cron jobs by state (ok, error, disabled, auto_disabled, never_run).", "state"));
        _cronRuns = new(f.CreateGauge("openclaw_desired_cron_runs", "Finished cron runs in the check's window, by status.", "status"));
        _cronRatio = new(f.CreateGauge("openclaw_desired_cron_job_success_ratio", "Share of a cron job's finished runs that succeeded in the window (0-1).", "job_id", "job_name"));
        _cronErrors = new(f.CreateGauge("openclaw_desired_cron_job_consecutive_errors", "Failed runs in a row of each cron job.", "job_id", "job_name"));
        _cronLastRun = new(f.CreateGauge("openclaw_desired_cron_job_last_run_timestamp_seconds", "When each cron job last ran (Unix time).", "job_id", "job_name"));
        _gatewayUp = f.CreateGauge("openclaw_desired_gateway_up", "1 when OpenClaw's gateway answers on its port, else 0.", Quiet);
        _backupAge = new(f.CreateGauge("openclaw_desired_backup_age_seconds", "Age of each backup's last success.", "backup"));
        _backupMax = new(f.CreateGauge("openclaw_desired_backup_max_age_seconds", "How old each backup's last success may be.", "backup"));
        _secretsTracked = f.CreateGauge("openclaw_desired_secrets_tracked", "Secrets with a rotation record.", Quiet);
        _secretsDue = f.CreateGauge("openclaw_desired_secrets_rotation_due", "Secrets past their rotation date or suspected leaked.", Quiet);
        _firewallPending = f.CreateGauge("openclaw_desired_firewall_pending_changes", "Firewall changes awaiting confirmation.", Quiet);
        _drift = new(f.CreateGauge("openclaw_desired_drift_changes", "Changes the last run planned and did not converge, by kind.", "kind"));
        _unknowns = new(f.CreateGauge("openclaw_desired_unknowns", "Resources the last run could not probe, by kind.", "kind"));
        _lastRun = f.CreateGauge("openclaw_desired_last_run_timestamp_seconds", "When the last reconcile run started (Unix time).", Quiet);
        _lastSuccess = f.CreateGauge("openclaw_desired_last_run_success", "1 when the last reconcile run ended in sync or converged, else 0.", Quiet);
        _lastExit = f.CreateGauge("openclaw_desired_last_run_exit_code", "Exit code of the last reconcile run.", Quiet);
        _lastDuration = f.CreateGauge("openclaw_desired_last_run_duration_seconds", "How long the last reconcile run took.", Quiet);
        _loopFailures = f.CreateGauge("openclaw_desired_loop_consecutive_failures", "Failed loop ticks in a row.", Quiet);
        _loopNext = f.CreateGauge("openclaw_desired_loop_next_run_timestamp_seconds", "When the loop's next tick is due (Unix time); 0 when none is planned.", Quiet);
        _tickSeconds = f.CreateHistogram("openclaw_desired_loop_tick_duration_seconds", "Duration of the converge loop's ticks.",
            new HistogramConfiguration { Buckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300], SuppressInitialValue = true });
        _changesApplied = f.CreateCounter("openclaw_desired_changes_applied_total", "Changes the converge loop applied.");
        _runs = f.CreateCounter("openclaw_desired_runs_total", "Converge loop ticks, by result.", "result");
        _alertsSent = f.CreateCounter("openclaw_desired_alerts_sent_total", "Alert messages delivered, by channel.", "channel");
        _alertFailures = f.CreateCounter("openclaw_desired_alert_delivery_failures_total", "Alert messages not delivered after their retries, by channel.", "channel");
        _reaped = f.CreateCounter("openclaw_desired_browsers_reaped_total", "Orphaned headless browsers ended by the monitoring kind.");
        _score = new(f.CreateGauge("openclaw_desired_security_score", "Security score per category and overall, 0-10 (docs/score.md).", "category"));
        _info.WithLabels(Reconciliation.ToolInfo.Version).Set(1);
    }

    public CollectorRegistry Registry { get; }

    /// <summary>The exposition text (Prometheus text format 0.0.4).</summary>
    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken) =>
        await Registry.CollectAndExportAsTextAsync(stream, cancellationToken);

    public async Task<string> ToTextAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Record(HealthReport report)
    {
        _checkStatus.Replace(report.Checks.SelectMany(c => Statuses.Select(s => (new[] { c.Name, s }, c.StatusText == s ? 1.0 : 0.0))));
        _checkValue.Replace(report.Checks.Where(c => c.Value is not null).Select(c => (new[] { c.Name }, c.Value!.Value)));
        _checkThreshold.Replace(report.Checks.Where(c => c.Threshold is not null).Select(c => (new[] { c.Name }, c.Threshold!.Value)));
        _checkSeconds.Replace(report.Samples.CheckSeconds.Select(c => (new[] { c.Key }, c.Value)));
        _healthAt.Set(report.At.ToUnixTimeMilliseconds() / 1000.0);
        RecordSamples(report.Samples);
    }

    public void Record(RunReport report, TimeSpan? tick = null)
    {
        var kinds = (report.Timings.Kinds?.Keys ?? []).Concat(report.Changes.Select(c => c.Kind)).Concat(report.Unknowns.Select(u => u.Kind)).Distinct(StringComparer.Ordinal).ToList();
        var open = report.Mode == "apply" ? report.NotConverged : report.Changes;
        _drift.Replace(kinds.Select(k => (new[] { k }, (double)open.Count(c => c.Kind == k))));
        _unknowns.Replace(kinds.Select(k => (new[] { k }, (double)report.Unknowns.Count(u => u.Kind == k))));
        _lastRun.Set(report.StartedAt.ToUnixTimeMilliseconds() / 1000.0);
        _lastSuccess.Set(report.ExitCode == ExitCodes.Ok ? 1 : 0);
        _lastExit.Set(report.ExitCode);
        _lastDuration.Set(report.Timings.TotalMs / 1000.0);
        if (tick is { } took)
        {
            _tickSeconds.Observe(took.TotalSeconds);
        }
    }

    public void Record(LoopStatus status)
    {
        _loopFailures.Set(status.ConsecutiveFailures);
        _loopNext.Set(status.NextRun is { } next ? next.ToUnixTimeMilliseconds() / 1000.0 : 0);
    }

    public void Record(MetricCounters counters)
    {
        _changesApplied.IncTo(counters.ChangesApplied);
        _reaped.IncTo(counters.BrowsersReaped);
        foreach (var (result, count) in counters.Runs)
        {
            _runs.WithLabels(result).IncTo(count);
        }

        foreach (var (channel, count) in counters.AlertsSent)
        {
            _alertsSent.WithLabels(channel).IncTo(count);
        }

        foreach (var (channel, count) in counters.AlertFailures)
        {
            _alertFailures.WithLabels(channel).IncTo(count);
        }
    }

    public void Record(IReadOnlyList<CategoryScore> scores) =>
        _score.Replace(scores.Select(s => (new[] { s.Category }, Math.Clamp(s.Score, 0, 100))));
}
