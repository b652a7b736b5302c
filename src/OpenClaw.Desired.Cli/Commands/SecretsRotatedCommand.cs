using System.CommandLine;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Secrets;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Audit;
using OpenClaw.Desired.Secrets.Rotation;
using OpenClaw.Desired.Secrets.Stores;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>secrets rotated NAME</c>: records that NAME was rotated now (after its new value went into the store),
/// in the rotation records and the audit trail. Refuses, unless forced, while the store still holds the value
/// that was found in plaintext.
/// </summary>
internal static class SecretsRotatedCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The secret's name in the store" };
        var common = new CommonOptions();
        var force = new Option<bool>("--force") { Description = "Record the rotation even though the value did not change" };
        var output = new Option<string>("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyInOrder("text", "json");
        var command = new Command("rotated", "Record that a secret was rotated (its new value is in the store)") { name, common.Posture, common.Root, common.StateDir, force, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = new HttpClient();
            var context = SecretsHost.Load(console, parse.GetValue(common.Posture), parse.GetValue(common.Root)!, parse.GetValue(common.StateDir), createKey: true, http);
            if (context?.Posture is not { } posture)
            {
                return ExitCodes.Error;
            }

            var secretName = parse.GetValue(name)!;
            var host = context.Host;
            var paths = host.PathsFor(posture);
            var (store, problem) = SecretStores.Open(posture, host, paths);
            if (store is null)
            {
                console.WriteError($"cannot open the store: {problem}");
                return ExitCodes.Error;
            }

            var current = (await store.ReadAsync(cancellationToken)).GetValueOrDefault(secretName);
            if (current is null)
            {
                console.WriteError($"{secretName} is not in {store.Description}; put the new value there first");
                return ExitCodes.Error;
            }

            host.Redactor.Add(current.Value);
            var fingerprint = host.Redactor.Fingerprint(current.Value);
            using var runLock = await RunLock.AcquireAsync(context.State.Path, "secrets-rotated", TimeSpan.FromSeconds(30), TimeProvider.System, cancellationToken);
            var records = RotationRecords.Load(context.State);
            var record = records.Get(secretName);
            if (record is not null && (record.SuspectedFingerprint == fingerprint || (!record.Suspected && record.Fingerprint == fingerprint)) && !parse.GetValue(force))
            {
                console.WriteError($"{store.Description} still holds the same value of {secretName} ({fingerprint}){(record.SuspectedFingerprint == fingerprint ? ", the one found in plaintext" : string.Empty)}: put the new value there first, or pass --force");
                return ExitCodes.Error;
            }

            var now = TimeProvider.System.GetUtcNow();
            var declared = posture.Document.Secrets?.Declared?.FirstOrDefault(d => d.Name == secretName);
            var type = declared is not null ? SecretTypes.Parse(declared.Type) : record is not null ? SecretTypes.Parse(record.Type) : SecretTypes.FromName(secretName);
            records.Set(secretName, (record ?? new RotationRecord { Type = SecretTypes.Name(type), TrackedSince = now }) with { RotatedAt = now, Fingerprint = fingerprint });
            var run = "cli-" + StateDirectory.NewRunId(TimeProvider.System);
            AuditTrail.For(context.State, TimeProvider.System).Append(run, AuditOps.Rotated, secretName, fingerprint, store.Description, SecretTypes.Name(type));
            var period = SecretsDesired.ForDiff(posture).Period(type);
            var next = period > TimeSpan.Zero ? $"; next due {now + period:yyyy-MM-dd}" : "; next when suspected";
            console.WriteOut(parse.GetValue(output) == "json"
                ? JsonOutput.Of(new Rotated(secretName, fingerprint, now, period > TimeSpan.Zero ? now + period : null, store.Description), JsonOutput.Types.Rotated)
                : $"recorded the rotation of {secretName} ({fingerprint}) at {now:yyyy-MM-dd HH:mm}Z{next}\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What <c>secrets rotated --output json</c> prints; no next due date when the type is rotated only when suspected.</summary>
    internal sealed record Rotated(string Name, string Fingerprint, DateTimeOffset RotatedAt, DateTimeOffset? NextDue, string Store);
}
