#!/usr/bin/env bash
set -euo pipefail
in=$1; out=$2; width=${3:-1600}
convert "$in" -strip -resize "${width}x>" -quality 82 "$out"
identify -format '%wx%h %b\n' "$out"
