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
        foreach (var path in was.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var from = was.GetValueOrDefault(path);
            var to = now.GetValueOrDefault(path);
            if (from != to)
            {
                changes.Add(new PostureChangeReport(path, from, to, PostureEffects.Of(path, from, to).ToString().ToLowerInvariant()));
            }
        }

        return changes;
    }

    public static bool Loosens(IEnumerable<PostureChangeReport> changes) =>
        changes.Any(c => c.Effect == nameof(PostureEffect.Loosens).ToLowerInvariant());
}
