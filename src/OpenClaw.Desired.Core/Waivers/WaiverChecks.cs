using System.Globalization;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Waivers;

/// <summary>
/// Load-time checks of <c>waivers:</c>: a real date, a reason and an owner that say something, no longer than the
/// tier allows from today. An expired waiver is a warning here (it waives nothing any more) and an error in the plan.
/// </summary>
internal static class WaiverChecks
{
    public static ValueList<Waiver> Run(PostureDocument document, Locator at, List<Diagnostic> diagnostics, DateOnly today)
    {
        var specs = document.Waivers ?? [];
        var tier = TierPolicy.Parse(document.Tier);
        var max = WaiverPolicy.MaxDays(tier);
        var waivers = new List<Waiver>();
        var seen = new HashSet<(string, string?)>();
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var path = $"waivers[{i}]";
            var ok = true;
            if (string.IsNullOrWhiteSpace(spec.Reason))
            {
                diagnostics.Add(at.At(path + ".reason", "a waiver must say why the risk is accepted"));
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(spec.Owner))
            {
                diagnostics.Add(at.At(path + ".owner", "a waiver must name who accepted the risk"));
                ok = false;
            }

            if (!DateOnly.TryParseExact(spec.Until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            {
                diagnostics.Add(at.At(path + ".until", $"'{spec.Until}' is not a date (YYYY-MM-DD)"));
                continue;
            }

            if (until.DayNumber - today.DayNumber > max)
            {
                diagnostics.Add(at.At(path + ".until", $"runs {until.DayNumber - today.DayNumber} days from today; the {TierPolicy.Name(tier)} tier allows a waiver at most {max} days (until {today.AddDays(max):yyyy-MM-dd} at the latest)"));
                ok = false;
            }

            if (!seen.Add((spec.Match, spec.Path)))
            {
                diagnostics.Add(at.At(path + ".match", $"'{spec.Match}' is waived twice; the first one counts", Severity.Warning));
            }

            var where = at.At(path, string.Empty);
            var waiver = new Waiver(i, spec.Match.Trim(), spec.Path, spec.Reason.Trim(), spec.Owner.Trim(), until, where.File, where.Line, where.Column);
            if (waiver.ExpiredOn(today))
            {
                diagnostics.Add(at.At(path + ".until", $"waiver '{waiver.Match}' expired on {waiver.UntilText}; it waives nothing now: renew it or remove it", Severity.Warning));
            }

            if (ok)
            {
                waivers.Add(waiver);
            }
        }

        return waivers.ToValueList();
    }
}
