using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>Test for the firewall: a pure function from the observation to the plan.</summary>
internal static class FirewallDiff
{
    public static KindPlan Plan(string kind, FirewallObservation observed)
    {
        var settings = observed.Settings;
        if (observed.OutOfScope || (observed.NftMissing && settings.Level == FirewallLevel.Off))
        {
            return KindPlan.Of(kind, []);
        }

        var changes = new List<PlannedChange>();
        if (settings.Level == FirewallLevel.Proxy && settings.Proxy is { } proxy)
        {
            changes.AddRange(ProxyEnvironment.Changes(kind, proxy, observed.ProxyFiles));
        }

        if (observed.Pending is { } pending)
        {
            // A helper that missed its deadline by far is gone (killed with its service, say): only a person can decide now.
            var reason = observed.ProbedAt > pending.Deadline + TimeSpan.FromSeconds(30)
                ? $"applied at {pending.AppliedAt:HH:mm:ss}Z; its automatic rollback did not run at {pending.Deadline:HH:mm:ss}Z: run `openclaw-desired confirm` to keep it or `openclaw-desired confirm --restore` to roll it back"
                : $"applied at {pending.AppliedAt:HH:mm:ss}Z and not confirmed: run `openclaw-desired confirm` before {pending.Deadline:HH:mm:ss}Z to keep it, or it is rolled back";
            changes.Add(new PlannedChange(kind, $"change {pending.Id}", ChangeAction.Manual, reason, "unconfirmed", "confirmed", PostureEffect.Neutral));
        }

        if (observed.Unavailable is { } problem)
        {
            return KindPlan.Of(kind, changes, [new UnknownState(kind, $"table {settings.QualifiedTable}", problem)]);
        }

        if (observed.Unknowns.Count > 0)
        {
            return KindPlan.Of(kind, changes, observed.Unknowns);
        }

        var desired = DesiredTable.Build(settings, observed.Facts);
        var transaction = new FirewallTransaction(
            settings.QualifiedTable,
            NftScript.Replace(settings.QualifiedTable, desired),
            FirewallCommands.PrefixFor(settings.Netns),
            settings.ConfirmTimeout,
            settings.ConfirmChecks.ToValueList());
        changes.AddRange(TableDiff.Changes(kind, observed.Table, desired, transaction));
        return KindPlan.Of(kind, changes);
    }
}
