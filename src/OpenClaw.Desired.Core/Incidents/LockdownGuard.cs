using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Incidents;

/// <summary>
/// While a lockdown holds, reconcile applies nothing (it could start containers or change files under investigation):
/// a dry run says the host is locked down; an applying run is refused with nothing changed.
/// </summary>
public static class LockdownGuard
{
    /// <summary>The report with the lockdown's note, and whether an applying run must stop here.</summary>
    public static (RunReport Report, bool Refuse) Check(RunReport report, StateDirectory state, bool dryRun)
    {
        LockdownRecord? record;
        try
        {
            record = LockdownRecord.Active(state);
        }
        catch (InvalidDataException e)
        {
            return (report with { Diagnostics = [.. report.Diagnostics, e.Message] }, !dryRun);
        }

        if (record is null)
        {
            return (report, false);
        }

        if (dryRun)
        {
            return (report with { Diagnostics = [.. report.Diagnostics, record.Note] }, false);
        }

        return (report with { Result = "refused", ExitCode = ExitCodes.Error, Diagnostics = [.. report.Diagnostics, $"not applied: this host is locked down since {record.Since.UtcDateTime:yyyy-MM-dd HH:mm}Z ({record.Reason}); release it first with `openclaw-desired lockdown --release`; nothing was changed"] }, true);
    }
}
