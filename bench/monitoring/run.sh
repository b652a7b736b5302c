#!/usr/bin/env bash
# Publishes the CLI as the Debian package ships it for this machine (the native executable, Native AOT) and
# runs the monitoring benchmarks against it.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v /usr/bin/time >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq time >/dev/null; }
cli=artifacts/bench/cli
bash scripts/publish-native.sh --out "$cli"
dotnet run -c Release --project bench/monitoring -- --cli "$PWD/$cli/openclaw-desired" "$@"
