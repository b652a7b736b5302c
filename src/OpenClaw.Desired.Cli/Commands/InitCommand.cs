using System.CommandLine;
using System.Text;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>init --tier T</c>: write a commented posture for a tier, and its schema beside it for editors.</summary>
internal static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var tier = new Option<string>("--tier") { Description = "basic, standard or paranoid", DefaultValueFactory = _ => "standard" };
        tier.AcceptOnlyInOrder("basic", "standard", "paranoid");
        var output = new Option<string>("--posture", "-p") { Description = "Where to write the posture", DefaultValueFactory = _ => "posture.yaml" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file" };
        var command = new Command("init", "Write a commented posture.yaml for a tier") { tier, output, force };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            if (File.Exists(path) && !parse.GetValue(force))
            {
                console.WriteError($"{path} exists; use --force to overwrite it");
                return 1;
            }

            var text = Embedded.Text($"posture.{parse.GetValue(tier)}.yaml")
                .Replace("$schema=../../schemas/posture.schema.json", "$schema=./posture.schema.json", StringComparison.Ordinal);
            AtomicFile.Write(path, Encoding.UTF8.GetBytes(text), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var schema = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "posture.schema.json");
            if (!File.Exists(schema))
            {
                AtomicFile.Write(schema, Encoding.UTF8.GetBytes(Embedded.Text("posture.schema.json")), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            console.WriteOut($"wrote {path} (tier {parse.GetValue(tier)}); check it with: openclaw-desired validate --posture {path}\n");
            return 0;
        });
        return command;
    }
}
