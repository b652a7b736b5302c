namespace OpenClaw.Desired.Tests.Support;

/// <summary>examples/risky-host copied to a scratch host, with the modes and links of its setup.txt applied.</summary>
public static class RiskyHost
{
    public static string Folder => Path.Combine(RepoPaths.Examples, "risky-host");

    public static string Posture => Path.Combine(Folder, "posture.yaml");

    public const string Config = "/home/claw/.openclaw/openclaw.json";

    public static ScratchHost Create()
    {
        var host = ScratchHost.Empty();
        ScratchHost.CopyDirectory(Path.Combine(Folder, "root"), host.Root);
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "setup.txt")).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts[0])
            {
                case "mode":
                    File.SetUnixFileMode(host.Real(parts[2]), (UnixFileMode)Convert.ToInt32(parts[1], 8));
                    break;
                case "owner":
                    HostFiles.Lchown(host.Real(parts[2]), int.Parse(parts[1].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "link":
                    File.CreateSymbolicLink(host.Real(parts[1]), parts[2]);
                    break;
                default:
                    throw new InvalidDataException($"setup.txt: {line}");
            }
        }

        return host;
    }
}
