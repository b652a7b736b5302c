using System.CommandLine;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>skills audit|restore|hash</c>: the skill audit on its own, quarantine restore, and content hashes for pinning.</summary>
internal static class SkillsCommand
{
    public static Command Create(CliConsole console) =>
        new("skills", "Audit skills, restore quarantined ones, print content hashes to pin")
        {
            SkillsAuditCommand.Create(console),
            SkillsRestoreCommand.Create(console),
            SkillsHashCommand.Create(console),
        };
}
