#!/usr/bin/env bash
# Publishes the CLI as it ships (Release, ReadyToRun) and runs the monitoring benchmarks against it.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v /usr/bin/time >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq time >/dev/null; }
cli=artifacts/bench/cli
dotnet publish src/OpenClaw.Desired.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$cli" -nologo -v quiet
dotnet run -c Release --project bench/monitoring -- --cli "$PWD/$cli/openclaw-desired" "$@"
