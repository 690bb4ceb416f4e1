#!/usr/bin/env bash
# Builds here everything scripts/device-capture.sh needs on a GPU host without Java or Maven,
# checks it end to end with a dry run, and prints what the device call must carry.
#
#   scripts/prepare-device-capture.sh
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
LIMIT=$((64 * 1024 * 1024))

echo "prepare: building the harness jar"
mvn -B -q -o -pl isa,validation -am package -DskipTests \
  || mvn -B -q -pl isa,validation -am package -DskipTests
(git describe --always --dirty 2>/dev/null || echo unknown) > validation/target/source-rev.txt

scripts/make-jre.sh

echo "prepare: end-to-end dry run of the capture script"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scripts/device-capture.sh "$tmp" --dry-run >"$tmp/dry.log" 2>&1 || { cat "$tmp/dry.log"; exit 1; }
grep '^summary:' "$tmp/dry.log"

# What travels: tracked and untracked-not-ignored files, plus the carried paths.
tree=$(git ls-files -co --exclude-standard -z | du -cb --files0-from=- 2>/dev/null | tail -1 | cut -f1)
carried=$(du -cb .jre validation/target/sassim-harness.jar validation/target/source-rev.txt | tail -1 | cut -f1)
total=$((tree + carried))
printf 'prepare: working tree %d MiB + carried %d MiB = %d MiB of the 64 MiB limit\n' \
  $((tree >> 20)) $((carried >> 20)) $((total >> 20))
[ "$total" -lt "$LIMIT" ] || { echo "prepare: too big to travel"; exit 1; }

cat <<'MSG'
prepare: ready. Device call:
  carry:   [".jre", "validation/target/sassim-harness.jar", "validation/target/source-rev.txt"]
  command: scripts/device-capture.sh "$OUT"
  timeout_s: 540
MSG
