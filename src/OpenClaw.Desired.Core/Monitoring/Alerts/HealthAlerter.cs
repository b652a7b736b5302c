using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Monitoring.Alerts;

/// <summary>What alerting a health run did: the events per channel and how each delivery ended.</summary>
public sealed record AlertRun(IReadOnlyList<AlertEvent> Events, IReadOnlyList<DeliveryResult> Deliveries)
{
    public bool AllDelivered => Deliveries.All(d => d.Delivered);
}

/// <summary>
/// Turns a health run into alerts: for each channel, plans what to say (<see cref="AlertPlanner"/>), sends it
/// as one message, and remembers what was delivered in the state dir — so a restart, or the loop and the
/// scheduled job both running, never repeats an alert. An undelivered message is planned again next run.
/// </summary>
public static class HealthAlerter
{
    public static readonly TimeSpan LockWait = TimeSpan.FromMinutes(3);

    public static async Task<AlertRun> RunAsync(HealthReport report, AlertDispatcher dispatcher, AlertSettings settings, string stateDir, string hostName, CancellationToken cancellationToken)
    {
        var store = new MonitoringState(stateDir);
        using var held = store.Lock(LockWait);
        var state = store.Read(store.AlertsPath, StateJsonContext.Default.AlertState) ?? new AlertState();
        var since = new Dictionary<string, CheckMemory>(StringComparer.Ordinal);
        foreach (var result in report.Checks)
        {
            var before = state.Checks.GetValueOrDefault(result.Name);
            since[result.Name] = before is not null && before.Status == result.StatusText ? before : new CheckMemory(result.StatusText, report.At);
        }

        var allEvents = new List<AlertEvent>();
        var deliveries = new List<DeliveryResult>();
        var channels = new Dictionary<string, Dictionary<string, Notified>>(state.Channels, StringComparer.Ordinal);
        var planned = new List<(IAlertChannel Channel, Dictionary<string, Notified> Told, IReadOnlyList<AlertEvent> Events)>();
        foreach (var channel in dispatcher.Channels)
        {
            var told = state.Channels.GetValueOrDefault(channel.Name) ?? new Dictionary<string, Notified>(StringComparer.Ordinal);
            var events = AlertPlanner.Plan(report.Checks, since, told, report.At, settings.Repeat, settings.Recovery);
            if (events.Count == 0)
            {
                channels[channel.Name] = AlertPlanner.Told(told, report.Checks, [], report.At);
                continue;
            }

            allEvents.AddRange(events);
            planned.Add((channel, told, events));
        }

        // The channels are sent to side by side: one that retries does not hold up the other.
        var sent = await Task.WhenAll(planned.Select(p => dispatcher.SendAsync(p.Channel, AlertText.Notice(hostName, p.Events), cancellationToken)));
        for (var i = 0; i < planned.Count; i++)
        {
            deliveries.Add(sent[i]);
            if (sent[i].Delivered)
            {
                channels[planned[i].Channel.Name] = AlertPlanner.Told(planned[i].Told, report.Checks, planned[i].Events, report.At);
            }
        }

        foreach (var broken in dispatcher.Broken)
        {
            var told = state.Channels.GetValueOrDefault(broken.Channel) ?? new Dictionary<string, Notified>(StringComparer.Ordinal);
            if (AlertPlanner.Plan(report.Checks, since, told, report.At, settings.Repeat, settings.Recovery).Count > 0)
            {
                deliveries.Add(broken);
            }
        }

        store.Write(store.AlertsPath, new AlertState { Checks = since, Channels = channels }, StateJsonContext.Default.AlertState);
        var counters = store.ReadCounters();
        foreach (var name in dispatcher.Channels.Select(c => c.Name).Concat(dispatcher.Broken.Select(b => b.Channel)))
        {
            // A configured channel's counters exist from its first run, at 0: a rate of failures is then well defined.
            counters = counters with { AlertsSent = MetricCounters.Add(counters.AlertsSent, name, 0), AlertFailures = MetricCounters.Add(counters.AlertFailures, name, 0) };
        }

        foreach (var delivery in deliveries)
        {
            counters = delivery.Delivered
                ? counters with { AlertsSent = MetricCounters.Add(counters.AlertsSent, delivery.Channel) }
                : counters with { AlertFailures = MetricCounters.Add(counters.AlertFailures, delivery.Channel) };
        }

        store.Write(store.CountersPath, counters, StateJsonContext.Default.MetricCounters);
        return new AlertRun(allEvents.Distinct().ToList(), deliveries);
    }
}
