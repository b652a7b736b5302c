#!/usr/bin/env bash
# Publishes the CLI as the Debian package and the release ship it for this machine (the native executable,
# Native AOT, one file; and the portable ReadyToRun single file for comparison) and runs the benchmarks
# against the native one: hyperfine for the demo's dry run, validate and --version (when hyperfine is
# installed: apt-get install hyperfine), then bench/OpenClaw.Desired.Bench for hosts of growing size.
# Pass-through arguments go to the latter (--runs N, --sizes 1,10,100,s10000).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq time >/dev/null; }
out=artifacts/bench
cli=$out/cli/openclaw-desired
portable=$out/portable/openclaw-desired
bash scripts/publish-native.sh --out "$out/cli"
case "$(uname -m)" in aarch64) rid=linux-arm64;; *) rid=linux-x64;; esac
dotnet publish src/OpenClaw.Desired.Cli -c Release -nologo -v quiet -r "$rid" --self-contained \
  -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none -o "$out/portable"
if command -v hyperfine >/dev/null && [ "${BENCH_HYPERFINE:-1}" = 1 ]; then
  # -N: no shell in between; -i: the demo's dry run exits 3 (an endpoint is down), which is its answer, not a failure.
  hyperfine -N -i --warmup 3 --runs 30 --export-markdown "$out/hyperfine.md" \
    "$cli reconcile --dry-run --quiet --no-color --posture bench/posture.bench.yaml --root examples/demo-host" \
    "$cli validate --posture bench/posture.bench.yaml" \
    "$cli --version" \
    "$portable reconcile --dry-run --quiet --no-color --posture bench/posture.bench.yaml --root examples/demo-host"
  cat "$out/hyperfine.md"
fi
dotnet run -c Release --project bench/OpenClaw.Desired.Bench -- --cli "$PWD/$cli" "$@"
