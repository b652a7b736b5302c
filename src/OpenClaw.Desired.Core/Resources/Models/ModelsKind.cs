using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Resources.Controls;

namespace OpenClaw.Desired.Resources.Models;

/// <summary>
/// Model fallbacks: <c>agents.defaults.model</c> (primary + fallbacks), the allowlist in
/// <c>agents.defaults.models</c> when one is in use, and the local Ollama provider block; the local
/// endpoint must answer and list the model.
/// </summary>
public sealed class ModelsKind : ResourceKind<ModelsObservation>
{
    public const string Name = "models";

    public override string Kind => Name;

    public override int ApplyOrder => 30;

    public override bool AppliesTo(EffectivePosture posture) => posture.Models.Primary is not null || posture.Models.Local is not null;

    public override async Task<ModelsObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var config = ConfigObservation.ProbeAsync(host, host.PathsFor(posture), cancellationToken);
        var endpoint = posture.Models.Local is { Probe: true } local
            ? new OllamaClient(host.Http).ListAsync(local.BaseUrl, cancellationToken)
            : Task.FromResult<EndpointObservation?>(null)!;
        return new ModelsObservation(await config, await endpoint);
    }

    public override KindPlan Diff(EffectivePosture posture, ModelsObservation observed) =>
        KindPlan.Of(Kind, DiffChanges(posture, observed, out var unknowns), unknowns);

    private List<PlannedChange> DiffChanges(EffectivePosture posture, ModelsObservation observed, out List<UnknownState> unknowns)
    {
        unknowns = [];
        var changes = new List<PlannedChange>();
        if (observed.Config.Unknown is { } why)
        {
            unknowns.Add(new UnknownState(Kind, "openclaw.json", why));
        }
        else
        {
            foreach (var control in Controls(posture, observed.Config.Config!))
            {
                if (control.Diff(Kind, observed.Config) is { } change)
                {
                    changes.Add(change);
                }
            }

            // Every agent that overrides the model gets the posture's chain too (catalog rows this kind owns).
            changes.AddRange(ControlPlanner.Plan(Kind, ControlCatalog.OwnedBy(Kind), new ControlContext(posture, observed.Config.Config!), observed.Config));
        }

        if (posture.Models.Local is { } local && observed.Endpoint is { } endpoint)
        {
            foreach (var model in LocalModels(posture.Models, local))
            {
                var resource = $"endpoint/{local.Provider}/{model}";
                if (endpoint.Unknown is { } unreachable)
                {
                    unknowns.Add(new UnknownState(Kind, resource, unreachable));
                }
                else if (!endpoint.Models!.Contains(model))
                {
                    changes.Add(local.Pull
                        ? new PlannedChange(Kind, resource, ChangeAction.Create, "the local model is not on the endpoint; pull: true", "absent", "pulled", PostureEffect.Tightens, new OllamaPull(local.BaseUrl, model))
                        : new PlannedChange(Kind, resource, ChangeAction.Manual, $"the local model is not on the endpoint: run `ollama pull {model}` (or set models.local.pull: true)", "absent", "present", PostureEffect.Tightens));
                }
            }
        }

        return changes;
    }

    private static IEnumerable<ConfigControl> Controls(EffectivePosture posture, OpenClawConfig config)
    {
        var models = posture.Models;
        if (models.Primary is not null)
        {
            var desired = new JObject { ["primary"] = models.Primary, ["fallbacks"] = new JArray(models.Fallbacks) };
            var reason = models.LocalOnly ? "model chain (local models only)" : "model chain: primary and fallbacks";
            yield return new ConfigControl("/agents/defaults/model", desired, reason, (cur, _) => ChainEffect(cur, models, posture)) { Format = FormatChain };
            // A non-empty agents.defaults.models is OpenClaw's model allowlist: every model in the chain must be on it.
            if (config.Get("/agents/defaults/models") is JObject allow && allow.Count > 0)
            {
                foreach (var reference in models.Chain.Where(r => allow[r] is null))
                {
                    yield return new ConfigControl(JsonPointer.Of("agents", "defaults", "models", reference), new JObject(), "model allowlist must hold every model of the chain", Effects.Neutral);
                }
            }
        }

        if (models.Local is { } local)
        {
            var provider = JsonPointer.Of("models", "providers", local.Provider);
            yield return new ConfigControl(provider + "/baseUrl", local.BaseUrl, "local model provider (Ollama's native API, no /v1)", Effects.Neutral);
            yield return new ConfigControl(provider + "/api", "ollama", "local model provider speaks Ollama's API", Effects.Neutral);
            if (config.Get(provider + "/apiKey") is null)
            {
                yield return new ConfigControl(provider + "/apiKey", "ollama-local", "Ollama needs a placeholder key when configured explicitly", Effects.Neutral);
            }

            var listed = config.Get(provider + "/models") as JArray ?? [];
            var missing = LocalModels(models, local).Where(model => listed.All(m => (string?)m["id"] != model)).ToList();
            if (missing.Count > 0)
            {
                var desired = new JArray(listed.Select(m => m.DeepClone()).Concat(missing.Select(model => new JObject { ["id"] = model, ["name"] = model })));
                yield return new ConfigControl(provider + "/models", desired, "local models of the chain are declared on their provider", Effects.Neutral);
            }
        }
    }

    private static string FormatChain(JToken value) => value switch
    {
        JObject o => $"{(string?)o["primary"]}, fallbacks [{string.Join(", ", (o["fallbacks"] ?? new JArray()).Select(t => (string?)t))}]",
        _ => value.ToString(),
    };

    /// <summary>The local model and every model of the chain served by the same local provider.</summary>
    private static IEnumerable<string> LocalModels(EffectiveModels models, EffectiveLocalModel local) =>
        models.Chain.Where(r => r.StartsWith(local.Provider + "/", StringComparison.Ordinal)).Select(r => r[(local.Provider.Length + 1)..])
            .Append(local.Model).Distinct(StringComparer.Ordinal);

    private static PostureEffect ChainEffect(JToken? current, EffectiveModels models, EffectivePosture posture)
    {
        var before = current switch
        {
            JValue v when v.Type == JTokenType.String => [(string)v!],
            JObject o => new[] { (string?)o["primary"] }.Concat(o["fallbacks"]?.Select(f => (string?)f) ?? []).OfType<string>().ToList(),
            _ => new List<string>(),
        };
        bool Cloud(string reference) => !SemanticChecks.IsLocal(reference.Split('/')[0], posture.Document);
        // What matters is whether prompts may leave the host at all, not how many providers could see them.
        var cloudBefore = before.Count == 0 || before.Any(Cloud);
        var cloudAfter = models.Chain.Any(Cloud);
        return cloudBefore == cloudAfter ? PostureEffect.Neutral : cloudAfter ? PostureEffect.Loosens : PostureEffect.Tightens;
    }

    public override async Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken)
    {
        switch (change.Payload)
        {
            case JsonEdit or AgentEdit:
                return await ConfigEdits.ApplyAsync(change, context, cancellationToken);
            case OllamaPull pull:
                var error = await new OllamaClient(context.Host.Http).PullAsync(pull.BaseUrl, pull.Model, cancellationToken);
                return error is null ? ChangeOutcome.Applied(change, $"pulled {pull.Model}") : ChangeOutcome.Failed(change, error);
            default:
                return ChangeOutcome.Skipped(change, "nothing to apply");
        }
    }
}
