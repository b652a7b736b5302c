using System.CommandLine;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>Options with a fixed set of values, listed in help in their own order (tiers weakest first), not sorted.</summary>
internal static class OptionValues
{
    public static void AcceptOnlyInOrder(this Option<string> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        option.HelpName = string.Join('|', values);
    }
}
