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
        var real = context.Host.Root.Resolve(payload.HostPath);
        if (!Directory.Exists(real))
        {
            return ChangeOutcome.Skipped(change, "already gone");
        }

        var hash = TreeHash.OfFolder(real);
        var pointer = JsonPointer.Of("skills", "entries", payload.Name, "enabled");
        var configReal = context.Host.Root.Resolve(payload.ConfigPath);
        string? enabledBefore = null;
        if (File.Exists(configReal))
        {
            try
            {
                enabledBefore = OpenClawConfig.Parse(await File.ReadAllTextAsync(configReal, cancellationToken)).Get(pointer)?.ToString(Newtonsoft.Json.Formatting.None);
            }
            catch (OpenClawConfigException)
            {
                // The edit below stalls on the same bad file and says so; the skill still leaves.
            }
        }

        var target = context.Files.Quarantine(payload.HostPath, change.Id);
        new QuarantineManifest(payload.Name, payload.HostPath, hash, payload.Reason, context.Host.Clock.GetUtcNow(), payload.ConfigPath, enabledBefore).Write(target);
        var disabled = await JsonEditApplier.ApplyAsync(change, new JsonEdit(payload.ConfigPath, pointer, "false"), context, cancellationToken);
        return disabled.Status is OutcomeStatus.Applied or OutcomeStatus.Skipped
            ? ChangeOutcome.Applied(change, $"moved to {target}; skills.entries.{payload.Name}.enabled = false")
            : disabled with { Message = $"moved to {target}; but {disabled.Message}" };
    }
}
