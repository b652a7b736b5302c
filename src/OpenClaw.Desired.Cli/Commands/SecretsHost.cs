using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>The posture, host and state dir the secrets verbs work on, with the run's fingerprint key.</summary>
internal sealed record SecretsHost(EffectivePosture? Posture, HostContext Host, StateDirectory State)
{
    /// <summary>Loads what the verb needs; prints the posture's problems and returns null when it cannot be used.</summary>
    public static SecretsHost? Load(CliConsole console, string? posturePath, string rootPath, string? stateDir, bool createKey, HttpClient http)
    {
        var root = new HostRoot(rootPath);
        var state = new StateDirectory(new RunOptions { PosturePath = posturePath ?? string.Empty, Root = rootPath, StateDir = stateDir }.ResolveStateDir(root));
        var redactor = new SecretRedactor(FingerprintKey.Load(state, createKey));
        console.Redactor = redactor;
        EffectivePosture? posture = null;
        if (posturePath is not null)
        {
            var loaded = PostureLoader.LoadFile(posturePath);
            foreach (var diagnostic in loaded.Diagnostics)
            {
                console.WriteError(diagnostic.ToString());
            }

            if (!loaded.Succeeded)
            {
                console.WriteError($"{posturePath}: cannot be used; nothing was done");
                return null;
            }

            posture = loaded.Posture!;
            foreach (var secret in posture.LiteralSecrets)
            {
                redactor.Add(secret);
            }
        }

        return new SecretsHost(posture, new HostContext(root, new ProcessCommandRunner(), TimeProvider.System, http, redactor) { StateDir = state.Path }, state);
    }
}
