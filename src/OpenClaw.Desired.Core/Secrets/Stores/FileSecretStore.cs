using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Secrets.Stores;

/// <summary>
/// OpenClaw's file secret provider: a JSON object of NAME → value, declared in openclaw.json as
/// <c>secrets.providers.&lt;alias&gt; {source:"file", path, mode:"json"}</c> and referred to as
/// <c>{source:"file", provider:alias, id:"/NAME"}</c>.
/// </summary>
public sealed class FileSecretStore(HostRoot root, string hostPath, string alias, (int Uid, int Gid)? owner) : ISecretStore
{
    public string Kind => "file";

    public string Description => $"the file store ({hostPath})";

    public IReadOnlyList<string> HostFiles => [hostPath];

    public async Task<IReadOnlyDictionary<string, StoredSecret>> ReadAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StoredSecret>(StringComparer.Ordinal);
        foreach (var property in (await LoadAsync(cancellationToken)).Properties())
        {
            if (property.Value.Type == JTokenType.String)
            {
                result[property.Name] = new StoredSecret(property.Name, (string)property.Value!, null);
            }
        }

        return result;
    }

    public async Task PutAsync(string name, string value, FileChanger files, string changeId, CancellationToken cancellationToken)
    {
        var json = await LoadAsync(cancellationToken);
        json[name] = value;
        files.Write(hostPath, Encoding.UTF8.GetBytes(json.ToString(Formatting.Indented) + "\n"), changeId, StoreFiles.PrivateFile);
        StoreFiles.EnsureOwner(root, hostPath, owner, files, changeId);
    }

    public JToken ConfigReference(string name) => SecretRef(name);

    public JObject SecretRef(string name) => new() { ["source"] = "file", ["provider"] = alias, ["id"] = "/" + name };

    public (string Alias, JObject Block)? Provider => (alias, new JObject { ["source"] = "file", ["path"] = hostPath, ["mode"] = "json" });

    private async Task<JObject> LoadAsync(CancellationToken cancellationToken)
    {
        var real = root.Resolve(hostPath);
        if (!File.Exists(real))
        {
            return [];
        }

        try
        {
            return JObject.Parse(File.ReadAllText(real));
        }
        catch (JsonReaderException e)
        {
            throw new InvalidOperationException($"the file store {hostPath} is not a JSON object (line {e.LineNumber}); fix it by hand");
        }
    }
}
