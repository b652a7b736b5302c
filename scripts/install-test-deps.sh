#!/usr/bin/env bash
# Installs what the test suite needs on a Debian host (run as root). Idempotent: packages already
# present are not fetched again, so a second run costs a second. chromium renders the HTML report in its tests.
set -euo pipefail

packages=(git gnupg gpgv curl dpkg podman runc busybox-static nftables iptables iproute2 util-linux restic rclone bubblewrap procps time systemd chromium)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-test-deps: missing ${missing[*]}; run as root to install them" >&2
    exit 1
  fi
  echo "install-test-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-test-deps: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi
