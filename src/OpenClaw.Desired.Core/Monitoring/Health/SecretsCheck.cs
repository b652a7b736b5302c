using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Rotation;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// <c>secrets</c>: no secret is past its rotation date (secrets.rotation, by type) or suspected leaked, from
/// the rotation records the secrets kind keeps in the reconciler's state dir. The value is how many are due.
/// </summary>
public sealed class SecretsCheck : IHealthCheck
{
    public const string CheckName = "secrets";

    public string Name => CheckName;

    public bool AppliesTo(HealthContext context) =>
        context.Settings.Secrets ?? (context.StateDir is { } dir && File.Exists(RotationRecords.PathIn(new StateDirectory(dir))));

    public Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        if (context.StateDir is not { } stateDir)
        {
            return Result(HealthCheckResult.Unknown(Name, "no reconciler state dir to read rotation records from", 0, "secrets"));
        }

        RotationRecords records;
        try
        {
            records = RotationRecords.Load(new StateDirectory(stateDir));
        }
        catch (InvalidDataException e)
        {
            return Result(HealthCheckResult.Unknown(Name, e.Message, 0, "secrets"));
        }

        var rotation = context.Posture.Secrets;
        var due = new List<string>();
        foreach (var (name, record) in records.All.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var every = SecretTypes.Parse(record.Type) switch
            {
                SecretType.OAuth => rotation.OAuthRotation,
                SecretType.BotToken => rotation.BotTokenRotation,
                SecretType.Password => rotation.PasswordRotation,
                _ => rotation.ApiKeyRotation,
            };
            if (record.Suspected)
            {
                due.Add($"{name} (found in plaintext {record.SuspectedAt:yyyy-MM-dd})");
            }
            else if (every > TimeSpan.Zero && record.LastRotation + every <= context.Now)
            {
                due.Add($"{name} (due {record.LastRotation + every:yyyy-MM-dd})");
            }
        }

        context.Samples.Secrets = new SecretsSample(records.All.Count, due.Count);
        var message = due.Count == 0
            ? $"{records.All.Count} secret(s) tracked, none due for rotation"
            : $"{due.Count} of {records.All.Count} secret(s) due for rotation: {string.Join(", ", due.Take(8))}";
        return Result(HealthCheckResult.Judge(Name, due.Count == 0, due.Count, 0, "secrets", message));
    }

    private static Task<IReadOnlyList<HealthCheckResult>> Result(HealthCheckResult result) =>
        Task.FromResult<IReadOnlyList<HealthCheckResult>>([result]);
}
