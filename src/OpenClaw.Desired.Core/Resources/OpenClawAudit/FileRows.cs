using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>Which files or folders a row covers.</summary>
public enum FileTarget
{
    StateDir,
    Config,
    ConfigInclude,
    AuthProfiles,
    CredentialsDir,
    CredentialFile,
    SessionsDir,
    SessionFile,
    LogFile,
}

/// <summary>An audit check that fires while any of <see cref="Bits"/> is set; closed from the tier its severity asks for.</summary>
public sealed record BitCheck(string Id, Tier From, UnixFileMode Bits);

/// <summary>
/// One row of the file-mode catalog: what it covers (as the docs say it), whether those are folders, the mode
/// they end with from standard, and the audit checks their group and world bits trigger. Basic clears only the
/// bits behind critical checks; standard and paranoid set the mode itself (bits beyond it cleared).
/// </summary>
public sealed record FileRow(FileTarget Target, string Covers, bool Directory, UnixFileMode Mode, params BitCheck[] Checks)
{
    /// <summary>The mode this row leaves at a tier, from the mode the file has now.</summary>
    public UnixFileMode Desired(UnixFileMode current, Tier tier)
    {
        var permissions = current & (UnixFileMode)0x1FF;
        if (tier >= Tier.Standard)
        {
            return permissions & Mode;
        }

        var clear = Checks.Where(c => c.From <= tier).Aggregate((UnixFileMode)0, (bits, c) => bits | c.Bits);
        return permissions & ~clear;
    }

    /// <summary>The checks the current mode triggers.</summary>
    public IEnumerable<string> Triggered(UnixFileMode current) => Checks.Where(c => (current & c.Bits) != 0).Select(c => c.Id).Distinct(StringComparer.Ordinal);
}

/// <summary>The file-mode catalog: OpenClaw's fs.* audit checks as rows.</summary>
public static class FileRows
{
    private const UnixFileMode GroupWrite = UnixFileMode.GroupWrite;
    private const UnixFileMode OtherWrite = UnixFileMode.OtherWrite;
    private const UnixFileMode GroupRead = UnixFileMode.GroupRead;
    private const UnixFileMode OtherRead = UnixFileMode.OtherRead;
    private const UnixFileMode PrivateDir = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static readonly IReadOnlyList<FileRow> All =
    [
        new(FileTarget.StateDir, "the state dir (~/.openclaw)", true, PrivateDir,
            new BitCheck("fs.state_dir.perms_world_writable", Tier.Basic, OtherWrite),
            new BitCheck("fs.state_dir.perms_group_writable", Tier.Standard, GroupWrite),
            new BitCheck("fs.state_dir.perms_readable", Tier.Standard, GroupRead | OtherRead)),
        new(FileTarget.Config, "openclaw.json", false, PrivateFile,
            new BitCheck("fs.config.perms_writable", Tier.Basic, GroupWrite | OtherWrite),
            new BitCheck("fs.config.perms_world_readable", Tier.Basic, OtherRead),
            new BitCheck("fs.config.perms_group_readable", Tier.Standard, GroupRead)),
        new(FileTarget.ConfigInclude, "files openclaw.json pulls in with $include", false, PrivateFile,
            new BitCheck("fs.config_include.perms_writable", Tier.Basic, GroupWrite | OtherWrite),
            new BitCheck("fs.config_include.perms_world_readable", Tier.Basic, OtherRead),
            new BitCheck("fs.config_include.perms_group_readable", Tier.Standard, GroupRead)),
        new(FileTarget.AuthProfiles, "agents/<id>/agent/auth-profiles.json", false, PrivateFile,
            new BitCheck("fs.auth_profiles.perms_writable", Tier.Basic, GroupWrite | OtherWrite),
            new BitCheck("fs.auth_profiles.perms_readable", Tier.Standard, GroupRead | OtherRead)),
        new(FileTarget.CredentialsDir, "credentials/", true, PrivateDir,
            new BitCheck("fs.credentials_dir.perms_writable", Tier.Basic, GroupWrite | OtherWrite),
            new BitCheck("fs.credentials_dir.perms_readable", Tier.Standard, GroupRead | OtherRead)),
        new(FileTarget.CredentialFile, "files under credentials/", false, PrivateFile,
            new BitCheck("fs.credentials_dir.perms_writable", Tier.Basic, GroupWrite | OtherWrite),
            new BitCheck("fs.credentials_dir.perms_readable", Tier.Standard, GroupRead | OtherRead)),
        new(FileTarget.SessionsDir, "agents/<id>/sessions/", true, PrivateDir,
            new BitCheck("fs.sessions_store.perms_readable", Tier.Standard, GroupRead | OtherRead)),
        new(FileTarget.SessionFile, "sessions.json and *.jsonl transcripts", false, PrivateFile,
            new BitCheck("fs.sessions_store.perms_readable", Tier.Standard, GroupRead | OtherRead)),
        new(FileTarget.LogFile, "gateway logs (logging.file, or /tmp/openclaw/openclaw-*.log)", false, PrivateFile,
            new BitCheck("fs.log_file.perms_readable", Tier.Standard, GroupRead | OtherRead)),
    ];

    public static FileRow For(FileTarget target) => All.First(r => r.Target == target);
}

/// <summary>Maps the paths other kinds change the mode of (the secrets kind) to the audit checks the change closes.</summary>
public static class FileRowChecks
{
    public static IReadOnlyList<string> For(Host.OpenClawPaths paths, string hostPath, bool directory, UnixFileMode current, UnixFileMode desired)
    {
        FileTarget? target = hostPath == paths.StateDir ? FileTarget.StateDir
            : hostPath == paths.ConfigPath ? FileTarget.Config
            : hostPath == paths.StateDir + "/credentials" ? FileTarget.CredentialsDir
            : hostPath.StartsWith(paths.StateDir + "/credentials/", StringComparison.Ordinal) && !directory ? FileTarget.CredentialFile
            : hostPath.StartsWith(paths.StateDir + "/agents/", StringComparison.Ordinal) && hostPath.EndsWith("/agent/auth-profiles.json", StringComparison.Ordinal) ? FileTarget.AuthProfiles
            : null;
        if (target is not { } t)
        {
            return [];
        }

        var cleared = current & ~desired;
        return FileRows.For(t).Checks.Where(c => (cleared & c.Bits) != 0).Select(c => c.Id).Distinct(StringComparer.Ordinal).ToList();
    }
}
