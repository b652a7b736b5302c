#!/usr/bin/env bash
# The native executable: the CLI compiled ahead of time (Native AOT) for this machine's architecture, one file
# (libgit2 and SQLite embedded in it), starting in a few milliseconds. Needs a C toolchain (gcc or clang) and
# zlib headers, which scripts/install-test-deps.sh installs.
#   bash scripts/publish-native.sh [--version V] [--out DIR]   publishes DIR/openclaw-desired (default artifacts/native)
#   bash scripts/publish-native.sh --glibc FILE                 prints the oldest glibc FILE runs on
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--glibc" ]; then
  # The newest versioned glibc symbol the executable imports is the oldest glibc it runs on.
  objdump -T "$2" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1
  exit 0
fi

version="" out=artifacts/native
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2;;
    --out) out=$2; shift 2;;
    *) echo "publish-native: unknown argument $1" >&2; exit 1;;
  esac
done
case "$(uname -m)" in
  x86_64) rid=linux-x64;;
  aarch64) rid=linux-arm64;;
  *) echo "publish-native: no native build for $(uname -m)" >&2; exit 1;;
esac
command -v gcc >/dev/null || command -v clang >/dev/null || { echo "publish-native: a C toolchain (gcc or clang) is required" >&2; exit 1; }
dotnet publish src/OpenClaw.Desired.Cli -c Release -nologo -v quiet -r "$rid" -p:PublishAot=true \
  ${version:+-p:Version="$version"} -p:DebugType=none -p:StripSymbols=true -o "$out"
