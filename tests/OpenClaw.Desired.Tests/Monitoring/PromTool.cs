using System.Diagnostics;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>Runs Prometheus's promtool (Debian package prometheus).</summary>
internal static class PromTool
{
    public static (int ExitCode, string Output) Run(string? stdin, params string[] args)
    {
        var info = new ProcessStartInfo("promtool") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000);
        return (process.ExitCode, output.Result + error.Result);
    }
}
