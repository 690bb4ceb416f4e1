#!/usr/bin/env bash
# Stops the daemons scripts/ci/start-slurm.sh started, by the PIDs it listed in the file given as
# the argument: TERM, up to 10 s to exit, then KILL. Other Slurm processes are left alone.
set -uo pipefail
file=${1:?usage: stop-slurm.sh PIDFILE}
[ -s "$file" ] || exit 0
mapfile -t pids < "$file"
for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
for _ in $(seq 1 100); do
  alive=0
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
  [ $alive = 0 ] && exit 0
  sleep 0.1
done
for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && kill -KILL "$p" 2>/dev/null; done
exit 0
