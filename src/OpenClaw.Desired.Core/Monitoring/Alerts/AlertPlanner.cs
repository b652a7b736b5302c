using OpenClaw.Desired.Monitoring.Health;

namespace OpenClaw.Desired.Monitoring.Alerts;

/// <summary>
/// Decides, for one channel, what to tell about a health run (a pure function of the results, what the
/// channel was told before, the clock and the settings):
/// a check not ok that the channel has not heard of in that status → <c>alert</c>; still not ok after the
/// repeat interval → <c>reminder</c>; ok again after the channel was told otherwise → <c>recovery</c>.
/// Nothing else is said, so a steady state is silent.
/// </summary>
public static class AlertPlanner
{
    public static IReadOnlyList<AlertEvent> Plan(
        IReadOnlyList<HealthCheckResult> results,
        IReadOnlyDictionary<string, CheckMemory> since,
        IReadOnlyDictionary<string, Notified> told,
        DateTimeOffset now,
        TimeSpan repeat,
        bool recovery)
    {
        var events = new List<AlertEvent>();
        foreach (var result in results)
        {
            var status = result.StatusText;
            var before = told.GetValueOrDefault(result.Name);
            var from = since.GetValueOrDefault(result.Name)?.Since ?? now;
            string? kind = null;
            if (!result.Healthy)
            {
                kind = before is null || before.Status == "ok" || before.Status != status ? AlertEventKinds.Alert
                    : now - before.At >= repeat ? AlertEventKinds.Reminder
                    : null;
            }
            else if (before is not null && before.Status != "ok" && recovery)
            {
                kind = AlertEventKinds.Recovery;
            }

            if (kind is not null)
            {
                events.Add(new AlertEvent(result.Name, kind, status, before?.Status, result.Value, result.Threshold, result.Unit, result.Message, from));
            }
        }

        return events;
    }

    /// <summary>What the channel has been told once the events were delivered: recoveries (and checks now ok) are forgotten.</summary>
    public static Dictionary<string, Notified> Told(IReadOnlyDictionary<string, Notified> before, IReadOnlyList<HealthCheckResult> results, IReadOnlyList<AlertEvent> delivered, DateTimeOffset now)
    {
        var after = new Dictionary<string, Notified>(before, StringComparer.Ordinal);
        foreach (var e in delivered)
        {
            if (e.Kind == AlertEventKinds.Recovery)
            {
                after.Remove(e.Check);
            }
            else
            {
                after[e.Check] = new Notified(e.Status, now);
            }
        }

        // A check that is ok (recovery switched off) or no longer runs needs no memory.
        foreach (var name in after.Keys.ToList())
        {
            var result = results.FirstOrDefault(r => r.Name == name);
            if (result is null || result.Healthy)
            {
                after.Remove(name);
            }
        }

        return after;
    }
}
