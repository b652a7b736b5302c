using LibGit2Sharp;
using LibGit2Sharp.Handlers;
using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Source;

/// <summary>
/// HTTPS credentials from the environment only: <c>OPENCLAW_DESIRED_GIT_TOKEN</c>, or a file named by
/// <c>OPENCLAW_DESIRED_GIT_TOKEN_FILE</c>, or systemd's <c>$CREDENTIALS_DIRECTORY/git-token</c>; user name from
/// <c>OPENCLAW_DESIRED_GIT_USERNAME</c> (default x-access-token). SSH goes through the system's OpenSSH client,
/// so ssh-agent and ~/.ssh/config apply. The token is registered with the redactor before it is used.
/// </summary>
public sealed class GitCredentials(Func<string, string?> environment, SecretRedactor redactor)
{
    public const string TokenVariable = "OPENCLAW_DESIRED_GIT_TOKEN";
    public const string TokenFileVariable = "OPENCLAW_DESIRED_GIT_TOKEN_FILE";
    public const string UserVariable = "OPENCLAW_DESIRED_GIT_USERNAME";

    public string? Token()
    {
        var token = environment(TokenVariable);
        var file = environment(TokenFileVariable)
            ?? (environment("CREDENTIALS_DIRECTORY") is { } credentials ? System.IO.Path.Combine(credentials, "git-token") : null);
        if (string.IsNullOrEmpty(token) && file is not null && File.Exists(file))
        {
            token = File.ReadAllText(file).Trim();
        }

        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        redactor.Add(token);
        return token;
    }

    /// <summary>A handler that answers once; a second request means the server refused the token, so give up.</summary>
    public CredentialsHandler Handler()
    {
        var asked = 0;
        return (_, _, types) =>
        {
            var token = Token();
            if (token is null || !types.HasFlag(SupportedCredentialTypes.UsernamePassword))
            {
                throw new SourceException($"the repository asks for credentials; set {TokenVariable} (or {TokenFileVariable}) in the environment");
            }

            if (Interlocked.Increment(ref asked) > 1)
            {
                throw new SourceException($"the repository refused the token from the environment ({TokenVariable})");
            }

            return new UsernamePasswordCredentials { Username = environment(UserVariable) ?? "x-access-token", Password = token };
        };
    }
}
