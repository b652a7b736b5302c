using System.Text;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Secrets.Stores;

/// <summary>
/// OpenClaw's own <c>&lt;state&gt;/.env</c>: the gateway loads it into its environment, and openclaw.json refers
/// to its names as <c>${NAME}</c>. Kept 0600 and owned by the agent user.
/// </summary>
public sealed class EnvSecretStore(HostRoot root, string hostPath, (int Uid, int Gid)? owner) : ISecretStore
{
    public string Kind => "env";

    public string Description => $"the env store ({hostPath})";

    public IReadOnlyList<string> HostFiles => [hostPath];

    public async Task<IReadOnlyDictionary<string, StoredSecret>> ReadAsync(CancellationToken cancellationToken)
    {
        var real = root.Resolve(hostPath);
        if (!File.Exists(real))
        {
            return new Dictionary<string, StoredSecret>();
        }

        var entries = DotEnv.Parse(File.ReadAllText(real));
        var result = new Dictionary<string, StoredSecret>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // dotenv: a later line of the same name wins.
            result[entry.Name] = new StoredSecret(entry.Name, entry.Value, null);
        }

        return result;
    }

    public async Task PutAsync(string name, string value, FileChanger files, string changeId, CancellationToken cancellationToken)
    {
        var real = root.Resolve(hostPath);
        var text = File.Exists(real) ? await File.ReadAllTextAsync(real, cancellationToken) : "# Secrets for OpenClaw (managed by openclaw-desired)\n";
        files.Write(hostPath, Encoding.UTF8.GetBytes(DotEnv.Set(text, name, value)), changeId, StoreFiles.PrivateFile);
        StoreFiles.EnsureOwner(root, hostPath, owner, files, changeId);
    }

    public JToken ConfigReference(string name) => new JValue("${" + name + "}");

    public JObject SecretRef(string name) => new() { ["source"] = "env", ["provider"] = "default", ["id"] = name };

    public (string Alias, JObject Block)? Provider => null;
}
