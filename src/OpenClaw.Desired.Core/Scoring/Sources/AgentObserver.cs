using System.Globalization;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.AgentControls;

namespace OpenClaw.Desired.Scoring.Sources;

/// <summary>The gateway token's length, wherever it is kept (the controls in openclaw.json are read by <see cref="ConfigObserver"/>).</summary>
internal static class AgentObserver
{
    public const string Source = AgentControlsKind.Name;

    public static IEnumerable<Observation> Observe(AgentObservation observed, KindPlan plan)
    {
        yield return observed.Config.Config is null
            ? Observation.Unknown("agent:gateway.token", Source, observed.Config.Unknown ?? "openclaw.json could not be read")
            : Token(observed, plan);
        yield return new Observation(ObservationSet.Marker(Source), "true", Source, "probed");
    }

    /// <summary>
    /// The token's length (behind ${VAR} too). When the posture names the token, the probe judged that one: it is
    /// what the config holds after the plan's write of gateway.auth.token.
    /// </summary>
    private static Observation Token(AgentObservation observed, KindPlan plan)
    {
        var token = observed.Token;
        var fact = token.Length is { } length
            ? new Observation("agent:gateway.token", length.ToString(CultureInfo.InvariantCulture), Source, $"the gateway token ({token.Source}) is {length} characters")
            : token.Missing is { } missing
                ? Observation.Unknown("agent:gateway.token", Source, missing)
                : new Observation("agent:gateway.token", "0", Source, token.Source is null ? "no gateway token is set" : $"the gateway token is {token.Source}, whose length cannot be seen");
        if (observed.DesiredToken is not null && plan.Changes.FirstOrDefault(c => c.Resource == "gateway.auth.token" && c.Action != ChangeAction.Manual) is { } write)
        {
            var current = observed.Config.Config?.Get("/gateway/auth/token") is Newtonsoft.Json.Linq.JValue { Value: string text } && !OpenClaw.SecretKeys.IsReference(text)
                ? new Observation(fact.Key, text.Length.ToString(CultureInfo.InvariantCulture), Source, $"the gateway token (openclaw.json) is {text.Length} characters")
                : Observation.Unknown(fact.Key, Source, "openclaw.json holds another gateway token than the posture's, whose length cannot be seen");
            return current.Converging([write.Id], fact.Value, fact.Detail);
        }

        return fact;
    }
}
