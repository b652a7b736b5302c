using OpenClaw.Desired.Host;
using OpenClaw.Desired.Incidents;
using OpenClaw.Desired.Monitoring.Alerts;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// The one place the CLI chooses where incident alerts go (lockdown, release): the alert channels of the posture's
/// <c>monitoring.alerts</c>. Without a posture nothing is sent.
/// </summary>
internal static class IncidentWiring
{
    public static Func<EffectivePosture?, HostContext, IIncidentNotifier> Notifiers { get; set; } =
        (posture, host) => posture is null ? NullIncidentNotifier.Instance : new AlertChannelNotifier(posture, host);
}
