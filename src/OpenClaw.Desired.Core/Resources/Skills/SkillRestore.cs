using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>How a restore ended: an exit code and one line for the operator.</summary>
public sealed record RestoreResult(int ExitCode, string Message);

/// <summary>
/// <c>skills restore NAME</c>: returns the newest quarantined copy of a skill to where it was, byte for byte
/// (its hash is checked against the manifest before and after), and puts <c>skills.entries.NAME.enabled</c>
/// back as it was. Runs under the lock with its own journal, so <c>rollback</c> can undo it.
/// </summary>
public sealed class SkillRestore(TimeProvider clock)
{
    public async Task<RestoreResult> RunAsync(string rootPath, string stateDirPath, string name, bool force, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        var root = new HostRoot(rootPath);
        var state = new StateDirectory(stateDirPath);
        // A skill is in quarantine while its folder is there (a rollback of a restore puts it back in the same place).
        var candidates = QuarantineManifest.All(state).Where(m => Path.Exists(QuarantineManifest.FolderOf(m.Path))).ToList();
        var entry = candidates.FirstOrDefault(m => m.Manifest.Name == name);
        if (entry.Manifest is null)
        {
            var names = candidates.Select(m => m.Manifest.Name).Distinct().Order(StringComparer.Ordinal).ToList();
            return new RestoreResult(ExitCodes.Error, names.Count == 0
                ? $"no skill is in quarantine in {state.Path}"
                : $"no quarantined skill '{name}'; in quarantine: {string.Join(", ", names)}");
        }

        var (manifestPath, manifest) = entry;
        var folder = QuarantineManifest.FolderOf(manifestPath);
        var hash = TreeHash.OfFolder(folder);
        if (hash != manifest.Sha256 && !force)
        {
            return new RestoreResult(ExitCodes.Error, $"the quarantined copy of '{name}' changed since it was quarantined ({hash[..19]} ≠ {manifest.Sha256[..19]}); nothing restored (--force restores it anyway)");
        }

        var runId = StateDirectory.NewRunId(clock);
        RunLock runLock;
        try
        {
            runLock = await RunLock.AcquireAsync(state.Path, runId, lockTimeout, clock, cancellationToken);
        }
        catch (LockHeldException e)
        {
            return new RestoreResult(ExitCodes.Error, e.Message);
        }

        using (runLock)
        {
            using var journal = RunJournal.Create(state.CreateRun(runId), clock);
            journal.Append(new JournalEntry { Event = JournalEvents.RunStart, Detail = $"restore skill {name}" });
            var fs = new HostFs(root);
            var files = new FileChanger(root, state, runId, journal, fs);
            var changeId = $"skills/skill/{name}";
            try
            {
                files.Unquarantine(folder, manifest.Origin, changeId);
            }
            catch (IOException e)
            {
                return new RestoreResult(ExitCodes.Error, $"nothing restored: {e.Message}");
            }

            var config = RestoreEnabled(fs, files, manifest, changeId);
            (manifest with { RestoredAt = clock.GetUtcNow() }).Write(state, folder);
            journal.Append(new JournalEntry { Event = JournalEvents.RunEnd, Detail = "restored" });
            var after = fs.HashOf(fs.ResolveLinks(manifest.Origin) ?? manifest.Origin);
            var verified = after == manifest.Sha256 ? "byte for byte (" + after[..19] + ")" : $"but its hash is {after[..19]}, not {manifest.Sha256[..19]}";
            return new RestoreResult(after == manifest.Sha256 || force ? ExitCodes.Ok : ExitCodes.FailedOrUnknown, $"restored {name} to {manifest.Origin} {verified}; {config} (run {runId})");
        }
    }

    private static string RestoreEnabled(HostFs fs, FileChanger files, QuarantineManifest manifest, string changeId)
    {
        var pointer = JsonPointer.Of("skills", "entries", manifest.Name, "enabled");
        try
        {
            if (fs.TryReadAllText(manifest.ConfigPath, ConfigObservation.MaxConfigBytes) is not { } text)
            {
                return "openclaw.json not found: skills.entries unchanged";
            }

            var config = OpenClawConfig.Parse(text);
            var before = manifest.EnabledBefore is null ? null : JToken.Parse(manifest.EnabledBefore);
            if (JToken.DeepEquals(config.Get(pointer), before))
            {
                return "skills.entries unchanged";
            }

            config.Set(pointer, before);
            files.Write(manifest.ConfigPath, System.Text.Encoding.UTF8.GetBytes(config.ToJson()), changeId);
            return before is null ? $"skills.entries.{manifest.Name}.enabled unset again" : $"skills.entries.{manifest.Name}.enabled = {before.ToString(Newtonsoft.Json.Formatting.None)} again";
        }
        catch (OpenClawConfigException e)
        {
            return $"{manifest.ConfigPath} is {e.Message}: skills.entries unchanged";
        }
        catch (IOException e)
        {
            return $"{manifest.ConfigPath} cannot be read ({e.Message}): skills.entries unchanged";
        }
    }
}
