using System.Text;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Waivers;

public enum WaiverStatus
{
    /// <summary>Holds and waives what it matches.</summary>
    Active,

    /// <summary>Past its last day: waives nothing, and is an error in the plan until renewed or removed.</summary>
    Expired,

    /// <summary>Holds but matches nothing in the plan: probably fixed, or mistyped; remove it.</summary>
    Stale,
}

/// <summary>One waiver after a plan: whether it holds and how many items it matched.</summary>
public sealed record WaiverState(Waiver Waiver, WaiverStatus Status, int Matched);

/// <summary>A planned change that a waiver keeps from being applied.</summary>
public sealed record WaivedChange(PlannedChange Change, Waiver Waiver);

/// <summary>A finding a waiver accepts, by the finding's fingerprint.</summary>
public sealed record WaivedFinding(string Fingerprint, Waiver Waiver);

/// <summary>What the posture's waivers did to one plan.</summary>
public sealed record WaiverOutcome(ValueList<WaivedChange> Changes, ValueList<WaivedFinding> Findings, ValueList<WaiverState> States)
{
    public static WaiverOutcome None { get; } = new(ValueList<WaivedChange>.Empty, ValueList<WaivedFinding>.Empty, ValueList<WaiverState>.Empty);

    public IEnumerable<WaiverState> Expired => States.Where(s => s.Status == WaiverStatus.Expired);

    public Waiver? ForFinding(string fingerprint) => Findings.FirstOrDefault(f => f.Fingerprint == fingerprint)?.Waiver;
}

/// <summary>
/// Matches waivers to a plan: a change by its id (<c>kind/resource</c>) or an OpenClaw check id it answers, a
/// finding by its fingerprint or its rule (the check it failed); either only where <see cref="Waiver.Path"/>
/// matches the item's file or resource. Waived changes leave the plan (they are neither applied nor counted by
/// the gate) and are kept beside it for the report. An expired waiver waives nothing.
/// </summary>
public static class WaiverMatcher
{
    public static Plan Apply(Plan plan, IReadOnlyList<Waiver> waivers, DateOnly today)
    {
        if (waivers.Count == 0)
        {
            return plan;
        }

        var matched = new int[waivers.Count];
        var waivedChanges = new List<WaivedChange>();
        var kinds = plan.Kinds.Select(kind =>
        {
            var kept = new List<PlannedChange>();
            foreach (var change in kind.Changes)
            {
                var index = Find(waivers, Keys(change), change.Resource, matched);
                if (index is { } i && !waivers[i].ExpiredOn(today))
                {
                    waivedChanges.Add(new WaivedChange(change, waivers[i]));
                }
                else
                {
                    kept.Add(change);
                }
            }

            return kind with { Changes = kept.ToValueList() };
        }).ToValueList();

        var waivedFindings = new List<WaivedFinding>();
        foreach (var finding in plan.Findings)
        {
            var fingerprint = Fingerprint(finding);
            var index = Find(waivers, [fingerprint, finding.Rule], finding.HostPath ?? FileOf(finding.Location), matched);
            if (index is { } i && !waivers[i].ExpiredOn(today))
            {
                waivedFindings.Add(new WaivedFinding(fingerprint, waivers[i]));
            }
        }

        var states = waivers.Select((w, i) => new WaiverState(w, w.ExpiredOn(today) ? WaiverStatus.Expired : matched[i] == 0 ? WaiverStatus.Stale : WaiverStatus.Active, matched[i]));
        return new Plan(kinds) { Waivers = new WaiverOutcome(waivedChanges.ToValueList(), waivedFindings.ToValueList(), states.ToValueList()) };
    }

    /// <summary>
    /// What a waiver's <c>match</c> may name for a change: its id as the plan prints it, or one of the OpenClaw
    /// security-audit check ids the change closes (so <c>match: gateway.tailscale_funnel</c> accepts that risk).
    /// </summary>
    public static IEnumerable<string> Keys(PlannedChange change) => [change.Id, .. change.Checks];

    /// <summary>A finding's stable fingerprint: the same finding in the same place has the same one on every run.</summary>
    public static string Fingerprint(Finding finding) =>
        "finding:" + Hashing.Sha256Hex(Encoding.UTF8.GetBytes($"{finding.Kind}\n{finding.Resource}\n{finding.Rule}\n{finding.Location}"))[..16];

    /// <summary>The first waiver (in posture order) that matches one of the keys where its path glob allows; counts the match.</summary>
    private static int? Find(IReadOnlyList<Waiver> waivers, IEnumerable<string> keys, string? path, int[] matched)
    {
        var keySet = keys.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < waivers.Count; i++)
        {
            var waiver = waivers[i];
            if (keySet.Contains(waiver.Match) && (waiver.Path is null || (path is not null && Glob.Matches(waiver.Path, path))))
            {
                matched[i]++;
                return i;
            }
        }

        return null;
    }

    private static string FileOf(string location)
    {
        // "scripts/install.sh:12" or "path:12:5": the file part.
        var cut = location.Length;
        for (var parts = 0; parts < 2; parts++)
        {
            var colon = location.LastIndexOf(':', cut - 1 < 0 ? 0 : cut - 1);
            if (colon <= 0 || !location[(colon + 1)..cut].All(char.IsAsciiDigit) || colon + 1 == cut)
            {
                break;
            }

            cut = colon;
        }

        return location[..cut];
    }
}

/// <summary>Path globs of waivers: <c>**</c> crosses folders, <c>*</c> and <c>?</c> stay within one.</summary>
public static class Glob
{
    public static bool Matches(string pattern, string path)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => System.Text.RegularExpressions.Regex.Escape(c.ToString()),
                });
            }
        }

        return System.Text.RegularExpressions.Regex.IsMatch(path, regex.Append('$').ToString(), System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }
}
