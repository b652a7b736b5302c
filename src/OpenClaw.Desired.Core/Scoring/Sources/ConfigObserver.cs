using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Scoring.Sources;

/// <summary>
/// openclaw.json as the score reads it: the controls it holds now, and as every kind's planned edits of it (agent
/// controls, models, sandboxes, skills) would leave it. Read once per plan, through the safe filesystem.
/// </summary>
public static class ConfigObserver
{
    public const string Source = "config";

    public static IReadOnlyList<Observation> Observe(EffectivePosture posture, HostContext host, Plan plan)
    {
        var path = host.PathsFor(posture).ConfigPath;
        OpenClawConfig config;
        try
        {
            var text = host.Fs.TryReadAllText(path, ConfigObservation.MaxConfigBytes);
            config = text is null ? OpenClawConfig.Empty() : OpenClawConfig.Parse(text);
        }
        catch (Exception e) when (e is OpenClawConfigException or IOException or UnauthorizedAccessException or Host.Fs.UnsafePathException)
        {
            return [.. ConfigFacts.Unknown(Source, $"{path} cannot be read: {Reporting.UserMessage.Of(e)}"), Marker()];
        }

        var edits = plan.Changes.Where(c => c.Action != ChangeAction.Manual && c.Payload is JsonEdit edit && edit.HostPath == path)
            .Select(c => (Change: c, Edit: (JsonEdit)c.Payload!)).ToList();
        var after = ConfigFacts.Edited(config, edits.Select(e => e.Edit));
        return [.. ConfigFacts.Observe(Source, config, after, edits), Marker()];
    }

    private static Observation Marker() => new(ObservationSet.Marker(Source), "true", Source, "read");
}
