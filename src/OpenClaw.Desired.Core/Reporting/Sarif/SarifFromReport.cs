using System.Text.RegularExpressions;
using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Reporting.Sarif;

/// <summary>
/// A run report as SARIF: each planned change, unknown, finding and posture problem is a result. Changes and
/// unknowns point at the posture section that governs their kind; posture problems at their line and column;
/// findings at the host file and line they are in. Loosening changes and expired waivers are errors.
/// </summary>
public static partial class SarifFromReport
{
    /// <summary>What each kind converges, from which posture section, and how to act on its results (data, one row per kind).</summary>
    private static readonly Dictionary<string, (string Section, string Governs)> Kinds = new(StringComparer.Ordinal)
    {
        ["models"] = ("models", "the model chain (primary, fallbacks) and the local Ollama model in openclaw.json"),
        ["agent"] = ("agent", "OpenClaw's agent controls in openclaw.json: exec approval, elevated mode, browser sandbox, read-only social media, skill allowlist, gateway bind/auth/token, log redaction"),
        ["skills"] = ("agent.skills", "installed skills: the allowlist (others are quarantined), pinned content hashes and the static skill audit"),
        ["sandboxes"] = ("sandboxes", "hardened skill containers and OpenClaw's own sandbox settings"),
        ["secrets"] = ("secrets", "plaintext credentials moved into the store, references, file permissions and rotation"),
        ["backups"] = ("backups", "3-2-1 backups: the workspace Git repository, restic archives, their schedule and restore tests"),
        ["firewall"] = ("firewall", "the owned nftables table: outbound filter, proxy or air gap, inbound deny by default"),
    };

    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+):(?<col>\d+): (?<warn>warning: )?(?<message>.*)$")]
    private static partial Regex Positioned();

    public static string Write(RunReport report, SecretRedactor redactor)
    {
        var rules = new List<SarifRule>();
        var results = new List<SarifResult>();
        var posture = report.Posture;

        SarifLocation? SectionOf(string kind)
        {
            var section = Kinds.TryGetValue(kind, out var row) ? row.Section : "tier";
            return posture?.Sections?.GetValueOrDefault(section) is { } spot
                ? new SarifLocation(spot.File, spot.Line, spot.Column)
                : posture is null ? null : new SarifLocation(posture.Path, 1, 1);
        }

        foreach (var change in report.Changes)
        {
            var governs = Kinds.TryGetValue(change.Kind, out var row) ? row.Governs : $"the {change.Kind} resources";
            var id = $"posture/{change.Kind}";
            rules.Add(new SarifRule(id, $"{change.Kind} differs from the posture", $"The host differs from the posture in {governs}.",
                $"The plan names what differs and why, before and after. Apply it with `openclaw-desired reconcile`, or accept the risk for a while with a waiver (`waivers: [{{match: \"{change.Kind}/<resource>\", reason, owner, until}}]`).", "warning"));
            var level = change.Effect == "loosens" ? "error" : change.Action == "manual" ? "warning" : change.Effect == "tightens" ? "warning" : "note";
            var what = change.Action == "manual" ? "manual action" : change.Effect == "loosens" ? "LOOSENS posture" : change.Effect == "tightens" ? "tightens posture" : "change";
            results.Add(new SarifResult(id, level, $"{change.Id} ({what}): {change.Before ?? "unset"} → {change.After ?? "unset"}. {change.Reason}", SectionOf(change.Kind), change.Id + "\n" + change.After, change.Waived));
        }

        foreach (var unknown in report.Unknowns)
        {
            var id = $"unknown/{unknown.Kind}";
            rules.Add(new SarifRule(id, $"{unknown.Kind} could not be probed", "A probe could not see the host's state; unknown is never taken as in sync.", "Fix what kept the probe from seeing (the reason names it) and run again.", "warning"));
            results.Add(new SarifResult(id, "warning", $"{unknown.Kind}/{unknown.Resource}: {unknown.Reason}", SectionOf(unknown.Kind), unknown.Kind + "/" + unknown.Resource));
        }

        foreach (var finding in report.Findings)
        {
            rules.Add(FindingRule(finding.Kind, finding.Rule, finding.Why));
            var location = finding.Path is { } path ? new SarifLocation(path, LineOf(finding.Location)) : SectionOf(finding.Kind);
            results.Add(new SarifResult(finding.Rule, SarifLog.Level(finding.Severity), $"{finding.Kind}/{finding.Resource} {finding.Location}: {finding.Why}", location, finding.Fingerprint ?? finding.Location, finding.Waived));
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            var (rule, level, location, message) = Diagnostic(diagnostic, posture);
            rules.Add(rule);
            results.Add(new SarifResult(rule.Id, level, message, location, message));
        }

        return SarifLog.Write(rules, results, redactor, $"openclaw-desired/{report.Mode}/");
    }

    /// <summary>The rule of an audit finding: its id, and its explanation as help.</summary>
    public static SarifRule FindingRule(string kind, string rule, string why) =>
        new(rule, $"{kind} audit: {rule}", $"The {kind} audit rule {rule}: {why}.", $"Review the file at the location. If the risk is known and accepted, waive this finding by its fingerprint (`waivers: [{{match: \"finding:…\", reason, owner, until}}]`); otherwise remove or fix it.", "warning");

    private static (SarifRule Rule, string Level, SarifLocation? Location, string Message) Diagnostic(string text, PostureInfo? posture)
    {
        var match = Positioned().Match(text);
        var location = match.Success
            ? new SarifLocation(match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : posture is null ? null : new SarifLocation(posture.Path);
        var message = match.Success ? match.Groups["message"].Value : text;
        var warning = match.Success ? match.Groups["warn"].Success : text.Contains(": warning: ", StringComparison.Ordinal);
        SarifRule rule = message switch
        {
            _ when message.Contains("it waives nothing now", StringComparison.Ordinal) =>
                new("waiver/expired", "expired waiver", "A waiver in the posture is past its last day: it accepts nothing any more.", "Renew the waiver with a new `until` (within the tier's limit) if the risk is still accepted, or remove it and let the plan fix the item.", "error"),
            _ when message.Contains("(stale)", StringComparison.Ordinal) =>
                new("waiver/stale", "stale waiver", "A waiver matches nothing in the plan: what it accepted is gone, or its match is mistyped.", "Remove the waiver, or correct its `match` (a change id as the plan prints it, an OpenClaw check id, or a finding fingerprint).", "warning"),
            _ => warning
                ? new("posture/warning", "posture warning", "The posture is usable, but something in it is probably not what was meant.", "Read the message at the position and adjust the posture.", "warning")
                : new("posture/problem", "posture problem", "The posture cannot be used as written, or the run stopped on a problem.", "Fix the posture at the position given (`openclaw-desired validate` lists every problem at once).", "error"),
        };
        return (rule, warning ? "warning" : "error", location, message);
    }

    private static int LineOf(string location)
    {
        var colon = location.LastIndexOf(':');
        return colon > 0 && int.TryParse(location[(colon + 1)..], out var line) ? line : 0;
    }
}
