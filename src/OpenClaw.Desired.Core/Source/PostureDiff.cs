using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Source;

/// <summary>
/// What a change to the posture repository changes in the desired state: every effective value that
/// differs between two postures, marked tightens, loosens or neutral. Used by pull-request dry runs.
/// </summary>
public static class PostureDiff
{
    public static IReadOnlyList<PostureChangeReport> Compare(EffectivePosture? before, EffectivePosture after, Func<string, string> fingerprint)
    {
        var was = before is null ? new SortedDictionary<string, string>(StringComparer.Ordinal) : PostureValues.Of(before, fingerprint);
        var now = PostureValues.Of(after, fingerprint);
        var changes = new List<PostureChangeReport>();
        // A list entry (a firewall rule) added or removed is judged once, on its name; its fields come with it.
        var whole = was.Keys.Union(now.Keys).Where(p => p.EndsWith("].name", StringComparison.Ordinal) && was.ContainsKey(p) != now.ContainsKey(p))
            .Select(p => p[..^"name".Length]).ToList();
        foreach (var path in was.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var from = was.GetValueOrDefault(path);
            var to = now.GetValueOrDefault(path);
            if (from != to)
            {
                var effect = whole.Any(w => path.StartsWith(w, StringComparison.Ordinal) && !path.EndsWith("].name", StringComparison.Ordinal))
                    ? PostureEffect.Neutral
                    : PostureEffects.Of(path, from, to);
                changes.Add(new PostureChangeReport(path, from, to, effect.ToString().ToLowerInvariant()));
            }
        }

        return changes;
    }

    public static bool Loosens(IEnumerable<PostureChangeReport> changes) =>
        changes.Any(c => c.Effect == nameof(PostureEffect.Loosens).ToLowerInvariant());
}
