using System.CommandLine;
using System.Text.Json;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Skills.Audit;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>skills audit [DIR...]</c>: the static skill audit alone. Exit 0 when nothing reaches --fail-on, 2 when
/// something does, 1 on bad input.
/// </summary>
internal static class SkillsAuditCommand
{
    public static Command Create(CliConsole console)
    {
        var dirs = new Argument<string[]>("DIR") { Description = "Skill folders, or folders of skills (default: the host's skill folders)", Arity = ArgumentArity.ZeroOrMore };
        var posture = new Option<string>("--posture", "-p") { Description = "Posture naming the OpenClaw user and paths (used when no DIR is given)", DefaultValueFactory = _ => "posture.yaml" };
        var root = new Option<string>("--root") { Description = "The host's /", DefaultValueFactory = _ => "/" };
        var output = new Option<string>("--output", "-o") { Description = "text, json or sarif (for code scanning)", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyInOrder("text", "json", "sarif");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Text output: only skills with findings, and the summary" };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 2 when a finding is at or above this severity", DefaultValueFactory = _ => "high" };
        failOn.AcceptOnlyInOrder("low", "medium", "high", "critical");
        var rules = new Option<string?>("--rules") { Description = "Extra audit rules in YAML (see docs/sandboxes.md)" };
        var iocs = new Option<string?>("--iocs") { Description = "A newer list of known campaign indicators (YAML), instead of the built-in one" };
        var noIocs = new Option<bool>("--no-iocs") { Description = "Judge without any list of known campaign indicators: only by what the skills say and do" };
        var command = new Command("audit", "Statically scan skills for download-and-execute, credential theft, obfuscation, miners, persistence and lures")
        {
            dirs, posture, root, output, failOn, quiet, rules, iocs, noIocs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            AuditOptions options;
            try
            {
                var list = parse.GetValue(noIocs) ? IocList.Empty : parse.GetValue(iocs) is { } file ? AuditRuleFiles.LoadIocs(file) : IocList.BuiltIn;
                options = new AuditOptions(list, parse.GetValue(rules) is { } own ? AuditRuleFiles.LoadRules(own) : []);
            }
            catch (AuditRulesException e)
            {
                foreach (var problem in e.Problems)
                {
                    console.WriteError(problem);
                }

                return ExitCodes.Error;
            }

            IReadOnlyList<AuditTarget> folders;
            var named = parse.GetValue(dirs) ?? [];
            if (named.Length > 0)
            {
                try
                {
                    folders = AuditTargets.FromArguments(named);
                }
                catch (DirectoryNotFoundException e)
                {
                    console.WriteError(e.Message);
                    return ExitCodes.Error;
                }
            }
            else
            {
                var loaded = LoadPosture(parse.GetValue(posture)!);
                if (loaded.Posture is null)
                {
                    foreach (var diagnostic in loaded.Diagnostics)
                    {
                        console.WriteError(diagnostic.ToString());
                    }

                    return ExitCodes.Error;
                }

                folders = await AuditTargets.FromHostAsync(loaded.Posture, parse.GetValue(root)!, cancellationToken);
            }

            var audits = folders.AsParallel().AsOrdered().Select(t => t.Audit(options)).ToList();
            Print(console, audits, parse.GetValue(output)!, parse.GetValue(quiet));
            var threshold = AuditSeverities.ParseBlock(parse.GetValue(failOn))!.Value;
            return audits.Any(a => a.Highest >= threshold) ? ExitCodes.Changes : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The named posture, or a basic one (the current user's ~/.openclaw) when the file does not exist.</summary>
    private static PostureLoadResult LoadPosture(string path) =>
        File.Exists(path) ? PostureLoader.LoadFile(path) : PostureLoader.LoadText("default", "apiVersion: openclaw.desired/v1\ntier: basic\n");

    private static void Print(CliConsole console, IReadOnlyList<SkillAudit> audits, string output, bool quiet)
    {
        if (output == "sarif")
        {
            console.WriteOut(Reporting.Sarif.SarifFromScans.SkillAudits(audits, console.Redactor));
            return;
        }

        if (output == "json")
        {
            var entries = audits.Select(a => new Audited(
                Path.GetFileName(a.Path),
                a.Path,
                a.Highest?.Name() ?? "none",
                a.BytesScanned,
                a.Findings.Select(f => new Finding(f.File, f.Line, f.Rule, f.Severity.Name(), f.Why, f.Evidence.Count > 0 ? f.Evidence : null, f.Id))));
            console.WriteOut(JsonSerializer.Serialize(entries, SkillsAuditJsonContext.Default.IEnumerableAudited) + "\n");
            return;
        }

        foreach (var audit in audits.Where(a => !quiet || a.Findings.Count > 0))
        {
            console.WriteOut($"{audit.Path}: {audit.Highest?.Name() ?? "clean"}\n");
            foreach (var finding in audit.Findings)
            {
                console.WriteOut($"  {finding.Location} {finding.Severity.Name()} {finding.Rule}: {finding.Why}\n");
                if (finding.Evidence.Count > 0)
                {
                    console.WriteOut($"      evidence: {string.Join(" + ", finding.Evidence)}\n");
                }
            }
        }

        var flagged = audits.Count(a => a.Findings.Count > 0);
        console.WriteOut($"{audits.Count} skill(s) audited, {flagged} with findings\n");
    }

    /// <summary>One skill in <c>skills audit --output json</c>: its folder, the highest severity found, bytes read and the findings.</summary>
    internal sealed record Audited(string Skill, string Path, string Highest, long BytesScanned, IEnumerable<Finding> Findings);

    /// <summary>One finding; <see cref="Evidence"/> only for a judgement of several signals.</summary>
    internal sealed record Finding(string File, int Line, string Rule, string Severity, string Why, IReadOnlyList<string>? Evidence, string Id);
}
