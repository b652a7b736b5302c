using System.Text.RegularExpressions;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>Checks of the backups section the schema cannot express; called from <see cref="SemanticChecks"/>.</summary>
internal static partial class BackupsChecks
{
    public static void Run(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        if (document.Backups is not { } backups)
        {
            return;
        }

        void Cron(string? expression, string path)
        {
            if (expression is not null && CronSchedule.TryParse(expression, out var error) is null)
            {
                diagnostics.Add(at.At(path, $"not a usable cron expression: {error}"));
            }
        }

        Cron(backups.Git?.Schedule, "backups.git.schedule");
        Cron(backups.Verify?.Check, "backups.verify.check");
        Cron(backups.Verify?.RestoreTest, "backups.verify.restoreTest");
        if (backups.Git is { } git)
        {
            CheckGit(git, at, diagnostics);
        }

        for (var i = 0; i < (backups.Archives?.Count ?? 0); i++)
        {
            var archive = backups.Archives![i];
            var path = $"backups.archives[{i}]";
            Cron(archive.Schedule, path + ".schedule");
            CheckArchive(archive, path, at, diagnostics);
        }

        if (Verdict321.Planned(backups) is { Met: false } verdict && (backups.Git is not null || backups.Archives is { Count: > 0 }))
        {
            diagnostics.Add(at.At("backups", $"the backups do not meet 3-2-1 ({verdict.Describe()})", Severity.Warning));
        }
    }

    private static void CheckGit(GitBackupSpec git, Locator at, List<Diagnostic> diagnostics)
    {
        if (git.Primary is null && git.Secondary is null)
        {
            diagnostics.Add(at.At("backups.git", "a Git backup needs a remote (primary, and for 3-2-1 a secondary)"));
        }

        var names = new[] { (git.Primary, "primary", "origin"), (git.Secondary, "secondary", "secondary") }
            .Where(r => r.Item1 is not null).Select(r => (Path: $"backups.git.{r.Item2}", Name: r.Item1!.Name ?? r.Item3, r.Item1.Url)).ToList();
        if (names.Count == 2 && names[0].Name == names[1].Name)
        {
            diagnostics.Add(at.At(names[1].Path + ".name", $"primary and secondary remote are both named '{names[0].Name}'"));
        }

        foreach (var (path, _, url) in names)
        {
            if (ResticRepository.UrlPassword(url) is not null)
            {
                diagnostics.Add(at.At(path + ".url", "the URL holds a password; give it in credential ({store: NAME}) so it stays out of Git and .git/config"));
            }
        }
    }

    private static void CheckArchive(ArchiveSpec archive, string path, Locator at, List<Diagnostic> diagnostics)
    {
        if (archive.Name == BackupsDesired.GitName)
        {
            diagnostics.Add(at.At(path + ".name", "'git' names the workspace repository in `backup run git`; choose another archive name"));
        }

        if (ResticRepository.UrlPassword(archive.Repository) is not null)
        {
            diagnostics.Add(at.At(path + ".repository", "the repository URL holds a password; give it in credential ({store: NAME})"));
        }

        if (archive.Credential is not null && !archive.Repository.StartsWith("rest:", StringComparison.Ordinal))
        {
            diagnostics.Add(at.At(path + ".credential", "credential is the password of a rest: server; give other backends' secrets in env"));
        }

        if (archive.Password.Literal is not null)
        {
            diagnostics.Add(at.At(path + ".password", "a literal secret in the posture ends up in Git; prefer {store: NAME} or {file: PATH}", Severity.Warning));
        }

        foreach (var name in archive.Env?.Keys ?? [])
        {
            if (!EnvName().IsMatch(name) || name.StartsWith("RESTIC_REPOSITORY", StringComparison.Ordinal) || name.StartsWith("RESTIC_PASSWORD", StringComparison.Ordinal))
            {
                diagnostics.Add(at.At($"{path}.env", $"'{name}' cannot be set here: use NAME of [A-Z0-9_], and repository/password for restic's own"));
            }
        }
    }

    [GeneratedRegex("^[A-Z_][A-Z0-9_]*$")]
    private static partial Regex EnvName();
}
