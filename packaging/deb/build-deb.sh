#!/usr/bin/env bash
# Builds the Debian package of openclaw-desired from a self-contained single-file executable (native or portable):
#   bash packaging/deb/build-deb.sh --version 1.2.3 --arch amd64 --binary PATH [--libc 2.34] --out DIR
# --libc: the oldest glibc the executable runs on (scripts/publish-native.sh --glibc PATH); default 2.28.
# Installs /usr/bin/openclaw-desired, the systemd units of examples/systemd (service, one-shot service and
# timer; not enabled), a bootstrap /etc/openclaw-desired/posture.yaml naming the posture repository (a conffile
# the operator edits), and the state dir /var/lib/openclaw-desired (root, 0700).
set -euo pipefail
cd "$(dirname "$0")/../.."

version="" arch="" binary="" out="" libc=2.28
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2;;
    --arch) arch=$2; shift 2;;
    --binary) binary=$2; shift 2;;
    --out) out=$2; shift 2;;
    --libc) libc=$2; shift 2;;
    *) echo "build-deb: unknown argument $1" >&2; exit 1;;
  esac
done
[ -n "$version" ] && [ -n "$arch" ] && [ -f "$binary" ] && [ -n "$out" ] || {
  echo "usage: build-deb.sh --version V --arch amd64|arm64 --binary PATH --out DIR" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "build-deb: dpkg-deb is required (Debian package dpkg)" >&2; exit 1; }

# Debian orders 1.2.3~rc.1 before 1.2.3, as semantic versioning orders 1.2.3-rc.1.
debversion=${version/-/\~}
stage=$(mktemp -d)
chmod 0755 "$stage"
trap 'rm -rf "$stage"' EXIT

install -D -m 0755 "$binary" "$stage/usr/bin/openclaw-desired"
for unit in openclaw-desired.service openclaw-desired-once.service openclaw-desired.timer; do
  install -d -m 0755 "$stage/lib/systemd/system"
  sed 's#/usr/local/bin/openclaw-desired#/usr/bin/openclaw-desired#g' "examples/systemd/$unit" > "$stage/lib/systemd/system/$unit"
  chmod 0644 "$stage/lib/systemd/system/$unit"
done
install -D -m 0644 examples/systemd/bootstrap.yaml "$stage/etc/openclaw-desired/posture.yaml"
install -D -m 0644 schemas/posture.schema.json "$stage/usr/share/openclaw-desired/posture.schema.json"
install -d -m 0700 "$stage/var/lib/openclaw-desired"
install -d -m 0755 "$stage/usr/share/doc/openclaw-desired"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: openclaw-desired"
  echo
  echo "Files: *"
  echo "License: MIT"
  sed 's/^$/./; s/^/ /' LICENSE
} > "$stage/usr/share/doc/openclaw-desired/copyright"
chmod 0644 "$stage/usr/share/doc/openclaw-desired/copyright"

install -d -m 0755 "$stage/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: openclaw-desired
Version: $debversion
Architecture: $arch
Maintainer: OpenClaw.Desired contributors <openclaw-desired@users.noreply.github.com>
Installed-Size: $size
Depends: libc6 (>= $libc), libgcc-s1 | libgcc1, libstdc++6, zlib1g, libssl3 | libssl1.1
Recommends: git, gnupg, nftables, restic
Suggests: podman | docker.io
Section: admin
Priority: optional
Homepage: https://github.com/openclaw-desired/openclaw-desired
Description: desired-state reconciler for the security posture of OpenClaw hosts
 Keeps a host that runs OpenClaw AI agents at the posture written in one
 versioned posture.yaml (read from a file or a Git commit): it probes the
 host, plans the diff, applies idempotent converge actions and reports.
 Edit /etc/openclaw-desired/posture.yaml to name your posture repository,
 then enable openclaw-desired.service (or openclaw-desired.timer).
CONTROL
echo /etc/openclaw-desired/posture.yaml > "$stage/DEBIAN/conffiles"
for script in postinst prerm postrm; do
  install -m 0755 "packaging/deb/$script" "$stage/DEBIAN/$script"
done

mkdir -p "$out"
package="$out/openclaw-desired_${debversion}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$package" >/dev/null
echo "$package"
