using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>A link under the workspace's skills that points outside the workspace.</summary>
public sealed record EscapingLink(string HostPath, string Target);

/// <summary>Get result of the openclaw kind: the files the audit checks, plugin manifests, skill links, exec approvals, and OpenClaw's own audit.</summary>
public sealed record OpenClawAuditObservation(
    OpenClawPaths Paths,
    ConfigObservation Config,
    IReadOnlyList<FileState> Files,
    IReadOnlyList<string> Problems,
    IReadOnlyList<PluginManifest> Plugins,
    IReadOnlyList<EscapingLink> SkillLinks,
    ConfigObservation? Approvals,
    UpstreamAudit Upstream)
{
    /// <summary>Where the state dir or config is a link: what it points to.</summary>
    public IReadOnlyDictionary<string, string> Links { get; init; } = new Dictionary<string, string>();
}
