using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Integrity;

/// <summary>The end of an applying run: the watched files as the run leaves them become the baseline.</summary>
public static class IntegrityStep
{
    /// <summary>Records the baseline; returns a line for the report when it could not.</summary>
    public static IReadOnlyList<string> Record(HostContext host, StateDirectory state, EffectivePosture posture, string runId)
    {
        try
        {
            IntegrityBaseline.Record(host.Fs, state, WatchedPaths.For(posture, host), runId, host.Clock);
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return [host.Redactor.Redact($"the integrity baseline could not be recorded: {Reporting.UserMessage.Of(e)}")];
        }
    }
}
