#!/usr/bin/env bash
# Hardware counters for every sm_90 / sm_90a launch spec, through Nsight Compute, on a GPU host
# that has no Java and no Maven. Companion of scripts/device-capture.sh (event timings): this one
# gives the cycle count Accel-Sim correlates against (gpc__cycles_elapsed), the executed warp
# instructions and the cache/DRAM sector counters, one kernel launch per case.
#
#   scripts/device-profile.sh OUTDIR
#
# SASSIM_NCU_METRICS=a,b,... asks for other metrics than the default list (no filtering), and
# SASSIM_NCU_SECTIONS="--section A --section B" collects those sections as well (e.g. the warp
# stall breakdown, WarpStateStats); SASSIM_NCU_IMPORT_ARGS adds options to the CSV export (e.g. --print-metric-instances details
# for instanced metrics such as sass__inst_executed_per_opcode).
#
# Writes OUTDIR/ncu.csv (ncu --page raw --csv), OUTDIR/ncu-metrics.txt (what was asked for and
# what the device lacks), OUTDIR/ncu.log, and the harness's capture of the profiled run under
# OUTDIR/ncu-run/ (its timings are distorted by the profiler; it is kept for the case order that
# maps ncu rows to cases). `sassim ncu-merge` folds ncu.csv into a plain capture.
#
# Never changes clocks: --clock-control none. Caches are flushed before each kernel (ncu's
# default --cache-control all), which matches a simulation that starts with cold caches.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA=${SASSIM_JAVA:-$REPO/.jre/bin/java}
JAR="$REPO/validation/target/sassim-harness.jar"
REV=$(cat "$REPO/validation/target/source-rev.txt" 2>/dev/null || echo unknown)
OUTDIR=${1:?usage: device-profile.sh OUTDIR}
mkdir -p "$OUTDIR/ncu-run" || exit 2
OUTDIR=$(cd "$OUTDIR" && pwd)
LOG="$OUTDIR/ncu.log"
NCU_TIMEOUT_S=${SASSIM_NCU_TIMEOUT_S:-300}

NCU=$(command -v ncu || ls -d /opt/nvidia/nsight-compute/*/ncu /usr/local/cuda*/bin/ncu 2>/dev/null | tail -1)
[ -x "$NCU" ] || { echo "device-profile: no ncu found" | tee -a "$LOG"; exit 2; }
echo "== ncu: $NCU ($("$NCU" --version 2>&1 | tail -1))" | tee -a "$LOG"

. "$REPO/scripts/find-libcuda.sh"
find_libcuda >>"$LOG"  # not in a pipe: the export must reach this shell

WANTED="gpc__cycles_elapsed.max gpc__cycles_elapsed.avg sm__cycles_elapsed.max sm__cycles_active.max
sm__cycles_active.avg smsp__inst_executed.sum smsp__warps_launched.sum gpu__time_duration.sum
l1tex__t_sectors_pipe_lsu_mem_global_op_ld.sum l1tex__t_sectors_pipe_lsu_mem_global_op_ld_lookup_hit.sum
l1tex__data_pipe_lsu_wavefronts_mem_shared.sum l1tex__data_bank_conflicts_pipe_lsu_mem_shared.sum
lts__t_sectors_op_read.sum lts__t_sectors_op_read_lookup_hit.sum lts__t_sectors_op_write.sum
dram__sectors_read.sum dram__sectors_write.sum"
MINIMAL="gpc__cycles_elapsed.max,gpc__cycles_elapsed.avg,smsp__inst_executed.sum,gpu__time_duration.sum"

# Keep only the metrics whose base name this device lists, so one unknown name cannot sink the run.
"$NCU" --query-metrics >"$OUTDIR/ncu-metrics.txt" 2>&1
metrics=""
listed=0
grep -Eq '(^|[[:space:]])gpc__cycles_elapsed([[:space:]]|$)' "$OUTDIR/ncu-metrics.txt" && listed=1
for m in $WANTED; do
  # When the listing is unreadable, ask for everything; the minimal set is the fallback.
  if [ "$listed" = 0 ] || grep -Eq "(^|[[:space:]])${m%.*}([[:space:]]|\$)" "$OUTDIR/ncu-metrics.txt"; then
    metrics="${metrics:+$metrics,}$m"
  else
    echo "device-profile: not on this device: $m" | tee -a "$LOG"
  fi
done
[ -n "$metrics" ] || metrics=$MINIMAL
[ -n "${SASSIM_NCU_METRICS:-}" ] && metrics=$SASSIM_NCU_METRICS
echo "asked: $metrics" >>"$LOG"

profile() { # $1 = metric list
  rm -f "$OUTDIR/ncu-profile.ncu-rep"
  JTMP=$(mktemp -d)
  timeout -k 10 "$NCU_TIMEOUT_S" "$NCU" --clock-control none --target-processes all \
    --metrics "$1" ${SASSIM_NCU_SECTIONS:-} -f -o "$OUTDIR/ncu-profile" \
    "$JAVA" -Djava.io.tmpdir="$JTMP" -jar "$JAR" --repo-root "$REPO" --out "$OUTDIR/ncu-run" \
    --arch sm_90,sm_90a --runs 1 --warmup 0 --budget 240 --case-timeout 60 \
    --source-rev "$REV" traces/kernels validation/microbench >>"$LOG" 2>&1
  local rc=$?
  rm -rf "$JTMP"
  echo "ncu exit $rc" | tee -a "$LOG"
  [ -f "$OUTDIR/ncu-profile.ncu-rep" ] || return 1
  "$NCU" --import "$OUTDIR/ncu-profile.ncu-rep" --csv --page raw --print-units base ${SASSIM_NCU_IMPORT_ARGS:-} \
    >"$OUTDIR/ncu.csv" 2>>"$LOG"
  [ "$(grep -c '^"[0-9]' "$OUTDIR/ncu.csv")" -gt 0 ]
}

started=$(date +%s)
if ! profile "$metrics"; then
  echo "device-profile: retrying with the minimal metric set" | tee -a "$LOG"
  rm -rf "$OUTDIR/ncu-run"/*
  profile "$MINIMAL" || { echo "device-profile: no ncu rows"; tail -40 "$LOG"; exit 1; }
fi
rows=$(grep -c '^"[0-9]' "$OUTDIR/ncu.csv")
echo "== ncu done in $(( $(date +%s) - started ))s: $rows kernel rows" | tee -a "$LOG"
grep -E '^\[|summary' "$LOG" | tail -5
head -c 1500 "$OUTDIR/ncu.csv"; echo
