using System.CommandLine;
using System.Globalization;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>suspend --reason TEXT [--for 2h | --until DATE]</c> and <c>resume</c>: pause and restart applying (the loop keeps
/// reporting). Every suspension ends by itself, 24 hours after it began unless told otherwise, so none is forgotten.
/// </summary>
internal static class SuspendCommand
{
    public static readonly TimeSpan DefaultFor = TimeSpan.FromHours(24);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(90);

    public static Command CreateSuspend(CliConsole console)
    {
        var reason = new Option<string>("--reason") { Description = "Why applying is paused (shown in every report until it ends)", Required = true };
        var forOption = new Option<string?>("--for") { Description = "How long: 30m, 2h, 3d [default: 24h]" };
        var until = new Option<string?>("--until") { Description = "Until when: 2026-12-24 (through that day, UTC) or 2026-12-24T18:00Z" };
        var (root, stateDir, output) = StateOptions();
        var command = new Command("suspend", "Pause applying for a while; the loop keeps planning and reporting") { reason, forOption, until, root, stateDir, output };
        command.Validators.Add(result =>
        {
            if (result.GetValue(forOption) is not null && result.GetValue(until) is not null)
            {
                result.AddError("--for and --until both say when the suspension ends; give one");
            }
        });
        command.SetAction(parse =>
        {
            var state = StateDir(parse, root, stateDir);
            var text = parse.GetValue(reason)!.Trim();
            if (text.Length == 0)
            {
                console.WriteError("--reason must say why");
                return ExitCodes.Error;
            }

            var now = TimeProvider.System.GetUtcNow();
            var (end, problem) = End(parse.GetValue(forOption), parse.GetValue(until), now);
            if (problem is not null)
            {
                console.WriteError(problem);
                return ExitCodes.Error;
            }

            var record = new SuspendRecord(text, now, Environment.UserName) { Until = end };
            SuspendFile.Write(state, record);
            console.WriteOut(parse.GetValue(output) == "json"
                ? JsonOutput.Of(record, JsonOutput.Types.SuspendRecord)
                : $"suspended until {end:yyyy-MM-dd HH:mm}Z: {text} ({SuspendFile.PathIn(state)}); resume sooner with: openclaw-desired resume\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateResume(CliConsole console)
    {
        var (root, stateDir, output) = StateOptions();
        var command = new Command("resume", "Resume applying after suspend") { root, stateDir, output };
        command.SetAction(parse =>
        {
            var state = StateDir(parse, root, stateDir);
            var was = SuspendFile.Remove(state);
            console.WriteOut(parse.GetValue(output) == "json"
                ? JsonOutput.Of(new Resume(was is not null, was), JsonOutput.Types.Resume)
                : was is null ? "not suspended\n" : $"resumed (was suspended since {was.Since:u} by {was.By}: {was.Reason})\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>When the suspension ends, or why the request is refused.</summary>
    internal static (DateTimeOffset End, string? Problem) End(string? duration, string? until, DateTimeOffset now)
    {
        DateTimeOffset end;
        if (until is not null)
        {
            if (DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            else if (!DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out end))
            {
                return (now, $"--until {until}: expected a date (2026-12-24) or a time (2026-12-24T18:00Z)");
            }

            if (end <= now)
            {
                return (now, $"--until {until} has already passed");
            }
        }
        else if (duration is not null)
        {
            if (!Duration.TryParse(duration, out var span) || span <= TimeSpan.Zero)
            {
                return (now, $"--for {duration}: expected a duration above zero, such as 30m, 2h or 3d");
            }

            end = now + span;
        }
        else
        {
            end = now + DefaultFor;
        }

        return end - now > Longest ? (now, $"a suspension may last at most {Longest.TotalDays:0} days; pick an earlier end") : (end, null);
    }

    private static (Option<string> Root, Option<string?> StateDir, Option<string> Output) StateOptions()
    {
        var output = new Option<string>("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyInOrder("text", "json");
        return (new Option<string>("--root") { Description = "The host's /", DefaultValueFactory = _ => "/" },
            new Option<string?>("--state-dir") { Description = "Reconciler state dir [default: /var/lib/openclaw-desired under --root as root]" },
            output);
    }

    private static string StateDir(ParseResult parse, Option<string> root, Option<string?> stateDir)
    {
        var rootPath = parse.GetValue(root)!;
        return new RunOptions { PosturePath = string.Empty, Root = rootPath, StateDir = parse.GetValue(stateDir) }.ResolveStateDir(new HostRoot(rootPath));
    }

    /// <summary>What <c>resume --output json</c> prints: whether a suspension ended, and which.</summary>
    internal sealed record Resume(bool Resumed, SuspendRecord? Was);
}
