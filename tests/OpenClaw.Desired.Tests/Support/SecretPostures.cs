namespace OpenClaw.Desired.Tests.Support;

/// <summary>Postures with a secrets section for the demo host (user claw).</summary>
public static class SecretPostures
{
    /// <summary>Agent controls plus secrets; <paramref name="secrets"/> is the body of the secrets section.</summary>
    public static string With(string secrets, string tier = "standard") => $"""
        apiVersion: openclaw.desired/v1
        tier: {tier}
        openclaw:
          user: claw
        agent:
          skills:
            allowlistOnly: true
            allow: [weather]
        secrets:
        {Indent(secrets)}
        sandboxes:
          openclaw:
            mode: off
        score:
          target: 0
        """;

    public static string EnvStore(string extra = "") => With("store:\n  kind: env\n" + extra);

    public static string FileStore(string extra = "") => With("store:\n  kind: file\n" + extra);

    public static string VaultStore(string address, string tokenEnv, string extra = "") => With($"""
        store:
          kind: vault
          vault:
            address: {address}
            mount: secret
            path: openclaw
            auth:
              method: token
              tokenEnv: {tokenEnv}
        {extra}
        """);

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : "  " + l));
}
