namespace OpenClaw.Desired.Tests.Support;

/// <summary>Postures for the monitoring tests, on the demo host (user claw).</summary>
public static class MonitoringPostures
{
    /// <summary>Only a monitoring section (no other kind needs a server), with the given lines under monitoring:.</summary>
    public static string With(string monitoring, string extra = "") => $"""
        apiVersion: openclaw.desired/v1
        tier: basic
        openclaw:
          user: claw
        {extra}
        monitoring:
        {Indent(monitoring)}
        """;

    /// <summary>A file store of secrets beside OpenClaw (its .env), holding the alert credentials.</summary>
    public const string EnvStore = "secrets:\n  store:\n    kind: env\n";

    public static string Indent(string text) =>
        string.Join('\n', text.TrimEnd('\n').Split('\n').Select(l => "  " + l));
}
