namespace OpenClaw.Desired.Tests.Resources.Sandboxes;

/// <summary>Postures for the sandbox tests: the demo host's claw user, the test engine, the busybox image.</summary>
internal static class SandboxPostures
{
    public static string WithSkills(string endpoint, string skills, string extra = "") => $"""
        apiVersion: openclaw.desired/v1
        tier: basic
        openclaw:
          user: claw
          stateDir: ~/.openclaw
        agent:
          gateway:
            token:
              env: OPENCLAW_GATEWAY_TOKEN
        sandboxes:
          engine:
            socket: {endpoint}
          openclaw:
            mode: non-main
          defaults:
            image: {Support.PodmanEngine.TestImage}
            command: ["sleep", "3600"]
            tmpfsSize: 16m
            memory: 64m
            pids: 64
            cpus: 0.5
          skills:
        {skills}
        {extra}
        """;

    public static string Skill(string name, string body = "{}") => $"    {name}: {body}";
}
