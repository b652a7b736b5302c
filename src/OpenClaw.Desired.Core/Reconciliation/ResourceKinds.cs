using OpenClaw.Desired.Resources.AgentControls;
using OpenClaw.Desired.Resources.Backups;
using OpenClaw.Desired.Resources.Firewall;
using OpenClaw.Desired.Resources.Models;
using OpenClaw.Desired.Resources.OpenClawAudit;
using OpenClaw.Desired.Resources.Monitoring;
using OpenClaw.Desired.Resources.Secrets;
using OpenClaw.Desired.Resources.Sandboxes;
using OpenClaw.Desired.Resources.Skills;

namespace OpenClaw.Desired.Reconciliation;

/// <summary>The kinds this build knows, in no particular order (the engine orders them).</summary>
public static class ResourceKinds
{
    public static IReadOnlyList<IResourceKind> All() =>
        [new ModelsKind(), new AgentControlsKind(), new BackupsKind(), new FirewallKind(), new SecretsKind(), new SkillsKind(), new SandboxesKind(), new OpenClawAuditKind(), new MonitoringKind(), new Integrity.IntegrityKind()];
}
