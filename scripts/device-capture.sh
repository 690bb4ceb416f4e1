#!/usr/bin/env bash
# One-command hardware capture on a GPU host that has no Java and no Maven.
#
#   scripts/device-capture.sh [OUTDIR] [--dry-run] [more harness options]
#
# Times every sm_90 / sm_90a launch spec of the corpus (traces/kernels, validation/microbench)
# and writes OUTDIR/<gpu-slug>/<UTC time>.json and OUTDIR/capture.log. OUTDIR defaults to
# validation/measurements; on a device machine pass "$OUT" so the files come back.
#
# Needs, carried from the build machine (scripts/prepare-device-capture.sh makes them):
#   .jre/                                  jlink'd Java runtime (SASSIM_JAVA=path overrides it)
#   validation/target/sassim-harness.jar   the harness
#   validation/target/source-rev.txt       source revision for provenance (optional)
# It only reads GPU state (nvidia-smi queries); it never changes clocks or any other setting.
# Bounded: the harness starts no case after BUDGET_S, and a global timeout ends everything within
# about 8 minutes; the capture file is rewritten after each case, so it survives both.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA=${SASSIM_JAVA:-$REPO/.jre/bin/java}
JAR="$REPO/validation/target/sassim-harness.jar"
REV_FILE="$REPO/validation/target/source-rev.txt"
GLOBAL_TIMEOUT_S=${SASSIM_CAPTURE_TIMEOUT_S:-450}
BUDGET_S=${SASSIM_CAPTURE_BUDGET_S:-360}
CASE_TIMEOUT_S=${SASSIM_CASE_TIMEOUT_S:-30}

OUTDIR="$REPO/validation/measurements"
if [ $# -ge 1 ] && [ "${1#-}" = "$1" ]; then
  OUTDIR=$1
  shift
fi
mkdir -p "$OUTDIR" || exit 2
OUTDIR=$(cd "$OUTDIR" && pwd)
LOG="$OUTDIR/capture.log"
exec > >(tee -a "$LOG") 2>&1
TEE_PID=$!
JTMP=
# On any exit: drop JCuda's scratch folder, and let tee finish the log before the script ends, so
# whoever runs it finds capture.log complete.
finish() {
  [ -n "$JTMP" ] && rm -rf "$JTMP"
  exec 1>&- 2>&-
  wait "$TEE_PID" 2>/dev/null
}
trap finish EXIT

DRY=0
for a in "$@"; do [ "$a" = "--dry-run" ] && DRY=1; done
started=$(date +%s)
echo "== sassim device capture $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(cat /proc/sys/kernel/hostname 2>/dev/null || hostname)"
echo "kernel $(uname -sr), $(uname -m)"

fail() { echo "device-capture: $*"; exit 2; }
[ "$DRY" = 1 ] || [ "$(uname -m)" = x86_64 ] \
  || fail "the harness carries JCuda natives for linux-x86_64 only"
[ -x "$JAVA" ] || fail "no $JAVA: run scripts/prepare-device-capture.sh and carry .jre"
[ -f "$JAR" ] || fail "no $JAR: run scripts/prepare-device-capture.sh and carry it"
REV=$(cat "$REV_FILE" 2>/dev/null || git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown)
echo "source revision $REV"

gpu_state() {
  if command -v nvidia-smi >/dev/null 2>&1; then
    echo "-- nvidia-smi ($1)"
    nvidia-smi --query-gpu=name,driver_version,pstate,clocks.sm,clocks.max.sm,clocks.mem,power.draw,temperature.gpu \
      --format=csv 2>&1 || true
  else
    echo "-- nvidia-smi not available ($1)"
  fi
}

if [ "$DRY" = 0 ]; then
  command -v nvidia-smi >/dev/null 2>&1 && { nvidia-smi 2>&1 || true; }
  . "$REPO/scripts/find-libcuda.sh"
  find_libcuda
  gpu_state "before"
fi

# JCuda unpacks its native library into java.io.tmpdir; use a private one.
JTMP=$(mktemp -d)
echo "-- harness (budget ${BUDGET_S}s, case timeout ${CASE_TIMEOUT_S}s, global timeout ${GLOBAL_TIMEOUT_S}s)"
timeout -k 10 "$GLOBAL_TIMEOUT_S" "$JAVA" -Djava.io.tmpdir="$JTMP" -jar "$JAR" \
  --repo-root "$REPO" --out "$OUTDIR" --arch sm_90,sm_90a \
  --budget "$BUDGET_S" --case-timeout "$CASE_TIMEOUT_S" --source-rev "$REV" \
  "$@" traces/kernels validation/microbench
rc=$?

[ "$DRY" = 0 ] && gpu_state "after"
latest=$(ls -t "$OUTDIR"/*/*.json 2>/dev/null | head -1)
echo "== done in $(( $(date +%s) - started ))s, harness exit $rc"
case $rc in
  0) ;;
  124|137) echo "the global timeout ended the harness; the capture file holds the cases finished" ;;
  3) echo "no usable GPU (see fatalError in the capture file)" ;;
  *) echo "the harness failed" ;;
esac
echo "capture file: ${latest:-none}"
echo "log: $LOG"
exit $rc
