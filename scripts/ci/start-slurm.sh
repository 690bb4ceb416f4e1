#!/usr/bin/env bash
# Installs and starts a real single-node Slurm (munged, slurmctld, slurmd) for the Slurm sweep
# integration test, as ../shared/reference/slurm.md found works on a Debian 12 root machine
# without systemd (about 10 s). Harmless when Slurm is already up: it then changes nothing.
#
# The daemons run in the foreground of background jobs so that each PID is exact. When
# SASSIM_SLURM_PIDS names a file, the PIDs this run started are appended to it, for
# scripts/ci/stop-slurm.sh; daemons that were already running are never listed there.
set -euo pipefail

log() { echo "start-slurm: $*" >&2; }

up() {  # controller answers and the node can take jobs; bounded, since a down controller makes
        # every client wait about 9 s
  command -v sinfo >/dev/null 2>&1 || return 1
  local state
  state=$(timeout 5 sinfo -h -o '%T' 2>/dev/null || true)
  [ "$state" = idle ] || [ "$state" = mixed ] || [ "$state" = allocated ]
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

if alive /run/slurmctld.pid && alive /run/slurmd.pid && up; then
  log "Slurm is already running; nothing to do"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  log "must run as root to install and start Slurm"
  exit 1
fi

# ---- install (the single packages, not the slurm-wlm metapackage: that pulls ~30 packages)
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null \
    || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends \
      slurmctld slurmd slurm-client munge >/dev/null
fi

# ---- configure: the node line comes from this machine; RealMemory at 90 % so that the node is
# never drained for claiming more memory than it has
H=$(hostname -s)
read -r CPUS SOCK CORES THREADS MEM < <(slurmd -C | head -1 | sed -E \
  's/.*CPUs=([0-9]+).*SocketsPerBoard=([0-9]+).*CoresPerSocket=([0-9]+).*ThreadsPerCore=([0-9]+).*RealMemory=([0-9]+).*/\1 \2 \3 \4 \5/')
mkdir -p /etc/slurm
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=ci
SlurmctldHost=${H}(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
MinJobAge=300
NodeName=${H} NodeAddr=127.0.0.1 CPUs=${CPUS} Sockets=${SOCK} CoresPerSocket=${CORES} ThreadsPerCore=${THREADS} RealMemory=$((MEM * 9 / 10)) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

started() { [ -n "${SASSIM_SLURM_PIDS:-}" ] && echo "$1" >> "$SASSIM_SLURM_PIDS"; return 0; }

# ---- munged: runs as munge, whose key is mode 0600; a second munged refuses to start, so only
# start one when no credential can be made
install -d -o munge -g munge -m 0755 /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  mkdir -p /var/log/slurm
  setpriv --reuid=munge --regid=munge --clear-groups /usr/sbin/munged -F \
      >/var/log/slurm/munged.stdout 2>&1 </dev/null &
  started $!
  for _ in $(seq 1 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n | unmunge >/dev/null
fi

# ---- slurmctld and slurmd: a second copy would kill the first through its pid file, so stop
# half-started leftovers only by their recorded PIDs, then start both on fresh state (job ids and
# old jobs persist in the spool otherwise)
for f in /run/slurmd.pid /run/slurmctld.pid; do
  if alive "$f"; then kill -TERM "$(cat "$f")"; sleep 1; fi
done
rm -rf /var/spool/slurmctld /var/spool/slurmd
install -d -m 0755 /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
/usr/sbin/slurmctld -D >/var/log/slurm/slurmctld.stdout 2>&1 </dev/null &
started $!
/usr/sbin/slurmd -D >/var/log/slurm/slurmd.stdout 2>&1 </dev/null &
started $!
for _ in $(seq 1 120); do
  up && break
  sleep 0.5
done
if ! up; then
  log "the node did not become idle:"
  tail -n 30 /var/log/slurm/*.log >&2 || true
  exit 1
fi
log "Slurm is up ($(sinfo -h -o '%N %T %c CPUs'))"
