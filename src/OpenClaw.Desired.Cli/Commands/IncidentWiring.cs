using OpenClaw.Desired.Incidents;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// The one place the CLI chooses where incident alerts go (lockdown, release, integrity drift, the score gate in the
/// loop). This build has no alert channel of its own, so nothing is sent; a build with alert channels returns the
/// posture's here.
/// </summary>
internal static class IncidentWiring
{
    public static Func<EffectivePosture?, IIncidentNotifier> Notifiers { get; set; } = _ => NullIncidentNotifier.Instance;
}
