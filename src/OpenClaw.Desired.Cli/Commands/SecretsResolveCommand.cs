using System.CommandLine;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Secrets.Vault;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>secrets resolve</c>: OpenClaw's exec secret provider for the vault store. OpenClaw runs it with the
/// arguments the reconciler wrote into secrets.providers and a request on stdin; it answers with the values.
/// Not for people: it is the one verb that prints secrets, to the process that asked for them.
/// </summary>
internal static class SecretsResolveCommand
{
    public static Command Create(CliConsole console, TextReader input)
    {
        var address = new Option<string>("--address") { Description = "Vault's address", Required = true };
        var mount = new Option<string>("--mount") { Description = "KV v2 mount", DefaultValueFactory = _ => "secret" };
        var path = new Option<string>("--path") { Description = "Folder of the secrets in the mount", DefaultValueFactory = _ => "openclaw" };
        var ns = new Option<string?>("--namespace") { Description = "Vault namespace" };
        var auth = new Option<string>("--auth") { Description = "token or approle", DefaultValueFactory = _ => "token" };
        auth.AcceptOnlyInOrder("token", "approle");
        var tokenEnv = new Option<string>("--token-env") { DefaultValueFactory = _ => "VAULT_TOKEN" };
        var roleEnv = new Option<string>("--role-id-env") { DefaultValueFactory = _ => "VAULT_ROLE_ID" };
        var secretEnv = new Option<string>("--secret-id-env") { DefaultValueFactory = _ => "VAULT_SECRET_ID" };
        var command = new Command("resolve", "Exec secret provider for OpenClaw (reads a request on stdin)") { address, mount, path, ns, auth, tokenEnv, roleEnv, secretEnv };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            VaultAuth credentials = parse.GetValue(auth) == "approle"
                ? new VaultAppRoleAuth(Environment.GetEnvironmentVariable(parse.GetValue(roleEnv)!) ?? string.Empty, Environment.GetEnvironmentVariable(parse.GetValue(secretEnv)!) ?? string.Empty)
                : new VaultTokenAuth(Environment.GetEnvironmentVariable(parse.GetValue(tokenEnv)!) ?? string.Empty);
            var raw = parse.GetValue(address)!;
            var settings = new VaultSettings(new Uri(raw.EndsWith('/') ? raw : raw + "/"), parse.GetValue(ns), parse.GetValue(mount)!, credentials);
            using var http = new HttpClient();
            var answer = await ExecResolver.ResolveAsync(await input.ReadToEndAsync(cancellationToken), new VaultKvClient(http, settings), parse.GetValue(path)!.Trim('/'), cancellationToken);
            // Deliberately not through the redactor: handing the values over is this verb's job.
            await console.Out.WriteLineAsync(answer);
            return ExitCodes.Ok;
        });
        return command;
    }
}
