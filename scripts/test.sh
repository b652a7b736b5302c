#!/usr/bin/env bash
# The one command that installs what the tests need and runs every test.
# Prints a closing line "N passed, N failed" and exits non-zero when any test failed.
# Works as root (CI, a fresh root-only machine: no sudo needed) and as a normal user, when it re-runs only
# itself under sudo: the tests make network namespaces, run Podman and nft, install a .deb into a scratch root.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "test.sh: the tests need root (network namespaces, Podman, nft); run this as root" >&2
    echo "0 passed, 1 failed"; exit 1
  fi
  echo "test.sh: the tests need root; re-running under sudo" >&2
  # env keeps the caller's dotnet on PATH even where sudoers' secure_path would replace it.
  exec sudo env "PATH=$PATH" ${DOTNET_ROOT:+"DOTNET_ROOT=$DOTNET_ROOT"} bash "$PWD/scripts/test.sh" "$@"
fi

bash scripts/install-test-deps.sh || exit 1

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

dotnet build OpenClaw.Desired.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
dotnet test OpenClaw.Desired.sln -c Release --no-build -nologo \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" 2>&1 | tee "$results/console.log" | grep -E '^\s*(Passed|Failed|Skipped) |^(Passed|Failed)!|error' || true
status=${PIPESTATUS[0]}

# The native executable (Native AOT), as the .deb and the release ship it, held to every test that runs the CLI:
# a second pass over those test classes with OPENCLAW_DESIRED_TEST_CLI naming it (see CliRunner).
native=artifacts/native
if bash scripts/publish-native.sh --out "$native" > "$results/publish-native.log" 2>&1; then
  classes=$(grep -rl 'CliRunner.Run(' tests --include='*.cs' | xargs -n1 basename | sed 's/\.cs$//' | sort -u)
  filter=$(printf 'FullyQualifiedName~.%s.|' $classes)
  OPENCLAW_DESIRED_TEST_CLI="$PWD/$native/openclaw-desired" dotnet test OpenClaw.Desired.sln -c Release --no-build -nologo \
    --filter "${filter%|}" --logger "trx;LogFileName=native.trx" --logger "console;verbosity=normal" \
    --results-directory "$results/native" 2>&1 | tee "$results/native-console.log" | grep -E '^\s*(Passed|Failed|Skipped) |^(Passed|Failed)!|error' || true
  native_status=${PIPESTATUS[0]}
  [ "$native_status" -eq 0 ] || status=$native_status
else
  cat "$results/publish-native.log"
  echo "test.sh: the native executable could not be built (above)"
  status=1
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx "$results"/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
