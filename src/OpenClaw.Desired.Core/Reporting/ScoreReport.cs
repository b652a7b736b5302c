using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Reporting;

/// <summary>
/// The security score, 0–10 overall and per category, from observations only (see Scoring/ScoreCriteria). A dry run
/// carries <see cref="After"/>, the score once its plan is applied; an applying run carries <see cref="Before"/>.
/// </summary>
public sealed record ScoreReport(double Overall, double Target, IReadOnlyList<ScoreCategoryReport> Categories)
{
    /// <summary>The score once the plan's automatic, unwaived changes are applied (dry runs).</summary>
    public ScoreReport? After { get; init; }

    /// <summary>The score before the apply (applying runs).</summary>
    public ScoreReport? Before { get; init; }

    [JsonIgnore]
    public bool BelowTarget => Overall < Target;

    /// <summary>Criteria that cost points (not met or unknown), heaviest first: what to earn back.</summary>
    [JsonIgnore]
    public IEnumerable<(string Category, ScoreCriterionReport Criterion)> Missing =>
        Categories.SelectMany(c => c.Criteria.Where(k => k.Met != true).Select(k => (c.Name, k)))
            .OrderByDescending(x => x.k.Weight).ThenBy(x => x.k.Id, StringComparer.Ordinal)
            .Select(x => (x.Name, x.k));
}

/// <summary>One category: its score (weights met / all weights, out of 10) and every criterion.</summary>
public sealed record ScoreCategoryReport(string Name, double Score, IReadOnlyList<ScoreCriterionReport> Criteria);

/// <summary>One criterion: met true, false, or null for unknown (which counts as not met and says so).</summary>
public sealed record ScoreCriterionReport(string Id, int Weight, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Met, string Why)
{
    /// <summary>How to earn the weight back (only on criteria that cost points).</summary>
    public string? EarnBack { get; init; }
}

/// <summary>Outbound connection attempts the owned firewall table refused since it was loaded.</summary>
public sealed record ConnectionsReport(long RefusedPackets, long RefusedBytes, IReadOnlyList<RefusedDestination> Top)
{
    /// <summary>Where the full log is: the kernel log, prefixed (rate-limited).</summary>
    public string? LogPrefix { get; init; }
}

/// <summary>One destination the firewall refused: address, port and how many packets.</summary>
public sealed record RefusedDestination(string Address, int Port, long Packets);
