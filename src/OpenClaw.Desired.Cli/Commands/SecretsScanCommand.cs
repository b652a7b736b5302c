using System.CommandLine;
using System.Diagnostics;
using System.Text;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Secrets;
using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Secrets.Scanning.Rules;
using OpenClaw.Desired.Secrets.Stores;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>secrets scan [PATH...]</c>: the scanner alone, on the given files and folders or (by default) on the
/// host's OpenClaw state dir and workspace. Prints where each credential is, its kind, length and fingerprint;
/// never a value. Sensitive identifiers that are not secrets (AWS account ids, ARNs, OAuth client ids) follow,
/// marked low severity and "not moved": reconcile leaves them where they are. Exit 0 when no credential was
/// found (identifiers alone do not change it), 2 when one was.
/// </summary>
internal static class SecretsScanCommand
{
    public static Command Create(CliConsole console)
    {
        var targets = new Argument<string[]>("PATH") { Description = "Files or folders to scan (default: the host's OpenClaw state dir and workspace)", Arity = ArgumentArity.ZeroOrMore };
        var posture = new Option<string>("--posture", "-p") { Description = "The posture (for the default scan: where OpenClaw lives, what to exclude)", DefaultValueFactory = _ => "posture.yaml" };
        var root = new Option<string>("--root") { Description = "The host's /", DefaultValueFactory = _ => "/" };
        var stateDir = new Option<string?>("--state-dir") { Description = "Reconciler state dir (its key makes fingerprints match the plan's)" };
        var output = new Option<string>("--output", "-o") { Description = "text, json or sarif (for code scanning)", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyInOrder("text", "json", "sarif");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Text output: only the findings and the summary, not the files skipped" };
        var rulesFile = new Option<string?>("--rules") { Description = "Extra rules and allowlists in gitleaks' TOML format (default: the posture's secrets.scan.rules)" };
        var command = new Command("scan", "Find plaintext credentials; show where, what kind and a fingerprint, never the value") { targets, posture, root, stateDir, output, quiet, rulesFile };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(targets) ?? [];
            using var http = new HttpClient();
            var context = SecretsHost.Load(console, paths.Length == 0 ? parse.GetValue(posture) : null, parse.GetValue(root)!, parse.GetValue(stateDir), createKey: false, http);
            if (context is null)
            {
                return ExitCodes.Error;
            }

            var rules = LoadRules(console, parse.GetValue(rulesFile), context);
            if (rules is null)
            {
                return ExitCodes.Error;
            }

            var watch = Stopwatch.StartNew();
            var result = paths.Length == 0 ? ScanHost(context, rules) : ScanPaths(paths, context.Host.Redactor.Fingerprint, rules);
            watch.Stop();
            foreach (var found in result.Findings)
            {
                context.Host.Redactor.Add(found.Value);
            }

            console.WriteOut(parse.GetValue(output) switch
            {
                "json" => Json(result),
                "sarif" => Reporting.Sarif.SarifFromScans.Secrets(result.Findings.Select(SecretFinding.From), context.Host.Redactor, result.Identifiers.Select(SecretFinding.From)),
                _ => Text(result, watch.Elapsed, parse.GetValue(quiet)),
            });
            return result.Findings.Any() ? ExitCodes.Changes : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The --rules file, else the posture's, else none; null (after printing every problem) when one cannot be used.</summary>
    private static UserRules? LoadRules(CliConsole console, string? file, SecretsHost context)
    {
        string? path = file;
        string? hostPath = null;
        if (path is null && context.Posture is { } posture && posture.Document.Secrets?.Scan?.Rules is { } named)
        {
            hostPath = context.Host.Homes.Expand(named, context.Host.PathsFor(posture).User);
            path = context.Host.Root.Resolve(hostPath);
        }

        if (path is null)
        {
            return UserRules.None;
        }

        try
        {
            // The posture's file is a host path (often in the agent's home): read as the reconcile run reads it, on
            // descriptors, never through the agent's link, never blocking on a FIFO.
            var rules = hostPath is null ? GitleaksConfig.Load(path) : ReadHostRules(context, hostPath, path);
            foreach (var warning in rules.Warnings)
            {
                console.WriteError($"warning: {warning}");
            }

            return rules;
        }
        catch (UserRulesException e)
        {
            foreach (var problem in e.Problems)
            {
                console.WriteError(problem);
            }

            console.WriteError($"{path}: cannot be used; nothing was scanned");
            return null;
        }
    }

    private static UserRules ReadHostRules(SecretsHost context, string hostPath, string shownAs)
    {
        string text;
        try
        {
            text = context.Host.Fs.ReadAllText(hostPath, GitleaksConfig.MaxBytes);
        }
        catch (IOException e)
        {
            throw new UserRulesException([$"{shownAs}: cannot read: {(e is Host.Fs.UnsafePathException u ? u.Detail : e.Message)}"]);
        }

        return GitleaksConfig.Parse(text, shownAs);
    }

    private static HostScanResult ScanHost(SecretsHost context, UserRules rules)
    {
        var posture = context.Posture!;
        var paths = context.Host.PathsFor(posture);
        var desired = SecretsDesired.From(posture, context.Host, paths);
        var (store, _) = SecretStores.Open(posture, context.Host, paths, _ => null);
        var storeFiles = store?.HostFiles ?? (posture.Document.Secrets?.Store?.Kind is null or "env" ? [paths.StateDir + "/.env"] : []);
        var scope = new HostScanScope(paths, desired.SessionLogs, desired.ExtraPaths, desired.Exclude, storeFiles) { Rules = rules };
        return HostScan.Run(context.Host.Fs, scope, context.Host.Redactor.Fingerprint);
    }

    /// <summary>Named files and folders: the operator's path is taken as given, nothing inside it is followed or opened unless it is a regular file.</summary>
    private static HostScanResult ScanPaths(IEnumerable<string> targets, Func<string, string> fingerprint, UserRules rules)
    {
        var fs = new HostFs(new Host.HostRoot("/"));
        var files = new List<ScannedFile>();
        var skipped = new List<SkippedFile>();
        foreach (var target in targets)
        {
            var real = HostFs.RealPath(target);
            var stat = real is null ? HostStat.Missing : fs.Stat(real);
            if (real is null || !stat.Exists)
            {
                skipped.Add(new SkippedFile(target, "no such file or folder"));
                continue;
            }

            var list = new List<(string Path, string Shown)>();
            if (stat.IsDirectory)
            {
                foreach (var entry in fs.Walk(real, new WalkLimits { Enter = relative => Path.GetFileName(relative) != ".git" }))
                {
                    var shown = target.TrimEnd('/') + "/" + entry.Relative;
                    if (entry.Problem is { } problem)
                    {
                        skipped.Add(new SkippedFile(shown, problem));
                    }
                    else if (entry.Stat.IsFile)
                    {
                        list.Add((entry.HostPath, shown));
                    }
                    else if (!entry.Stat.IsDirectory && !entry.Stat.IsSymlink)
                    {
                        skipped.Add(new SkippedFile(shown, $"is {HostStat.Describe(entry.Stat.Type)}; not opened"));
                    }
                }
            }
            else
            {
                list.Add((real, target));
            }

            foreach (var (path, shown) in list)
            {
                var (file, skip) = FileSecretScanner.ScanFile(fs, path, fingerprint, shown, rules);
                if (file is not null)
                {
                    files.Add(file);
                }
                else if (skip is not null)
                {
                    skipped.Add(skip);
                }
            }
        }

        return new HostScanResult(files, skipped);
    }

    private static string Text(HostScanResult result, TimeSpan took, bool quiet)
    {
        var text = new StringBuilder();
        foreach (var found in result.Findings)
        {
            text.AppendLine($"{found.Path}:{found.Line}:{found.Column}: {found.Kind}, {found.Length} chars, {found.Fingerprint}");
        }

        foreach (var found in result.Identifiers)
        {
            text.AppendLine($"{found.Path}:{found.Line}:{found.Column}: {found.Kind}, {found.Length} chars, {found.Fingerprint} (identifier, {SensitiveIdentifiers.Severity} severity: not a secret, reconcile does not move it)");
        }

        foreach (var skip in quiet ? [] : result.Skipped)
        {
            text.AppendLine($"skipped {skip.Path}: {skip.Reason}");
        }

        var megabytes = result.Bytes / 1e6;
        var identifiers = result.Identifiers.Count();
        var alsoIdentifiers = identifiers == 0 ? string.Empty : $" and {identifiers} sensitive identifier(s), not moved,";
        text.AppendLine($"{result.Findings.Count()} finding(s){alsoIdentifiers} in {result.Files.Count(f => f.Findings.Count > 0 || f.Identifiers.Count > 0)} of {result.Files.Count} file(s); {megabytes:0.00} MB in {took.TotalMilliseconds:0} ms");
        return text.ToString();
    }

    private static string Json(HostScanResult result) => JsonOutput.Of(
        new Scan(
            result.Findings.Select(SecretFinding.From),
            result.Identifiers.Select(SecretFinding.From).Select(f => new Identifier(f.Path, f.Line, f.Column, f.Length, f.Kind, f.Fingerprint, f.Id, SensitiveIdentifiers.Severity, Moved: false, SensitiveIdentifiers.Describe(f.Kind))),
            result.Files.Count,
            result.Bytes,
            result.Skipped),
        JsonOutput.Types.Scan);

    /// <summary>What <c>secrets scan --output json</c> prints: credentials, sensitive identifiers (never moved), totals and what was skipped.</summary>
    internal sealed record Scan(IEnumerable<SecretFinding> Findings, IEnumerable<Identifier> Identifiers, int Files, long Bytes, IReadOnlyList<SkippedFile> Skipped);

    /// <summary>A sensitive identifier: where, what kind, its fingerprint and id, its severity and what it is.</summary>
    internal sealed record Identifier(string Path, int Line, int Column, int Length, string Kind, string Fingerprint, string Id, string Severity, bool Moved, string What);
}
