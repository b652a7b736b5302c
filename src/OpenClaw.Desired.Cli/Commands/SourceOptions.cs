using System.CommandLine;
using OpenClaw.Desired.Source;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// Options that take the posture from Git. Credentials are deliberately not among them: HTTPS tokens come
/// from OPENCLAW_DESIRED_GIT_TOKEN (or a token file), SSH from ssh-agent, so they never show in a process list.
/// </summary>
public sealed class SourceOptions
{
    public Option<string?> Repo { get; } = new("--repo") { Description = "Posture repository: a path, file://, https:// or ssh:// URL (credentials only from the environment)" };
    public Option<string?> Ref { get; } = new("--ref") { Description = "Branch, tag or commit to follow (default HEAD: the remote's default branch)" };
    public Option<string?> Path { get; } = new("--path") { Description = "The posture file in the repository (default posture.yaml)" };
    public Option<string?> HostName { get; } = new("--hostname") { Description = "Selects hosts/<name>.yaml beside the posture (default: this machine's name)" };
    public Option<string[]> HostGroups { get; } = new("--host-group") { Description = "Selects groups/<group>.yaml beside the posture; repeatable, applied in order" };
    public Option<string[]> VerifyKeys { get; } = new("--verify-key") { Description = "Trusted signing key fingerprint; repeatable. Unsigned or otherwise signed commits are not applied" };
    public Option<string?> VerifyKeyring { get; } = new("--verify-keyring") { Description = "Public keyring file (gpg --export, binary or armored) whose keys may sign applied commits" };
    public Option<bool> AllowRollback { get; } = new("--allow-rollback") { Description = "Apply a commit older than (an ancestor of) the last applied one" };
    public Option<bool> Local { get; } = new("--local") { Description = "Use the posture file as written: do not follow its source: section to a repository" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Repo, Ref, Path, HostName, HostGroups, VerifyKeys, VerifyKeyring, AllowRollback, Local })
        {
            command.Options.Add(option);
        }
    }

    public SourceRequest Read(ParseResult parse, string? baseRef = null) => new()
    {
        Repo = parse.GetValue(Repo),
        Ref = parse.GetValue(Ref),
        Path = parse.GetValue(Path),
        HostName = parse.GetValue(HostName),
        HostGroups = parse.GetValue(HostGroups) ?? [],
        VerifyKeys = parse.GetValue(VerifyKeys) ?? [],
        VerifyKeyring = parse.GetValue(VerifyKeyring),
        AllowRollback = parse.GetValue(AllowRollback),
        LocalOnly = parse.GetValue(Local),
        BaseRef = baseRef,
    };
}
