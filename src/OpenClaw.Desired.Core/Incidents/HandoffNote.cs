using System.Text;

namespace OpenClaw.Desired.Incidents;

/// <summary>
/// HANDOFF.md, the note the hardening guide tells agents and operators to hand over with: what happened, when, what
/// was stopped, what to rotate, where the evidence is and how to release. An earlier HANDOFF.md in the workspace is
/// kept below the incident's part (and comes back as it was on release).
/// </summary>
public static class HandoffNote
{
    public const string FileName = "HANDOFF.md";

    /// <summary>An earlier note up to this size is quoted below the incident's part; a larger one is only mentioned.</summary>
    public const long MaxQuotedBytes = 1024 * 1024;

    public static string Render(LockdownRecord record, string host, string root, string stateDir, string? previous)
    {
        var text = new StringBuilder();
        text.Append("# HANDOFF: incident lockdown ").Append(record.Id).Append("\n\n");
        text.Append("- **What happened:** ").Append(record.Reason).Append('\n');
        text.Append("- **When:** ").Append(record.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append(" UTC, by ").Append(record.By).Append(" on ").Append(host).Append('\n');
        text.Append("- **State:** locked down. The agent is stopped, the network is cut, applying is suspended. Do not start the gateway by hand.\n\n");

        text.Append("## What was stopped\n\n");
        Lines(text, record.Stopped.Select(s => s.Describe()), "nothing was running (no gateway unit active, no process on the gateway port)");
        text.Append("\n## Network\n\n");
        text.Append(record.AirGap is not null
            ? $"- Air gap: table `{AirGap.Qualified}`{(record.Netns is null ? string.Empty : $" (network namespace {record.Netns})")} drops everything but loopback and SSH, open connections included.\n"
            : $"- Not cut: {record.FirewallSkipped}\n");
        text.Append("\n## Skills taken out (quarantine)\n\n");
        Lines(text, record.Quarantined, "none: every installed skill is on the allowlist");
        text.Append("\n## Secrets to rotate now\n\n");
        Lines(text, record.Suspected.Select(s => $"`{s.Name}`: rotate it at its issuer, put the new value in the store, then `openclaw-desired secrets rotated {s.Name}`"), "the store holds no secret");
        if (record.Plaintext.Count > 0)
        {
            text.Append("\nCredentials lying in plaintext outside the store when the lockdown began (rotate them too):\n\n");
            Lines(text, record.Plaintext, string.Empty);
        }

        text.Append("\nEvery credential the agent could read may have left with it; rotate these before release, and any other credential the agent could reach.\n");
        text.Append("\n## Evidence\n\n");
        text.Append(record.Evidence is { } evidence
            ? $"- Sealed in `{evidence}` (manifest sha256 `{record.EvidenceManifestSha256}`). Check it with `openclaw-desired evidence verify {evidence}`. It holds secrets: keep it on this host or encrypted.\n"
            : "- No evidence was sealed.\n");
        text.Append("\n## How to release\n\n");
        text.Append("1. Investigate with the evidence; find how the agent was compromised and remove the cause.\n");
        text.Append("2. Rotate every secret above; each `secrets rotated NAME` clears its mark.\n");
        text.Append($"3. Release: `openclaw-desired lockdown --release{(root == "/" ? string.Empty : $" --root {root}")} --state-dir {stateDir}` puts back what the lockdown changed (network, services, skills, this file), and nothing the operators changed since.\n");
        text.Append("4. Reconcile, then `openclaw-desired score` to see where the host stands.\n");
        if (previous is not null)
        {
            text.Append("\n---\n\n").Append(previous);
        }

        return text.ToString();
    }

    private static void Lines(StringBuilder text, IEnumerable<string> lines, string none)
    {
        var list = lines.ToList();
        foreach (var line in list.DefaultIfEmpty(none))
        {
            text.Append("- ").Append(line).Append('\n');
        }
    }
}
