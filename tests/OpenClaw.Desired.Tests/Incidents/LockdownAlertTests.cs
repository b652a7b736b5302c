using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Incidents.LockdownScenario;

namespace OpenClaw.Desired.Tests.Incidents;

/// <summary>Lockdown and its release reach the operator through the posture's alert channels, scrubbed of secrets.</summary>
public sealed class LockdownAlertTests
{
    private const string Canary = "sk-proj-CANARY-lockdown-alert-9f3c2a7e1b5d4c8a";

    [Fact]
    public void LockdownAndRelease_AreSentToTheWebhook_WithTheReason_AndNoSecret()
    {
        using var host = ScratchHost.FromDemo();
        using var webhook = new WebhookReceiver();
        File.AppendAllText(host.Real(ScratchHost.OpenClawHome + "/.env"), $"LEAKED_KEY={Canary}\n");
        var posture = WebhookPosture(host, webhook);

        var locked = Lockdown(host, posture, reason: $"key {Canary} seen on a paste site");
        var released = ReleaseLockdown(host, "--posture", posture);

        Assert.True(locked.ExitCode is 0 or 3, locked.All);
        Assert.True(released.ExitCode is 0 or 3, released.All);
        var bodies = webhook.Calls.Select(c => c.Text).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Contains("LOCKDOWN", bodies[0], StringComparison.Ordinal);
        Assert.Contains("paste site", bodies[0], StringComparison.Ordinal);
        Assert.Contains("\"lockdown\"", bodies[0], StringComparison.Ordinal);
        Assert.Contains("lockdown released", bodies[1], StringComparison.Ordinal);
        Assert.All(bodies, b => Assert.DoesNotContain(Canary, b, StringComparison.Ordinal));
        Assert.DoesNotContain(Canary, locked.All, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlertChannelThatCannotBeOpened_NeverStopsTheLockdown()
    {
        using var plain = ScratchHost.FromDemo();
        using var broken = ScratchHost.FromDemo();
        var brokenPosture = WritePosture(broken, extra: """
            monitoring:
              alerts:
                webhook:
                  url: { store: ALERT_WEBHOOK_URL_NOT_IN_THE_STORE }
                  format: json
            """);

        var expected = Lockdown(plain, WritePosture(plain));
        var locked = Lockdown(broken, brokenPosture);

        Assert.Equal(expected.ExitCode, locked.ExitCode);
        Assert.Equal(
            Changes(expected).Select(c => (c.Resource, c.Outcome)),
            Changes(locked).Select(c => (c.Resource, c.Outcome)));
    }
}
