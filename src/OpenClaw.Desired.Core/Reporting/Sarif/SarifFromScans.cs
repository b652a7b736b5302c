using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Resources.Skills.Audit;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Reporting.Sarif;

/// <summary>The skill audit and the secret scanner as SARIF: file:line(:col) locations, never the matched text or a secret.</summary>
public static class SarifFromScans
{
    public static string SkillAudits(IEnumerable<SkillAudit> audits, SecretRedactor redactor)
    {
        var rules = new List<SarifRule>();
        var results = new List<SarifResult>();
        foreach (var audit in audits)
        {
            foreach (var finding in audit.Findings)
            {
                rules.Add(SarifFromReport.FindingRule("skills", finding.Rule, finding.Why));
                var path = Path.Combine(audit.Path, finding.File);
                results.Add(new SarifResult(finding.Rule, SarifLog.Level(finding.Severity.Name()), $"{Path.GetFileName(audit.Path)}: {finding.Why} ({finding.Severity.Name()})",
                    new SarifLocation(path, finding.Line), $"{path}\n{finding.Line}"));
            }
        }

        return SarifLog.Write(rules, results, redactor, "openclaw-desired/skills-audit/");
    }

    public static string Secrets(IEnumerable<SecretFinding> findings, SecretRedactor redactor, IEnumerable<SecretFinding>? identifiers = null)
    {
        var rules = new List<SarifRule>();
        var results = new List<SarifResult>();
        foreach (var found in findings)
        {
            var info = SecretKinds.Get(found.Kind);
            var id = $"secret/{found.Kind}";
            rules.Add(new SarifRule(id, $"plaintext {info.Description}", $"A {info.Description} is stored in plaintext where agents and skills can read it.",
                "Move it into the secret store (`openclaw-desired reconcile` does it when the posture's secrets section is set), then rotate it: it may have been read already.", "error"));
            results.Add(new SarifResult(id, "error", $"a plaintext {info.Description} ({found.Length} characters, {found.Fingerprint})", new SarifLocation(found.Path, found.Line, found.Column),
                $"{found.Path}\n{found.Line}\n{found.Column}\n{found.Length}"));
        }

        // Sensitive identifiers: not secrets, never moved; a note, so code scanning shows them below every credential.
        foreach (var found in identifiers ?? [])
        {
            var what = SensitiveIdentifiers.Describe(found.Kind);
            var id = $"identifier/{found.Kind}";
            rules.Add(new SarifRule(id, what, $"A sensitive identifier ({what}) is not a secret, but it tells an attacker which account or resource to aim at.",
                "Nothing to move: `openclaw-desired reconcile` leaves identifiers where they are. Remove it from files agents read if it need not be there.", "note"));
            results.Add(new SarifResult(id, "note", $"{what} (not a secret, not moved; {found.Length} characters, {found.Fingerprint})", new SarifLocation(found.Path, found.Line, found.Column),
                $"{found.Path}\n{found.Line}\n{found.Column}\n{found.Length}"));
        }

        return SarifLog.Write(rules, results, redactor, "openclaw-desired/secrets-scan/");
    }
}
