using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

public static partial class ControlCatalog
{
    /// <summary>plugins.*: which extensions may load, and install records pinned to what is installed.</summary>
    private static readonly ControlRow[] Plugins =
    [
        new("plugins.allow", Scope.Global, Tier.Standard, "`agent.plugins.allow` ∩ installed; unset: the plugins installed now",
            input => PluginAllowRule(input), "only the plugins named may load",
            new CheckRef("plugins.extensions_no_allowlist", c => c is null or JArray { Count: 0 }))
        {
            When = (_, c) => c.Plugins.Count > 0 || c.Config.Get("/plugins/allow") is JArray { Count: > 0 }, Effect = Effects.Allowlist,
            AlsoCloses = ["plugins.allow_phantom_entries"],
        },
        .. InstallRows("plugins.installs", "plugins", c => c.Plugins, (c, id) => c.PluginPin(id), "agent.plugins.pins", "openclaw plugins"),
        .. InstallRows("hooks.internal.installs", "hooks", c => c.HookPackages, (c, id) => c.HookPin(id), "agent.hooks.pins", "openclaw hooks"),
    ];

    private static Outcome? PluginAllowRule(RuleInput input)
    {
        var installed = input.Context.Plugins.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (input.Choices.PluginsAllow is { } stated)
        {
            // A name the posture allows but nothing installed is a phantom OpenClaw warns about: it joins once installed.
            var present = stated.Where(id => installed.Contains(id) || id == "group:plugins").ToList();
            return Rules.Want(Rules.Strings(present))(input) is { } set
                ? set with { ExtraChecks = Strings(input.Current).Any(id => !installed.Contains(id) && id != "group:plugins") ? ["plugins.allow_phantom_entries"] : [] }
                : null;
        }

        if (input.Current is null or JArray { Count: 0 })
        {
            return installed.Count == 0 ? null : Outcome.Set(Rules.Strings(installed.Order(StringComparer.Ordinal)));
        }

        return Rules.Drop(new Dropper("not installed", (id, _) => id != "group:plugins" && !installed.Contains(id), "plugins.allow_phantom_entries"))(input);
    }

    /// <summary>The npm install records of plugins or hooks: spec pinned to the installed version, integrity and version from the posture's pins.</summary>
    private static ControlRow[] InstallRows(string key, string kind, Func<ControlContext, IReadOnlyList<InstalledPackage>> packages,
        Func<ControlChoices, string, PluginPinSpec?> pin, string pinKey, string cli)
    {
        InstalledPackage? Installed(RuleInput input) =>
            packages(input.Context).FirstOrDefault(p => string.Equals(p.Id, input.Captures[0], StringComparison.OrdinalIgnoreCase));

        JObject? Record(RuleInput input) => input.Context.Config.Get(OpenClaw.JsonPointer.Of([.. key.Split('.'), input.Captures[0]])) as JObject;

        return
        [
            new($"{key}.*.spec", Scope.Global, Tier.Standard, "pinned to the installed version (name@x.y.z)",
                input =>
                {
                    if (Record(input) is not { } record || !Str(record["source"], "npm") || input.Text is not { } spec || PinnedSpec(spec) || (PinnedSpec((string?)record["resolvedSpec"] ?? string.Empty) && record["integrity"] is JValue))
                    {
                        return null;
                    }

                    var name = SpecName(spec);
                    var version = Installed(input)?.Version;
                    var pinned = pin(input.Choices, input.Captures[0]);
                    if (version is null)
                    {
                        return Outcome.Manual($"{kind} '{input.Captures[0]}' is installed from the unpinned spec {spec} and its installed version is unknown: `{cli} install {name}@VERSION`, then pin it in {pinKey}");
                    }

                    return pinned is not null && TrimV(pinned.Version) != TrimV(version)
                        ? Outcome.Manual($"{kind} '{input.Captures[0]}' is {version}; {pinKey}.{input.Captures[0]} pins {pinned.Version}: `{cli} install {name}@{TrimV(pinned.Version)}`")
                        : Outcome.Set(V($"{name}@{version}"));
                },
                $"{kind} install records name an exact version", $"{kind}.installs_unpinned_npm_specs") { Effect = Effects.Tightens },
            new($"{key}.*.integrity", Scope.Global, Tier.Standard, $"from `{pinKey}` when the installed version is the pinned one",
                input =>
                {
                    if (Record(input) is not { } record || !Str(record["source"], "npm") || input.Text is { Length: > 0 })
                    {
                        return null;
                    }

                    var version = Installed(input)?.Version ?? (string?)record["resolvedVersion"] ?? (string?)record["version"];
                    return pin(input.Choices, input.Captures[0]) is { Integrity: { } integrity } pinned && version is not null && TrimV(pinned.Version) == TrimV(version)
                        ? Outcome.Set(V(integrity))
                        : Outcome.Manual($"{kind} '{input.Captures[0]}' has no integrity on record: pin it in {pinKey}.{input.Captures[0]} (version and `npm view NAME@VERSION dist.integrity`) or reinstall it with `{cli} install`");
                },
                $"{kind} install records carry the package's integrity", $"{kind}.installs_missing_integrity") { Effect = Effects.Tightens },
            new($"{key}.*.resolvedVersion", Scope.Global, Tier.Standard, $"the installed version, when `{pinKey}` pins it",
                input =>
                {
                    if (Record(input) is not { } record || !Str(record["source"], "npm") || Installed(input)?.Version is not { } installed)
                    {
                        return null;
                    }

                    var recorded = (string?)record["resolvedVersion"] ?? (string?)record["version"];
                    if (recorded is null || TrimV(recorded) == TrimV(installed))
                    {
                        return null;
                    }

                    return pin(input.Choices, input.Captures[0]) is { } pinned && TrimV(pinned.Version) == TrimV(installed)
                        ? Outcome.Set(V(installed))
                        : Outcome.Manual($"{kind} '{input.Captures[0]}' is installed at {installed} but recorded as {recorded}: `{cli} update {input.Captures[0]}` (or pin {installed} in {pinKey} if that is the version you trust)");
                },
                $"{kind} install records match what is installed", $"{kind}.installs_version_drift") { Effect = Effects.Neutral },
        ];
    }

    private static bool PinnedSpec(string spec)
    {
        var at = spec.Trim().LastIndexOf('@');
        return at > 0 && at < spec.Trim().Length - 1 && SemVer().IsMatch(spec.Trim()[(at + 1)..]);
    }

    private static string SpecName(string spec)
    {
        var at = spec.LastIndexOf('@');
        return at > 0 ? spec[..at] : spec;
    }

    private static string TrimV(string version) => version.TrimStart('v');

    [GeneratedRegex(@"^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();
}
