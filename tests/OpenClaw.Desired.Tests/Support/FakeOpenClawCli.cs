namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// A fake of the OpenClaw CLI (OpenClaw cannot be installed here): a shell script at /usr/local/bin/openclaw under a
/// scratch root that answers only `security audit --json`, with a report in OpenClaw's documented shape
/// ({ts, summary, findings: [{checkId, severity, title, detail, remediation}]}). The detail of its first finding
/// tells who ran it and what it saw of the environment, so tests can check the privilege drop and the emptied environment.
/// </summary>
public static class FakeOpenClawCli
{
    public const string HostPath = "/usr/local/bin/openclaw";
    public const string Canary = "OCD_FAKE_OPENCLAW_CANARY";

    public static void Install(ScratchHost host, int sleepSeconds = 0)
    {
        var path = host.Real(HostPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $$"""
            #!/bin/sh
            # Fake OpenClaw CLI for tests.
            case " $* " in *" --fix "*) echo "the reconciler must never pass --fix" >&2; exit 65;; esac
            if [ "$#" -ne 3 ] || [ "$1 $2 $3" != "security audit --json" ]; then echo "unexpected arguments: $*" >&2; exit 64; fi
            sleep {{sleepSeconds}}
            echo "🦞 OpenClaw 2026.11.2 (fake)"
            cat <<JSON
            {
              "ts": 1764400000000,
              "summary": { "critical": 2, "warn": 2, "info": 1 },
              "findings": [
                { "checkId": "gateway.probe_failed", "severity": "warn", "title": "Gateway probe failed", "detail": "uid=$(id -u) canary=${{{Canary}}:-absent} state=$OPENCLAW_STATE_DIR home=$HOME" },
                { "checkId": "gateway.tailscale_funnel", "severity": "critical", "title": "Tailscale Funnel exposure enabled", "detail": "gateway.tailscale.mode=funnel" },
                { "checkId": "sandbox.browser_container.non_loopback_publish", "severity": "critical", "title": "Browser container publishes CDP on 0.0.0.0", "detail": "openclaw-sbx-browser-main publishes 9222 on 0.0.0.0", "remediation": "openclaw sandbox recreate --browser --all" },
                { "checkId": "channels.telegram.warning.1", "severity": "info", "title": "Telegram privacy mode is off", "detail": "the bot reads every group message" },
                { "checkId": "future.upstream_check", "severity": "warn", "title": "A check newer than this reconciler", "detail": "something new", "remediation": "do the new thing" }
              ]
            }
            JSON
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));

        // The CLI runs as the OpenClaw user when the tests run as root: it must be able to reach its own file.
        foreach (var folder in new[] { host.Folder, host.Root })
        {
            File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
