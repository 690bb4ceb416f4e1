#!/usr/bin/env bash
# stats-snapshot.sh OUTDIR [TRACE]
#
# Runs a fixed set of simulations and writes each one's statistics to OUTDIR/NAME.json with the
# fields that depend on the machine (rates, wall time, commit, date) removed, so that two
# snapshots taken before and after a change that should not alter results compare with `diff -r`.
# The set: the tiled SGEMM trace on three GPUs, in scoreboard mode and on two threads; the shared
# vecadd and flashinfer traces when ../shared exists; and corpus kernels execution-driven on an
# Ampere and a Hopper config. TRACE is the SGEMM trace, made with `sassim trace` when missing; its
# default path is the same for every snapshot, since the path appears in the statistics.
set -uo pipefail
OUT=${1:?usage: stats-snapshot.sh OUTDIR [TRACE]}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TRACE=${2:-${TMPDIR:-/tmp}/sassim-snapshot-sgemm_tiled.sstrace}
mkdir -p "$OUT"
cd "$REPO"
if [ ! -e "$TRACE" ]; then
  scripts/sassim trace traces/kernels/sgemm_tiled/sgemm_tiled.launch.yaml -o "$TRACE" --format native >/dev/null
fi
failed=0
run() { # NAME ARGS...
  local name=$1; shift
  if ! scripts/sassim run "$@" --json "$OUT/$name.raw.json" >/dev/null 2>"$OUT/$name.err"; then
    echo "stats-snapshot: $name failed (see $OUT/$name.err)" >&2
    failed=1
    return
  fi
  python3 - "$OUT/$name.raw.json" "$OUT/$name.json" <<'PY'
import json, sys
MACHINE = ('rate', 'wall', 'seconds', 'timing', 'simulation', 'commit', 'revision', 'date', 'version')
def strip(o):
    if isinstance(o, dict):
        return {k: strip(v) for k, v in o.items() if not any(t in k.lower() for t in MACHINE)}
    if isinstance(o, list):
        return [strip(x) for x in o]
    return o
json.dump(strip(json.load(open(sys.argv[1]))), open(sys.argv[2], 'w'), indent=1, sort_keys=True)
PY
  rm -f "$OUT/$name.raw.json" "$OUT/$name.err"
}
run sgemm-rtx-a6000 "$TRACE" --gpu rtx-a6000
run sgemm-a100 "$TRACE" --gpu a100
run sgemm-h100-sxm "$TRACE" --gpu h100-sxm
run sgemm-rtx-a6000-2-threads "$TRACE" --gpu rtx-a6000 --threads 2
run sgemm-scoreboard "$TRACE" --gpu rtx-a6000 --set issue.dependence=scoreboard
if [ -d ../shared/traces ]; then
  run vecadd-shared ../shared/traces/vecadd-turing-v1.2 --gpu rtx-a6000
  run flashinfer-shared ../shared/traces/flashinfer-gemm --gpu a100
fi
for k in reduce_sum transpose async_copy hgemm_mma histogram scan softmax bitonic_sort spmv_csr \
         atomics_mix cas_loop stencil2d sfu_mix collatz; do
  for g in a100 h200; do
    run "$k-$g" "traces/kernels/$k/$k.launch.yaml" --gpu "$g"
  done
done
run sgemm-exec-h800-pcie traces/kernels/sgemm_tiled/sgemm_tiled.launch.yaml --gpu h800-pcie
run bfs_step-h200 traces/kernels/bfs_step/bfs_step.launch.yaml --gpu h200
run nbody_step-rtx-a6000 traces/kernels/nbody_step/nbody_step.launch.yaml --gpu rtx-a6000
exit $failed
