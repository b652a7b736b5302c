#!/usr/bin/env bash
# Copies the risky host to DIR and applies setup.txt (modes and links git does not keep), for a manual try:
#   bash examples/risky-host/prepare.sh /tmp/risky
#   openclaw-desired reconcile --dry-run --posture examples/risky-host/posture.yaml --root /tmp/risky
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: prepare.sh DIR}"
mkdir -p "$target"
cp -a "$here/root/." "$target/"
while read -r what a b; do
  case "$what" in
    mode) chmod "$a" "$target$b" ;;
    owner) chown -h "$a" "$target$b" ;;
    link) ln -sfn "$b" "$target$a" ;;
  esac
done < <(grep -v '^#' "$here/setup.txt" | grep -v '^$')
