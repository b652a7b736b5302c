using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>Set for the skills kind: a skill goes into quarantine whole, with its manifest, and is disabled in openclaw.json.</summary>
internal static class SkillQuarantine
{
    public static async Task<ChangeOutcome> QuarantineAsync(PlannedChange change, QuarantineSkill payload, ApplyContext context, CancellationToken cancellationToken)
    {
        var fs = context.Host.Fs;
        if (fs.Stat(payload.HostPath) is not { Exists: true } stat || !(stat.IsDirectory || stat.IsSymlink))
        {
            return ChangeOutcome.Skipped(change, "already gone");
        }

        var hash = fs.HashOf(fs.ResolveLinks(payload.HostPath) ?? payload.HostPath);
        var pointer = JsonPointer.Of("skills", "entries", payload.Name, "enabled");
        string? enabledBefore = null;
        try
        {
            if (fs.TryReadAllText(payload.ConfigPath, ConfigObservation.MaxConfigBytes) is { } text)
            {
                enabledBefore = OpenClawConfig.Parse(text).Get(pointer)?.ToString(Newtonsoft.Json.Formatting.None);
            }
        }
        catch (Exception e) when (e is OpenClawConfigException or IOException)
        {
            // The edit below stalls on the same bad file and says so; the skill still leaves.
        }

        // The manifest goes first: a run killed during the move leaves a quarantine that `skills restore` and the
        // next run both know about (the journal names the move before it starts).
        var target = context.Files.QuarantineTarget(payload.HostPath);
        new QuarantineManifest(payload.Name, payload.HostPath, hash, payload.Reason, context.Host.Clock.GetUtcNow(), payload.ConfigPath, enabledBefore).Write(context.Files.State, target);
        context.Files.Quarantine(payload.HostPath, change.Id, target);
        await Task.CompletedTask;
        var disabled = await JsonEditApplier.ApplyAsync(change, new JsonEdit(payload.ConfigPath, pointer, "false"), context, cancellationToken);
        return disabled.Status is OutcomeStatus.Applied or OutcomeStatus.Skipped
            ? ChangeOutcome.Applied(change, $"moved to {target}; skills.entries.{payload.Name}.enabled = false")
            : disabled with { Message = $"moved to {target}; but {disabled.Message}" };
    }
}
