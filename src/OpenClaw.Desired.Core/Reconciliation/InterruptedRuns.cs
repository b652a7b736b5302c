using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Reconciliation;

/// <summary>Finds the newest earlier run whose journal never reached its end, and says how it left each file.</summary>
public static class InterruptedRuns
{
    public static InterruptedRun? Find(HostRoot root, StateDirectory state)
    {
        foreach (var runId in state.RunIds().Reverse())
        {
            var entries = RunJournal.Read(Path.Combine(state.RunPath(runId), RunJournal.FileName));
            if (entries.Count == 0)
            {
                continue;
            }

            if (entries.Any(e => e.Event == JournalEvents.RunEnd))
            {
                return null;
            }

            var files = Rollback.InspectInterrupted(root, entries).Select(f => new RestoredReport(f.Path, f.Action)).ToList();
            return new InterruptedRun(runId, files);
        }

        return null;
    }
}
