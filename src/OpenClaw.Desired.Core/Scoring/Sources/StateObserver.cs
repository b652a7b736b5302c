using System.Globalization;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets.Audit;

namespace OpenClaw.Desired.Scoring.Sources;

/// <summary>
/// What the reconciler's own state dir says about the host: when it was last reconciled, whether its last applying
/// run closed its journal, whether the secrets audit trail holds together, and whether gpg can seal evidence.
/// </summary>
public static class StateObserver
{
    public const string Source = "state";

    /// <param name="applyingRun">The applying run being reported on, if any: the report describes the host at its end.</param>
    /// <param name="notYet">A run that has begun but whose score is taken as before it (the score before an apply): left out.</param>
    public static async Task<IReadOnlyList<Observation>> ObserveAsync(HostContext host, StateDirectory state, EffectivePosture posture, Plan plan, string? applyingRun, CancellationToken cancellationToken, string? notYet = null)
    {
        var now = host.Clock.GetUtcNow();
        var facts = new List<Observation>();
        var (last, closed) = applyingRun is not null ? (applyingRun, true) : LastApply(state, notYet);
        var hours = last is not null && HistoryPruner.TimeOf(last) is { } at ? (int)Math.Max(0, Math.Floor((now - at).TotalHours)) : (int?)null;
        facts.Add(new Observation("state:reconciled", hours?.ToString(CultureInfo.InvariantCulture) ?? "never", Source,
                hours is null ? "no applying run in the state dir" : $"last applying run {last}, {hours} hour(s) ago")
            .Converging([RunEffects.Apply], "0", "this apply"));
        facts.Add(new Observation("state:rollback", last is null ? "none" : closed ? "ready" : "interrupted", Source,
                last is null ? "no applying run to roll back to" : closed ? $"run {last} closed its journal" : $"run {last} was interrupted; the next run recovers it")
            .Converging([RunEffects.Apply], "ready", "this apply closes its journal"));

        var audit = AuditVerifier.Verify(AuditTrail.For(state, host.Clock));
        var trail = !audit.Intact ? "broken" : audit.Entries == 0 ? "absent" : "intact";
        var writes = plan.Kinds.Where(k => k.Kind == Resources.Secrets.SecretsKind.Name).SelectMany(k => k.Changes).Where(c => c.Action != ChangeAction.Manual).Select(c => c.Id);
        facts.Add(new Observation("state:audit", trail, Source, audit.Message)
            .Converging(trail == "broken" ? [] : writes, "intact", "the apply's secret operations extend the trail"));

        facts.Add(await EvidenceKeyAsync(host, posture, cancellationToken));
        facts.Add(new Observation(ObservationSet.Marker(Source), "true", Source, "probed"));
        return facts;
    }

    /// <summary>The newest run that applied a posture, and whether its journal ended.</summary>
    public static (string? RunId, bool Closed) LastApply(StateDirectory state, string? except = null)
    {
        foreach (var id in state.RunIds().Reverse().Where(id => id != except))
        {
            var entries = RunJournal.Read(Path.Combine(state.RunPath(id), RunJournal.FileName));
            if (entries.FirstOrDefault(e => e.Event == JournalEvents.RunStart)?.Detail?.StartsWith("apply", StringComparison.Ordinal) == true)
            {
                return (id, entries.Any(e => e.Event == JournalEvents.RunEnd));
            }
        }

        return (null, false);
    }

    private static async Task<Observation> EvidenceKeyAsync(HostContext host, EffectivePosture posture, CancellationToken cancellationToken)
    {
        if (posture.Document.Secrets?.BackupRecipient is not { Length: > 0 } recipient)
        {
            return new Observation("state:evidence-key", "no-recipient", Source, "secrets.backupRecipient is not set: evidence and backups of secret files stay unencrypted in the state dir");
        }

        var result = await host.Commands.RunAsync("gpg", ["--batch", "--with-colons", "--list-keys", "--", recipient], TimeSpan.FromSeconds(15), cancellationToken: cancellationToken);
        return result.Succeeded
            ? new Observation("state:evidence-key", "present", Source, $"gpg holds the key of {recipient}")
            : new Observation("state:evidence-key", "absent", Source, $"gpg has no key for {recipient} (secrets.backupRecipient)");
    }
}
