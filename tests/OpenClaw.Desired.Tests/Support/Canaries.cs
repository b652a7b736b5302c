namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// Synthetic secrets planted in every input a secrets run reads (posture, workspace Markdown, memory notes,
/// .env, openclaw.json, auth profiles, session logs), to prove none of them leaks into any output.
/// </summary>
public static class Canaries
{
    public const string Memory = "sk_live_CANARYmemory7Qx2Lm9Kp4Rt8Wz3Vb6Nc1";
    public const string Env = "CANARYenv9fQ2xL7mR4tW8zK1vB6nC3yH5j";
    public const string Config = "MTAwMDAwMDAwMDAwMDAwMDAw.CANARY.CANARYdiscord7Qx2Lm9Kp4Rt8Wz3Vb6";
    public const string Profile = "sk-proj-CANARYprofile4Qx2Lm9Kp4Rt8Wz3Vb6Nc1Yh5";
    public const string UrlPassword = "CANARYpw5Zq8vrT2xL";
    public const string Posture = "CANARYposture6Zq8vrT2pLx9Wm";
    public const string Session = "gsk_CANARYsession7Qx2Lm9Kp4Rt8Wz3Vb6Nc1Yh5Jd0Sa2Ef";

    public static IReadOnlyList<string> All { get; } = [Memory, Env, Config, Profile, UrlPassword, Posture, Session];

    /// <summary>The posture part that declares the posture's own canary.</summary>
    public const string Declared = "declared:\n  - name: CANARY_DECLARED\n    type: password\n    value: " + Posture + "\n";

    public static void Plant(ScratchHost host)
    {
        var home = ScratchHost.OpenClawHome;
        File.AppendAllText(host.Real(home + "/workspace/MEMORY.md"), $"- Stripe key for the shop: {Memory}\n");
        File.AppendAllText(host.Real(home + "/workspace/memory/2026-11-20.md"), $"- The shop database is postgres://claw:{UrlPassword}@db.internal/shop\n");
        File.AppendAllText(host.Real(home + "/.env"), $"CANARY_SERVICE_TOKEN={Env}\n");
        var config = host.ConfigPath;
        File.WriteAllText(config, File.ReadAllText(config).Replace("  channels: {\n", $"  channels: {{\n    discord: {{ enabled: true, token: \"{Config}\" }},\n", StringComparison.Ordinal));
        var profiles = host.Real(home + "/agents/main/agent/auth-profiles.json");
        File.WriteAllText(profiles, File.ReadAllText(profiles).Replace("  \"profiles\": {\n", $"  \"profiles\": {{\n    \"openai:work\": {{ \"type\": \"api_key\", \"provider\": \"openai\", \"key\": \"{Profile}\" }},\n", StringComparison.Ordinal));
        var sessions = host.Real(home + "/agents/main/sessions/2026-11-21-main.jsonl");
        File.WriteAllText(sessions, $"{{\"role\":\"user\",\"content\":\"here is the groq key {Session} for the summariser\"}}\n{{\"role\":\"assistant\",\"content\":\"Thanks.\"}}\n");
    }

    /// <summary>Which canaries a text holds.</summary>
    public static IReadOnlyList<string> In(string text) => All.Where(c => text.Contains(c, StringComparison.Ordinal)).ToList();
}
