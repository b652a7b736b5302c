using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>Applies a <see cref="JsonEdit"/> to the file as it is now, so a repeated apply changes nothing.</summary>
public static class JsonEditApplier
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static async Task<ChangeOutcome> ApplyAsync(PlannedChange change, JsonEdit edit, ApplyContext context, CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        OpenClawConfig config;
        bool exists;
        try
        {
            var text = context.Host.Fs.TryReadAllText(edit.HostPath, ConfigObservation.MaxConfigBytes);
            exists = text is not null;
            config = text is null ? OpenClawConfig.Empty() : OpenClawConfig.Parse(text);
        }
        catch (OpenClawConfigException e)
        {
            return ChangeOutcome.Stalled(change, $"{edit.HostPath} is {e.Message}; fix it by hand, then run again");
        }
        catch (UnsafePathException e)
        {
            return ChangeOutcome.Stalled(change, $"{e.Message}; nothing was written");
        }

        if (edit.NewValueJson is null)
        {
            if (!config.Contains(edit.Pointer))
            {
                return ChangeOutcome.Skipped(change, "already in place");
            }

            config.Remove(edit.Pointer);
        }
        else
        {
            var desired = JsonNodes.Parse(edit.NewValueJson);
            if (config.Contains(edit.Pointer) && JsonNodes.DeepEquals(config.GetNode(edit.Pointer), desired))
            {
                return ChangeOutcome.Skipped(change, "already in place");
            }

            config.SetNode(edit.Pointer, desired);
        }

        // The smallest edit: the user's comments and formatting stay wherever the posture did not change a line.
        context.Files.Write(edit.HostPath, System.Text.Encoding.UTF8.GetBytes(config.ToJson()), change.Id, exists ? null : PrivateFile);
        return ChangeOutcome.Applied(change, $"set {JsonPointer.Dotted(edit.Pointer)} in {edit.HostPath}");
    }
}
