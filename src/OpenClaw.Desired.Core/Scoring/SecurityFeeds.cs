using System.Globalization;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Scoring;

/// <summary>One metric sample: name, help, type, labels and value, in Prometheus' terms.</summary>
public sealed record MetricSample(string Name, string Help, string Type, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// What monitoring reads from this part: the security score (overall and per category, 0–10) and the refused outbound
/// connections, measured on demand from the posture and the host (a dry run's probes of the scored kinds: nothing is
/// written), and the same as metric samples. A Prometheus exporter publishes <see cref="Samples"/> as they are.
/// </summary>
public static class SecurityFeeds
{
    private static readonly string[] Unscored = [Resources.Models.ModelsKind.Name, Resources.Sandboxes.SandboxesKind.Name];

    /// <summary>The score now and the refused connections, from one plan of the kinds the score reads.</summary>
    public static async Task<(ScoreReport Score, ConnectionsReport? Connections)> MeasureAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var reconciler = new Reconciler(ResourceKinds.All().Where(k => !Unscored.Contains(k.Kind)).ToList());
        var plan = await reconciler.PlanAsync(posture, host, null, cancellationToken);
        var state = new StateDirectory(host.StateDir ?? new RunOptions { PosturePath = string.Empty, Root = host.Root.Root }.ResolveStateDir(host.Root));
        var observations = await ScoreStep.ObserveAsync(plan, posture, host, state, null, cancellationToken);
        return (ScoreEngine.Score(observations, ScoreTarget.Of(posture)), plan.Kinds.Select(k => k.Connections).FirstOrDefault(c => c is not null));
    }

    public static IEnumerable<MetricSample> Samples(ScoreReport? score, ConnectionsReport? connections)
    {
        if (score is not null)
        {
            const string help = "The security score from what the probes see, 0-10 (docs/score.md); category overall is the mean of the categories.";
            yield return new MetricSample("openclaw_desired_score", help, "gauge", Label("category", "overall"), score.Overall);
            foreach (var category in score.Categories)
            {
                yield return new MetricSample("openclaw_desired_score", help, "gauge", Label("category", category.Name), category.Score);
            }

            yield return new MetricSample("openclaw_desired_score_target", "score.target of the posture (0: no target).", "gauge", new Dictionary<string, string>(), score.Target);
            foreach (var criterion in score.Categories.SelectMany(c => c.Criteria.Select(k => (c.Name, k))))
            {
                yield return new MetricSample("openclaw_desired_score_criterion_met", "1 when a criterion is met, 0 when not, -1 when unknown.", "gauge",
                    new Dictionary<string, string> { ["category"] = criterion.Name, ["criterion"] = criterion.k.Id }, criterion.k.Met switch { true => 1, false => 0, null => -1 });
            }
        }

        if (connections is not null)
        {
            yield return new MetricSample("openclaw_desired_firewall_refused_packets_total", "Outbound packets the owned firewall table refused since it was loaded.", "counter", new Dictionary<string, string>(), connections.RefusedPackets);
            foreach (var top in connections.Top)
            {
                yield return new MetricSample("openclaw_desired_firewall_refused_destination_packets", "Refused outbound packets to one of the busiest refused destinations (kept a day).", "gauge",
                    new Dictionary<string, string> { ["address"] = top.Address, ["port"] = top.Port.ToString(CultureInfo.InvariantCulture) }, top.Packets);
            }
        }
    }

    /// <summary>The samples in Prometheus' text exposition format.</summary>
    public static string Exposition(IEnumerable<MetricSample> samples)
    {
        var text = new System.Text.StringBuilder();
        foreach (var group in samples.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            text.Append("# HELP ").Append(group.Key).Append(' ').Append(group.First().Help).Append('\n');
            text.Append("# TYPE ").Append(group.Key).Append(' ').Append(group.First().Type).Append('\n');
            foreach (var sample in group)
            {
                var labels = sample.Labels.Count == 0 ? string.Empty : "{" + string.Join(",", sample.Labels.Select(l => $"{l.Key}=\"{l.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"")) + "}";
                text.Append(sample.Name).Append(labels).Append(' ').Append(sample.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static Dictionary<string, string> Label(string name, string value) => new() { [name] = value };
}
