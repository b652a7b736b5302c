using System.Globalization;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>Small pieces of nft syntax shared by the desired-table builder and the JSON reader.</summary>
internal static class NftText
{
    /// <summary>Meta keys nft prints without the "meta" keyword.</summary>
    public static readonly IReadOnlySet<string> BareMetaKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "iif", "oif", "iifname", "oifname",
    };

    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A single value as is, several as an anonymous set with elements in ordinal order (nft reorders them).</summary>
    public static string ValueOrSet(IEnumerable<string> values)
    {
        var list = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 1 ? list[0] : "{ " + string.Join(", ", list) + " }";
    }

    public static string ValueOrSet(IEnumerable<int> values) =>
        ValueOrSet(values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    public static string Meta(string key) => BareMetaKeys.Contains(key) ? key : $"meta {key}";

    /// <summary>The cgroup v2 level of a path relative to the cgroup v2 root.</summary>
    public static int CgroupLevel(string relativePath) => relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;

    public static string Cgroup(string relativePath, string mountPrefix) =>
        $"socket cgroupv2 level {CgroupLevel(relativePath)} {Quote(mountPrefix + relativePath)}";
}
