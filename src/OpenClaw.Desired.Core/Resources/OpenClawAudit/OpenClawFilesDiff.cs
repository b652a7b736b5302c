using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>Test for the openclaw kind: pure, from the observation to changes and manual actions.</summary>
internal static class OpenClawFilesDiff
{
    private static readonly string[] SyncedFolders = ["icloud", "mobile documents", "dropbox", "google drive", "googledrive", "onedrive"];

    /// <summary>The state dir or config as a link, and state in a synced folder: for a human to move.</summary>
    public static IEnumerable<PlannedChange> Paths(string kind, EffectivePosture posture, OpenClawAuditObservation observed)
    {
        if (posture.Tier < Tier.Standard)
        {
            yield break;
        }

        var paths = observed.Paths;
        if (observed.Links.TryGetValue(paths.StateDir, out var stateTarget))
        {
            yield return new PlannedChange(kind, $"link:{paths.StateDir}", ChangeAction.Manual,
                $"the state dir is a link to {stateTarget}, another trust boundary: move that folder to {paths.StateDir} in place of the link, or set openclaw.stateDir to it",
                $"link to {stateTarget}", "a folder", PostureEffect.Tightens)
            { Checks = new(["fs.state_dir.symlink"]) };
        }

        if (observed.Links.TryGetValue(paths.ConfigPath, out var configTarget))
        {
            yield return new PlannedChange(kind, $"link:{paths.ConfigPath}", ChangeAction.Manual,
                $"openclaw.json is a link to {configTarget}: replace it with a regular file (`cp --remove-destination \"$(readlink -f {paths.ConfigPath})\" {paths.ConfigPath}`) or set openclaw.configPath to the real file",
                $"link to {configTarget}", "a regular file", PostureEffect.Tightens)
            { Checks = new(["fs.config.symlink"]) };
        }

        var synced = new[] { paths.StateDir, paths.ConfigPath }.FirstOrDefault(p => SyncedFolders.Any(s => p.Contains(s, StringComparison.OrdinalIgnoreCase)));
        if (synced is not null)
        {
            yield return new PlannedChange(kind, $"synced:{synced}", ChangeAction.Manual,
                $"{synced} is in a synced folder (iCloud, Dropbox, OneDrive, Google Drive): tokens and transcripts travel to every synced device. Move the state dir to a local folder and set openclaw.stateDir",
                "synced folder", "local folder", PostureEffect.Tightens)
            { Checks = new(["fs.synced_dir"]) };
        }
    }

    /// <summary>Modes of what the file rows cover; paths the secrets kind governs are left to it.</summary>
    public static IEnumerable<PlannedChange> Modes(string kind, EffectivePosture posture, OpenClawAuditObservation observed, List<Finding> findings)
    {
        var secretsGovern = posture.Document.Secrets is not null;
        foreach (var file in observed.Files)
        {
            if (file.Stat.IsSymlink || (secretsGovern && SecretsGoverns(observed.Paths, file)))
            {
                continue;
            }

            if (!file.Stat.IsDirectory && file.Stat.Links > 1)
            {
                findings.Add(new Finding(kind, $"mode:{file.HostPath}", "hard-link", "warn", file.HostPath, "a file with more than one name: changing its mode would change the other names too; left alone"));
                continue;
            }

            var row = FileRows.For(file.Target);
            var current = file.Stat.Mode & (UnixFileMode)0x1FF;
            var desired = row.Desired(current, posture.Tier);
            if (desired == current)
            {
                continue;
            }

            var cleared = current & ~desired;
            var what = row.Directory ? "folder" : "file";
            yield return new PlannedChange(kind, $"mode:{file.HostPath}", ChangeAction.Update,
                $"{row.Covers}: only the OpenClaw user may read or change this {what}",
                Octal(current), Octal(desired | (file.Stat.Mode & (UnixFileMode)0xE00)), PostureEffect.Tightens,
                new SetMode(file.HostPath, desired | (file.Stat.Mode & (UnixFileMode)0xE00), row.Directory))
            {
                Checks = row.Checks.Where(c => (cleared & c.Bits) != 0).Select(c => c.Id).Distinct(StringComparer.Ordinal).ToValueList(),
            };
        }
    }

    /// <summary>Plugins whose entry escapes their folder are quarantined; hidden entries and broken manifests are reported.</summary>
    public static IEnumerable<PlannedChange> Plugins(string kind, EffectivePosture posture, OpenClawAuditObservation observed)
    {
        foreach (var plugin in observed.Plugins)
        {
            if (plugin.Escaping.ToList() is { Count: > 0 } escaping)
            {
                yield return new PlannedChange(kind, $"plugin:{plugin.Id}", ChangeAction.Quarantine,
                    $"plugin '{plugin.Id}' loads code from outside its folder ({string.Join(", ", escaping)}): it is moved aside (restore it from the run's quarantine once its entry is fixed)",
                    "installed", "quarantined", PostureEffect.Tightens, new QuarantinePath(plugin.HostPath))
                { Checks = new(["plugins.code_safety.entry_escape"]) };
                continue;
            }

            if (posture.Tier < Tier.Standard)
            {
                continue;
            }

            if (plugin.Hidden.ToList() is { Count: > 0 } hidden)
            {
                yield return new PlannedChange(kind, $"plugin:{plugin.Id}", ChangeAction.Manual,
                    $"plugin '{plugin.Id}' declares its entry in a hidden or node_modules folder ({string.Join(", ", hidden)}): reinstall it from a trusted source or remove it (`openclaw plugins uninstall {plugin.Id}`)",
                    string.Join(", ", hidden), "entry inside the plugin's own files", PostureEffect.Tightens)
                { Checks = new(["plugins.code_safety.entry_path"]) };
            }
            else if (plugin.ParseError is { } error)
            {
                yield return new PlannedChange(kind, $"plugin:{plugin.Id}", ChangeAction.Manual,
                    $"plugin '{plugin.Id}': {error}. Reinstall it (`openclaw plugins install`) or remove it",
                    "manifest does not parse", "valid manifest", PostureEffect.Tightens)
                { Checks = new(["plugins.code_safety.manifest_parse_error"]) };
            }
        }
    }

    /// <summary>Links under the workspace's skills that leave the workspace go to quarantine (the link, not its target).</summary>
    public static IEnumerable<PlannedChange> Skills(string kind, EffectivePosture posture, OpenClawAuditObservation observed) =>
        posture.Tier < Tier.Standard
            ? []
            : observed.SkillLinks.Select(link => new PlannedChange(kind, $"skill-link:{link.HostPath}", ChangeAction.Quarantine,
                $"a link under the workspace's skills points outside the workspace ({link.Target}): OpenClaw would load a skill from there; the link is moved aside",
                $"link to {link.Target}", "quarantined", PostureEffect.Tightens, new QuarantinePath(link.HostPath))
            { Checks = new(["skills.workspace.symlink_escape"]) });

    /// <summary>The paths whose mode and owner the secrets kind keeps (see its permissions probe).</summary>
    private static bool SecretsGoverns(Host.OpenClawPaths paths, FileState file) =>
        file.Target is FileTarget.StateDir or FileTarget.Config or FileTarget.CredentialsDir or FileTarget.CredentialFile or FileTarget.AuthProfiles;

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
