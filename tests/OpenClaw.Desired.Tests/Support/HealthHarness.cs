using Microsoft.Extensions.Time.Testing;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>Runs health checks in-process against a scratch host at a fixed time.</summary>
public sealed class HealthHarness : IDisposable
{
    private static readonly HttpClient Http = new();

    public HealthHarness(bool demo = true, DateTimeOffset? now = null)
    {
        Host = demo ? ScratchHost.FromDemo() : ScratchHost.Empty();
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        Directory.CreateDirectory(Host.StateDir);
    }

    public ScratchHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public SecretRedactor Redactor { get; } = new();

    public ProcFixture Proc(TimeSpan? uptime = null) => new(Host, Clock.GetUtcNow() - (uptime ?? TimeSpan.FromDays(2)));

    public static EffectivePosture Load(string yaml)
    {
        var loaded = PostureLoader.LoadText("posture.yaml", yaml);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return loaded.Posture!;
    }

    public HostContext Context(string? root = null) =>
        new(new HostRoot(root ?? Host.Root), new ProcessCommandRunner(), Clock, Http, Redactor) { StateDir = Host.StateDir, PosturePath = Path.Combine(Host.Folder, "posture.yaml") };

    public HealthContext For(string monitoring, string extra = "") =>
        new(Load(MonitoringPostures.With(monitoring, extra)), Context());

    /// <summary>One check's (first) result.</summary>
    public HealthCheckResult Run(IHealthCheck check, string monitoring = "interval: 5m", string extra = "") =>
        Run(check, For(monitoring, extra));

    public static HealthCheckResult Run(IHealthCheck check, HealthContext context)
    {
        var results = check.RunAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        return Assert.Single(results);
    }

    public void Dispose() => Host.Dispose();
}
