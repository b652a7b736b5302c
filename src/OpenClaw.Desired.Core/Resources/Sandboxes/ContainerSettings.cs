using System.Globalization;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>The /tmp tmpfs of a container: whether it is noexec and nosuid, and its size (0 = engine default).</summary>
public sealed record TmpfsMount(bool NoExec, bool NoSuid, long SizeBytes);

/// <summary>
/// The settings of a container that make it a sandbox, in a form in which the desired and the observed
/// container compare setting by setting: capabilities as the effective set, sizes in bytes, binds sorted.
/// </summary>
public sealed record ContainerSettings(
    string Image,
    string? ImageId,
    bool ReadOnlyRoot,
    string Network,
    string User,
    TmpfsMount? Tmp,
    ValueList<string> Capabilities,
    bool NoNewPrivileges,
    long MemoryBytes,
    long Pids,
    long NanoCpus,
    bool Privileged,
    ValueList<BindSpec> Binds,
    ValueList<string>? Command,
    bool Running)
{
    /// <summary>Each setting by name, as shown in a plan.</summary>
    public IReadOnlyList<(string Name, string Value)> Describe() =>
    [
        ("image", ImageId is null ? Image : $"{Image}@{Short(ImageId)}"),
        ("readOnlyRoot", ReadOnlyRoot ? "true" : "false"),
        ("network", Network),
        ("user", User.Length == 0 ? "image default (root?)" : User),
        ("tmpfs /tmp", Tmp is null ? "none" : $"{(Tmp.NoExec ? "noexec" : "exec")},{(Tmp.NoSuid ? "nosuid" : "suid")},size={Bytes(Tmp.SizeBytes)}"),
        ("capabilities", Capabilities.Count == 0 ? "none" : string.Join(",", Capabilities)),
        ("no-new-privileges", NoNewPrivileges ? "true" : "false"),
        ("memory", Bytes(MemoryBytes)),
        ("pids", Pids <= 0 ? "unlimited" : Pids.ToString(CultureInfo.InvariantCulture)),
        ("cpus", NanoCpus <= 0 ? "unlimited" : (NanoCpus / 1e9).ToString("0.###", CultureInfo.InvariantCulture)),
        ("privileged", Privileged ? "true" : "false"),
        ("binds", Binds.Count == 0 ? "none" : string.Join(" ", Binds)),
        ("command", Command is null ? "image default" : string.Join(' ', Command)),
        ("running", Running ? "true" : "false"),
    ];

    /// <summary>The settings that differ, as "name: observed" and "name: desired" pairs. The image is compared by id when both ids are known.</summary>
    public static IReadOnlyList<(string Name, string Observed, string Desired)> Differences(ContainerSettings observed, ContainerSettings desired)
    {
        var want = desired.Describe().ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal);
        var result = new List<(string, string, string)>();
        foreach (var (name, value) in observed.Describe())
        {
            var wanted = want[name];
            var same = name switch
            {
                "image" => desired.ImageId is not null && observed.ImageId is not null
                    ? string.Equals(Strip(desired.ImageId), Strip(observed.ImageId), StringComparison.Ordinal)
                    : string.Equals(observed.Image, desired.Image, StringComparison.Ordinal),
                "command" => desired.Command is null || value == wanted,
                _ => value == wanted,
            };
            if (!same)
            {
                result.Add((name, value, wanted));
            }
        }

        return result;
    }

    public static string Bytes(long bytes) => bytes switch
    {
        <= 0 => "unlimited",
        _ when bytes % (1L << 30) == 0 => $"{bytes >> 30}g",
        _ when bytes % (1L << 20) == 0 => $"{bytes >> 20}m",
        _ when bytes % (1L << 10) == 0 => $"{bytes >> 10}k",
        _ => bytes.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>"64m", "1g", "512k" or plain bytes.</summary>
    public static long ParseBytes(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.EndsWith('b'))
        {
            t = t[..^1];
        }

        var unit = t.Length > 0 ? t[^1] : '0';
        var shift = unit switch { 'k' => 10, 'm' => 20, 'g' => 30, _ => 0 };
        var number = shift == 0 ? t : t[..^1];
        return long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture) << shift;
    }

    private static string Strip(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;

    private static string Short(string id) => Strip(id)[..Math.Min(12, Strip(id).Length)];
}
