using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Incidents.Evidence;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Firewall;
using OpenClaw.Desired.Resources.Skills;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Incidents;

/// <summary>The steps of a lockdown: what each finds to do, then doing it, each journalled and reported.</summary>
public sealed partial class LockdownRun
{
    /// <summary>Journal events of the steps that change no file (files go through the FileChanger's own events).</summary>
    public static class Events
    {
        public const string Evidence = "lockdown-evidence";
        public const string Stopped = "lockdown-stopped";
        public const string AirGap = "lockdown-airgap";
        public const string Suspected = "lockdown-suspected";
        public const string Suspended = "lockdown-suspended";
    }

    private sealed record Steps(
        bool Evidence,
        IReadOnlyList<StoppedService> Running,
        string? ServicesSkipped,
        IReadOnlyList<string> ServicesLeft,
        bool AirGap,
        string? FirewallSkipped,
        IReadOnlyList<int> SshPorts,
        IReadOnlyList<FoundSkill> Skills,
        string Allowlist,
        IReadOnlyList<(string Name, string Fingerprint)> Secrets,
        string? SecretsProblem,
        bool Suspend,
        bool Handoff)
    {
        public bool NothingToDo => !Evidence && Running.Count == 0 && !AirGap && Skills.Count == 0 && Secrets.Count == 0 && !Suspend && !Handoff;
    }

    private async Task<Steps> CheckAsync(LockdownOptions options, EffectivePosture posture, HostContext host, StateDirectory state, LockdownRecord? existing, CancellationToken cancellationToken)
    {
        var paths = host.PathsFor(posture);
        var netns = existing?.Netns ?? FirewallSettings.From(posture).Netns;
        var (running, servicesSkipped, servicesLeft) = await GatewayControl.FindAsync(host, paths.User, netns, GatewayPort(host, paths), cancellationToken);
        foreach (var value in running.Concat(existing?.Stopped ?? []).SelectMany(s => CommandLineSecrets.Of(s.CommandLine)))
        {
            host.Redactor.Add(value);
        }

        var firewallSkipped = !host.Root.IsRealRoot && netns is null
            ? "a scratch root without a network namespace (firewall.netns) has no network of its own: the firewall step is skipped"
            : null;
        var airGap = firewallSkipped is null && (existing?.AirGap is not { } listed || await AirGap.ListAsync(host, netns, cancellationToken) != listed);
        var (skills, allowlist, _) = LockdownSkills.Outside(posture, host);
        var (stored, secretsProblem) = await LockdownSecrets.StoredAsync(posture, host, cancellationToken);
        var handoff = existing is null || !host.Fs.Stat($"{paths.Workspace}/{HandoffNote.FileName}").Exists;
        return new Steps(
            existing?.Evidence is null,
            running,
            servicesSkipped,
            servicesLeft,
            airGap,
            firewallSkipped,
            AirGap.SshPorts(host),
            skills,
            allowlist,
            LockdownSecrets.Unmarked(stored, state, existing?.Id ?? "?"),
            secretsProblem,
            SuspendFile.Active(state.Path, clock.GetUtcNow()) is null,
            handoff);
    }

    private async Task<LockdownRecord> ApplyAsync(
        Steps steps, LockdownRecord record, EffectivePosture posture, HostContext host, StateDirectory state, FileChanger files, RunJournal journal, string runDirectory,
        List<ChangeReport> changes, List<string> diagnostics, CancellationToken cancellationToken)
    {
        var paths = host.PathsFor(posture);
        ChangeReport Step(string resource, string action, string reason, string? before, string? after, string outcome, string? message = null) =>
            new(Kind, resource, action, reason, before, after, "tightens", outcome, message);

        // The record is saved after every step, so a lockdown killed at any point is released (or finished) from what it did.
        LockdownRecord Saved(LockdownRecord r)
        {
            r.Save(state);
            return r;
        }

        if (steps.Evidence)
        {
            var scope = new EvidenceScope(paths, host.Homes.HomeOf(paths.User), state, record.Netns, Logs(host, paths)) { AgentUid = Secrets.AgentUser.Lookup(host.Root, paths.User)?.Uid };
            SealedBundle? bundle = null;
            try
            {
                bundle = await EvidenceBundle.SealAsync(host, scope, record.Id, record.Reason, posture.Document.Secrets?.BackupRecipient, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Host.Fs.UnsafePathException)
            {
                // Evidence comes first, but never instead of the stop: a full disk (the agent can fill it) or a missing
                // key must not leave the agent running. The next lockdown seals it again.
                changes.Add(Step("evidence", "create", "the state of the host, sealed before anything is stopped", "none", "not sealed", "failed",
                    host.Redactor.Redact($"{UserMessage.Of(e)}; the lockdown went on without it")));
            }

            if (bundle is not null)
            {
                journal.Append(new JournalEntry { Event = Events.Evidence, Path = bundle.Folder, Detail = $"manifest sha256 {bundle.ManifestSha256}" });
                record = Saved(record with { Evidence = bundle.Folder, EvidenceManifestSha256 = bundle.ManifestSha256 });
                changes.Add(Step("evidence", "create", "the state of the host, sealed before anything is stopped", "none",
                    $"{bundle.Folder} ({bundle.Copied} files{(bundle.Manifest.Encrypted ? $", encrypted to {bundle.Manifest.Recipient}" : string.Empty)}; manifest sha256 {bundle.ManifestSha256})", "applied"));
            }
        }

        diagnostics.AddRange(steps.ServicesLeft.Select(left => $"gateway: {left}"));
        if (steps.ServicesSkipped is { } skipped)
        {
            diagnostics.Add($"gateway: {skipped}");
        }
        else if (steps.Running.Count > 0)
        {
            foreach (var service in steps.Running)
            {
                journal.Append(new JournalEntry { Event = Events.Stopped, ChangeId = "lockdown/gateway", Detail = service.Describe() });
            }

            record = Saved(record with { Stopped = [.. record.Stopped, .. steps.Running] });
            var problems = await GatewayControl.StopAsync(host, steps.Running, cancellationToken);
            changes.Add(Step("gateway", "update", "the OpenClaw gateway and its agents stop", string.Join("; ", steps.Running.Select(s => s.Describe())), "stopped",
                problems.Count == 0 ? "applied" : "failed", problems.Count == 0 ? null : string.Join("; ", problems)));
        }

        if (steps.FirewallSkipped is { } noFirewall)
        {
            record = record with { FirewallSkipped = noFirewall };
            diagnostics.Add($"network: {noFirewall}");
        }
        else if (steps.AirGap)
        {
            journal.Append(new JournalEntry { Event = Events.AirGap, ChangeId = "lockdown/network", Detail = $"{AirGap.Qualified}{(record.Netns is null ? string.Empty : $" in {record.Netns}")}" });
            var problem = await AirGap.ApplyAsync(host, record.Netns, steps.SshPorts, runDirectory, cancellationToken);
            var listing = problem is null ? await AirGap.ListAsync(host, record.Netns, cancellationToken) : null;
            record = Saved(record with { AirGap = listing ?? record.AirGap });
            var ssh = steps.SshPorts.Count == 0 ? "no sshd configured" : $"SSH (tcp {string.Join(", ", steps.SshPorts)}) stays open";
            changes.Add(Step("network", "create", $"air gap at once, no commit-confirm: only loopback and SSH; {ssh}", "connected", $"table {AirGap.Qualified}: everything else dropped",
                problem is null ? "applied" : "failed", problem));
        }

        foreach (var skill in steps.Skills)
        {
            var change = new PlannedChange(Kind, $"skill/{skill.Name}", ChangeAction.Quarantine, "lockdown: not on the allowlist", skill.HostPath, "quarantined", PostureEffect.Tightens);
            var payload = new QuarantineSkill(skill.HostPath, skill.Name, host.Fs.HashOf(host.Fs.ResolveLinks(skill.HostPath) ?? skill.HostPath), $"lockdown {record.Id}: {record.Reason} ({steps.Allowlist})", paths.ConfigPath);
            var outcome = await SkillQuarantine.QuarantineAsync(change, payload, new ApplyContext(host, files, posture), cancellationToken);
            record = Saved(record with { Quarantined = [.. record.Quarantined, $"{skill.Name} ({skill.HostPath})"] });
            changes.Add(Step($"skill/{skill.Name}", "quarantine", $"not on the allowlist ({steps.Allowlist})", skill.HostPath, "quarantined",
                outcome.Status == OutcomeStatus.Failed || outcome.Status == OutcomeStatus.Stalled ? "failed" : "applied", outcome.Message));
        }

        if (steps.SecretsProblem is { } secretsProblem)
        {
            diagnostics.Add($"secrets: {secretsProblem}; mark them by hand: every credential the agent could read is suspect");
        }

        if (steps.Evidence)
        {
            record = record with { Plaintext = LockdownSecrets.Plaintext(posture, host) };
        }

        if (steps.Secrets.Count > 0)
        {
            var marked = LockdownSecrets.Mark(steps.Secrets, state, record.Id, record.Reason, files.RunId, clock);
            journal.Append(new JournalEntry { Event = Events.Suspected, ChangeId = "lockdown/secrets", Detail = string.Join(", ", marked.Select(m => m.Name)) });
            record = Saved(record with { Suspected = [.. record.Suspected, .. marked] });
            changes.Add(Step("secrets", "update", "every stored secret is suspected: rotation is due now", $"{marked.Count} secret(s)", "suspected: " + string.Join(", ", marked.Select(m => m.Name)), "applied"));
        }

        if (steps.Suspend)
        {
            var before = SuspendFile.Read(state.Path);
            var suspension = new SuspendRecord($"lockdown {record.Id}: {record.Reason}", clock.GetUtcNow(), $"lockdown ({record.By})");
            SuspendFile.Write(state.Path, suspension);
            journal.Append(new JournalEntry { Event = Events.Suspended, ChangeId = "lockdown/loop", Detail = suspension.Reason });
            record = Saved(record with { Suspension = suspension, SuspensionBefore = record.SuspensionBefore ?? before });
            changes.Add(Step("loop", "update", "the converge loop keeps reporting but applies nothing until release", before is null ? "applying" : "suspended", "suspended until release", "applied"));
        }

        if (steps.Handoff)
        {
            var target = $"{paths.Workspace}/{HandoffNote.FileName}";
            var before = host.Fs.Stat(target);
            var previous = !before.IsFile ? null
                : before.Size <= HandoffNote.MaxQuotedBytes ? host.Fs.ReadAllText(target, HandoffNote.MaxQuotedBytes)
                : $"The earlier HANDOFF.md ({before.Size} bytes) is too large to quote here; it is kept in the lockdown's run folder and comes back on release.\n";
            // Read by people and pasted elsewhere: secrets are named, never shown (not even from the agent's own note).
            var text = CommandLineSecrets.Scrub(host.Redactor, HandoffNote.Render(record, Environment.MachineName, host.Root.Root, state.Path, previous));
            var owner = Secrets.AgentUser.Lookup(host.Root, paths.User);
            if (host.Fs.DirectoryExists(paths.Workspace))
            {
                files.Write(target, System.Text.Encoding.UTF8.GetBytes(text), "lockdown/handoff", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, owner);
                record = record with { Handoff = target };
                changes.Add(Step("handoff", previous is null ? "create" : "update", "what happened, what was stopped, what to rotate, how to release", previous is null ? "absent" : "the agent's own note", target, "applied"));
            }
            else
            {
                diagnostics.Add($"handoff: the workspace {paths.Workspace} does not exist; HANDOFF.md is in the run folder only");
                Safety.AtomicFile.Write(Path.Combine(runDirectory, HandoffNote.FileName), System.Text.Encoding.UTF8.GetBytes(text), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return record;
    }

    private static int GatewayPort(HostContext host, OpenClawPaths paths)
    {
        try
        {
            return host.Fs.TryReadAllText(paths.ConfigPath, ConfigObservation.MaxConfigBytes) is { } text
                && OpenClawConfig.Parse(text).Get("/gateway/port") is JValue { Type: JTokenType.Integer } port && (int)port is > 0 and < 65536
                ? (int)port
                : FirewallSettings.GatewayPort;
        }
        catch (Exception e) when (e is OpenClawConfigException or IOException or Host.Fs.UnsafePathException)
        {
            return FirewallSettings.GatewayPort;
        }
    }

    /// <summary>OpenClaw's log files: /tmp/openclaw (its default) and logging.file when set.</summary>
    private static IReadOnlyList<string> Logs(HostContext host, OpenClawPaths paths)
    {
        var logs = new List<string> { "/tmp/openclaw" };
        try
        {
            if (host.Fs.TryReadAllText(paths.ConfigPath, ConfigObservation.MaxConfigBytes) is { } text && OpenClawConfig.Parse(text).Get("/logging/file") is JValue { Value: string file } && file.StartsWith('/'))
            {
                logs.Add(HostRoot.Normalize(file));
            }
        }
        catch (Exception e) when (e is OpenClawConfigException or IOException or Host.Fs.UnsafePathException)
        {
            // The default log folder is collected all the same.
        }

        return logs;
    }
}
