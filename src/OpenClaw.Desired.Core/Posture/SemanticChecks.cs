namespace OpenClaw.Desired.Posture;

/// <summary>Checks the schema cannot express: references between sections, duplicates, dangerous combinations.</summary>
internal static class SemanticChecks
{
    /// <summary>Providers OpenClaw knows without configuration, and which of them serve models from this host.</summary>
    public static readonly IReadOnlySet<string> BuiltInProviders = new HashSet<string>(StringComparer.Ordinal)
    {
        "anthropic", "openai", "openai-codex", "google", "google-vertex", "google-antigravity", "openrouter", "groq", "moonshot",
        "kimi-coding", "mistral", "xai", "deepseek", "together", "fireworks", "cerebras", "zai", "minimax", "qwen-portal",
        "amazon-bedrock", "azure-openai", "github-copilot", "venice", "ollama", "lmstudio", "vllm", "llama-cpp",
    };

    public static readonly IReadOnlySet<string> LocalProviders = new HashSet<string>(StringComparer.Ordinal)
    {
        "ollama", "lmstudio", "vllm", "llama-cpp",
    };

    public static void Run(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        CheckModels(document, at, diagnostics);
        CheckAgent(document, at, diagnostics);
        CheckNames(document, at, diagnostics);
        CheckOpenClawPaths(document, at, diagnostics);
        DurationChecks.Run(document, at, diagnostics);
        Resources.Backups.BackupsChecks.Run(document, at, diagnostics);
        Resources.Firewall.FirewallChecks.Run(document, at, diagnostics);
        Resources.Secrets.SecretsChecks.Run(document, at, diagnostics);
        Resources.Sandboxes.SandboxChecks.Run(document, at, diagnostics);
        Resources.Controls.ControlChecks.Run(document, at, diagnostics);
        Monitoring.MonitoringChecks.Run(document, at, diagnostics);
    }

    /// <summary>
    /// OpenClaw's home is handed to the agent user (modes, owners): it must be a folder of its own, never "/etc/..",
    /// never the root or a system folder, never written with ".." that could climb out of where it seems to be.
    /// </summary>
    private static void CheckOpenClawPaths(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        foreach (var (key, value) in new[] { ("stateDir", document.OpenClaw?.StateDir), ("configPath", document.OpenClaw?.ConfigPath), ("workspace", document.OpenClaw?.Workspace) })
        {
            if (value is null)
            {
                continue;
            }

            var path = $"openclaw.{key}";
            if (!value.StartsWith('/') && !value.StartsWith('~'))
            {
                diagnostics.Add(at.At(path, "must be absolute (/...) or in a home (~/...)"));
            }
            else if (value.Split('/').Any(part => part is ".." or "."))
            {
                diagnostics.Add(at.At(path, "may not contain '.' or '..' segments"));
            }
            else if (value.Any(char.IsControl))
            {
                diagnostics.Add(at.At(path, "may not contain control characters"));
            }
            else if (value.StartsWith('/') && (Safety.ProtectedPaths.IsProtected(value) || Host.HostRoot.Normalize(value).Count(c => c == '/') < 2))
            {
                diagnostics.Add(at.At(path, $"'{Host.HostRoot.Normalize(value)}' is the root or a system folder; OpenClaw's files live in a folder of their own (the default is ~/.openclaw)"));
            }
        }
    }

    public static bool IsLocal(string provider, PostureDocument document) =>
        LocalProviders.Contains(provider) || document.Models?.Providers?.GetValueOrDefault(provider)?.Local == true;

    private static void CheckModels(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        var models = document.Models;
        if (models is null)
        {
            return;
        }

        if (models.Primary is null && models.Fallbacks is { Count: > 0 })
        {
            diagnostics.Add(at.At("models.fallbacks", "fallbacks need a primary model (models.primary)"));
        }

        var chain = new List<(string Path, string Ref)>();
        if (models.Primary is not null)
        {
            chain.Add(("models.primary", models.Primary));
        }

        for (var i = 0; i < (models.Fallbacks?.Count ?? 0); i++)
        {
            chain.Add(($"models.fallbacks[{i}]", models.Fallbacks![i]));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var known = new HashSet<string>(BuiltInProviders, StringComparer.Ordinal);
        known.UnionWith(models.Providers?.Keys ?? []);
        var tier = TierPolicy.Parse(document.Tier);
        var localOnly = models.LocalOnly ?? tier == Tier.Paranoid;
        foreach (var (path, reference) in chain)
        {
            var provider = reference[..reference.IndexOf('/', StringComparison.Ordinal)];
            if (!seen.Add(reference))
            {
                diagnostics.Add(at.At(path, $"model '{reference}' appears twice in the chain"));
            }

            if (!known.Contains(provider))
            {
                diagnostics.Add(at.At(path, $"unknown provider '{provider}'; declare it under models.providers or use one OpenClaw knows"));
            }
            else if (localOnly && !IsLocal(provider, document))
            {
                var why = tier == Tier.Paranoid ? "the paranoid tier allows local models only" : "models.localOnly is set";
                diagnostics.Add(at.At(path, $"'{reference}' is a cloud model but {why}"));
            }
        }

        if (models.Local is { } local)
        {
            if (local.BaseUrl is { } url && url.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal))
            {
                diagnostics.Add(at.At("models.local.baseUrl", "Ollama's native API has no /v1 path; use e.g. http://127.0.0.1:11434"));
            }

            var localRef = $"{local.Provider ?? "ollama"}/{local.Model}";
            if (chain.Count > 0 && chain.All(c => c.Ref != localRef))
            {
                diagnostics.Add(at.At("models.local", $"the local model '{localRef}' is not in the chain (primary or fallbacks)", Severity.Warning));
            }
        }
        else if (localOnly && chain.Count > 0 && chain.Any(c => c.Ref.StartsWith("ollama/", StringComparison.Ordinal)))
        {
            diagnostics.Add(at.At("models", "an ollama model is in the chain but models.local does not say where Ollama listens", Severity.Warning));
        }
    }

    private static void CheckAgent(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        var agent = document.Agent;
        if (agent?.Gateway is { } gateway)
        {
            if (gateway.Auth == "none" && gateway.Bind is not null && gateway.Bind != "loopback")
            {
                diagnostics.Add(at.At("agent.gateway.auth", "a gateway bound beyond loopback needs auth; OpenClaw refuses to start otherwise"));
            }

            if (gateway.Token?.Literal is { } literal)
            {
                diagnostics.Add(at.At("agent.gateway.token", "a literal secret in the posture ends up in Git; prefer {env: NAME} or {store: NAME}", Severity.Warning));
                var min = gateway.MinTokenLength ?? TierPolicy.DefaultMinTokenLength(TierPolicy.Parse(document.Tier));
                if (literal.Length < min)
                {
                    diagnostics.Add(at.At("agent.gateway.token", $"the gateway token is shorter than {min} characters"));
                }
            }

            if (gateway.Token is not null && gateway.Auth is not null and not "token")
            {
                diagnostics.Add(at.At("agent.gateway.token", $"a token is given but gateway auth is '{gateway.Auth}'"));
            }
        }

        if (agent?.Skills is { } skills)
        {
            Duplicates(skills.Allow, "agent.skills.allow", "skill", at, diagnostics);
            if (skills.AllowlistOnly == true && skills.Allow is null)
            {
                diagnostics.Add(at.At("agent.skills", "allowlistOnly without an allow list allows no skill at all", Severity.Warning));
            }
        }

        if (agent?.Exec is { Security: "deny", Ask: "always" })
        {
            diagnostics.Add(at.At("agent.exec.ask", "exec security 'deny' never runs a command, so asking for approval has no effect", Severity.Warning));
        }
    }

    private static void CheckNames(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        Duplicates(document.Secrets?.Declared?.Select(d => d.Name).ToList(), "secrets.declared", "secret", at, diagnostics);
        Duplicates(document.Backups?.Archives?.Select(a => a.Name).ToList(), "backups.archives", "archive", at, diagnostics);
        Duplicates(document.Monitoring?.Targets?.Select(a => a?["name"] is System.Text.Json.Nodes.JsonValue name && name.TryGetValue<string>(out var text) ? text : null).OfType<string>().ToList(), "monitoring.targets", "target", at, diagnostics);
    }

    private static void Duplicates(IReadOnlyList<string>? names, string path, string what, Locator at, List<Diagnostic> diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (!seen.Add(names![i]))
            {
                diagnostics.Add(at.At($"{path}[{i}]", $"duplicate {what} name '{names[i]}'"));
            }
        }
    }
}
