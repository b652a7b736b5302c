#!/usr/bin/env bash
# Builds every release artifact into one folder:
#   OpenClaw.Desired.VERSION.nupkg              the .NET tool (dotnet tool install -g OpenClaw.Desired)
#   openclaw-desired-VERSION-RID                the native executable (Native AOT, one file), for the machine's
#                                               own architecture: it is linked here, against this machine's glibc
#   openclaw-desired-VERSION-RID-portable       self-contained single-file executables (ReadyToRun) for linux-x64
#                                               and linux-arm64, any glibc from 2.28; slower to start
#   openclaw-desired_VERSION_amd64|arm64.deb    Debian packages (packaging/deb/build-deb.sh) of the native
#                                               executable where one was built, else of the portable one
#   SHA256SUMS                                  sha256sum of each of the above
# Usage: bash scripts/package.sh [--version 1.2.3] [--out DIR] [--rid linux-x64 ...]
# The release workflow (.github/workflows/release.yml) runs exactly this; its test runs it too.
set -euo pipefail
cd "$(dirname "$0")/.."

version="" out=artifacts/release rids=()
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2;;
    --out) out=$2; shift 2;;
    --rid) rids+=("$2"); shift 2;;
    *) echo "package: unknown argument $1" >&2; exit 1;;
  esac
done
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64)
[ -n "$version" ] || version=$(dotnet msbuild src/OpenClaw.Desired.Cli -nologo -getProperty:Version)
case "$version" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *) echo "package: '$version' is not a version (MAJOR.MINOR.PATCH[-PRERELEASE])" >&2; exit 1;;
esac

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "package: .NET tool $version"
dotnet pack src/OpenClaw.Desired.Cli -c Release -nologo -v quiet -p:Version="$version" -o "$out"

# Native AOT links with the machine's own C toolchain and glibc, so only this machine's architecture is built
# natively; the other gets the portable executable in its .deb (build on that architecture for a native one).
case "$(uname -m)" in
  x86_64) host_rid=linux-x64;;
  aarch64) host_rid=linux-arm64;;
  *) host_rid="";;
esac

for rid in "${rids[@]}"; do
  case "$rid" in
    linux-x64) arch=amd64;;
    linux-arm64) arch=arm64;;
    *) echo "package: no Debian architecture for $rid" >&2; exit 1;;
  esac
  echo "package: portable single-file executable for $rid"
  dotnet publish src/OpenClaw.Desired.Cli -c Release -nologo -v quiet -r "$rid" --self-contained \
    -p:Version="$version" -p:PublishSingleFile=true -p:PublishReadyToRun=true \
    -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none -o "$work/$rid-portable"
  install -m 0755 "$work/$rid-portable/openclaw-desired" "$out/openclaw-desired-$version-$rid-portable"
  deb_binary="$out/openclaw-desired-$version-$rid-portable" libc=2.28
  if [ "$rid" = "$host_rid" ]; then
    echo "package: native executable for $rid"
    bash scripts/publish-native.sh --version "$version" --out "$work/$rid-native"
    install -m 0755 "$work/$rid-native/openclaw-desired" "$out/openclaw-desired-$version-$rid"
    deb_binary="$out/openclaw-desired-$version-$rid"
    libc=$(bash scripts/publish-native.sh --glibc "$deb_binary")
  fi
  echo "package: Debian package for $rid ($(basename "$deb_binary"), glibc $libc or newer)"
  bash packaging/deb/build-deb.sh --version "$version" --arch "$arch" --binary "$deb_binary" --libc "$libc" --out "$out" >/dev/null
done

(cd "$out" && rm -f SHA256SUMS && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS)
echo "package: artifacts in $out"
cat "$out/SHA256SUMS"
