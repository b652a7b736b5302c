using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// The value of a declared secret: a literal in the posture, the reconciler's environment variable, or a file
/// on the host. <c>{store: NAME}</c> and no value mean "the store must already hold it". Registered with the
/// redactor as soon as it is read.
/// </summary>
internal static class DeclaredValue
{
    public static async Task<(string? Value, string Source, string? Problem)> ResolveAsync(DeclaredSecret declared, HostContext host, OpenClawPaths paths, CancellationToken cancellationToken)
    {
        switch (declared.Value)
        {
            case { Literal: { } literal }:
                host.Redactor.Add(literal);
                return (literal, "the posture", null);
            case { Env: { } variable }:
                var fromEnv = Environment.GetEnvironmentVariable(variable);
                host.Redactor.Add(fromEnv);
                return string.IsNullOrEmpty(fromEnv) ? (null, $"env:{variable}", $"{variable} is not set where the reconciler runs") : (fromEnv, $"env:{variable}", null);
            case { File: { } file }:
                var hostPath = host.Homes.Expand(file, paths.User);
                var real = host.Root.Resolve(hostPath);
                if (!File.Exists(real))
                {
                    return (null, $"file:{file}", $"{file} does not exist");
                }

                var fromFile = File.ReadAllText(real).Trim();
                host.Redactor.Add(fromFile);
                return (fromFile, $"file:{file}", null);
            case { Store: { } name }:
                return (null, $"store:{name}", null);
            default:
                return (null, "store", null);
        }
    }
}
