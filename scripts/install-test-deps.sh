#!/usr/bin/env bash
# Installs what the test suite needs on a Debian host (run as root). Idempotent: packages already
# present are not fetched again, so a second run costs a second. chromium renders the HTML report in its tests;
# gcc, binutils and zlib1g-dev link the native (Native AOT) executable that the release and packaging tests build.
set -euo pipefail

packages=(gcc binutils zlib1g-dev git gnupg gpgv curl dpkg podman runc busybox-static nftables iptables iproute2 util-linux restic rclone bubblewrap procps time systemd prometheus chromium)

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
  # Packages such as prometheus start their service on install (port 9090, data in /var/lib/prometheus).
  # The tests start their own servers on free loopback ports and stop them; keep the packages' ones from starting.
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Had prometheus been installed earlier with its service started, stop it: nothing of it may run beside the tests.
if [ "$(id -u)" -eq 0 ] && [ -d /run/systemd/system ] && systemctl is-active --quiet prometheus 2>/dev/null; then
  systemctl disable --now prometheus >/dev/null 2>&1 || true
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-test-deps: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi
