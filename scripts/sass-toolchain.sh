#!/usr/bin/env bash
# Builds the kernel corpus to cubins and cuobjdump listings for every modelled target.
#
#   scripts/sass-toolchain.sh            set up the tools (once) and rebuild stale outputs
#   scripts/sass-toolchain.sh --force    rebuild every output
#   scripts/sass-toolchain.sh --check    verify committed outputs; needs no network and no CUDA
#   scripts/sass-toolchain.sh FILE.cu..  rebuild only these sources
#
# Tools: the machine's nvcc (CUDA C -> PTX) plus ptxas and cuobjdump 12.4 taken from Debian
# trixie's non-free nvidia-cuda-toolkit deb, unpacked into a private cache. The system's apt
# configuration is never touched and nothing is installed.
#
# Each corpus source is one self-contained .cu file. Outputs sit next to it:
#   NAME.<arch>.cubin and NAME.<arch>.sass
# The .sass listing starts with '// sassim:' header lines naming the tool versions, the sha256
# of the source and the sha256 of the cubin it was disassembled from. A source may restrict its
# targets with a line '// sassim-archs: sm_90a' (for Hopper-only instructions).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${SASSIM_TOOLCHAIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sassim/cuda-12.4}
DEFAULT_ARCHS="sm_80 sm_86 sm_89 sm_90"
CORPUS_DIRS=("$REPO/traces/kernels" "$REPO/validation/microbench")

die() { echo "sass-toolchain: $*" >&2; exit 2; }

sha() { sha256sum "$1" | cut -d' ' -f1; }

list_sources() {
  local d
  for d in "${CORPUS_DIRS[@]}"; do
    [ -d "$d" ] && find "$d" -name '*.cu' -type f
  done | LC_ALL=C sort
}

archs_of() {
  local line
  line=$(grep -m1 -E '^// sassim-archs:' "$1" || true)
  if [ -n "$line" ]; then echo "${line#*:}"; else echo "$DEFAULT_ARCHS"; fi
}

rel() { echo "${1#"$REPO"/}"; }

header_field() { # file key -> value of '// sassim: key value'
  sed -n "s|^// sassim: $2 ||p" "$1" | head -1
}

# --check: every source has an up-to-date listing and cubin for each of its targets.
check() {
  local problems=0 n=0 src stem arch sass cubin want got
  while IFS= read -r src; do
    stem=${src%.cu}
    for arch in $(archs_of "$src"); do
      n=$((n + 1))
      sass="$stem.$arch.sass"; cubin="$stem.$arch.cubin"
      if [ ! -f "$sass" ]; then echo "$(rel "$sass"): missing (run scripts/sass-toolchain.sh)"; problems=$((problems + 1)); continue; fi
      if [ ! -f "$cubin" ]; then echo "$(rel "$cubin"): missing (run scripts/sass-toolchain.sh)"; problems=$((problems + 1)); continue; fi
      want=$(sha "$src"); got=$(header_field "$sass" source | sed -n 's/.*sha256=\([0-9a-f]*\).*/\1/p')
      if [ "$want" != "$got" ]; then echo "$(rel "$sass"): older than its source $(rel "$src") (source hash differs)"; problems=$((problems + 1)); fi
      want=$(sha "$cubin"); got=$(header_field "$sass" cubin | sed -n 's/.*sha256=\([0-9a-f]*\).*/\1/p')
      if [ "$want" != "$got" ]; then echo "$(rel "$sass"): does not belong to $(rel "$cubin") (cubin hash differs)"; problems=$((problems + 1)); fi
    done
  done < <(list_sources)
  # Outputs whose source has gone.
  local out base
  for d in "${CORPUS_DIRS[@]}"; do
    [ -d "$d" ] || continue
    while IFS= read -r out; do
      base=${out%.*}; base=${base%.*}
      [ -f "$base.cu" ] || { echo "$(rel "$out"): no source $(rel "$base.cu")"; problems=$((problems + 1)); }
    done < <(find "$d" \( -name '*.sass' -o -name '*.cubin' \) -type f | LC_ALL=C sort)
  done
  if [ "$problems" -ne 0 ]; then echo "sass-toolchain --check: $problems problem(s) in $n outputs"; exit 1; fi
  echo "sass-toolchain --check: $n listings up to date"
}

setup_tools() {
  local bin="$CACHE/root/usr/bin"
  if [ -x "$bin/ptxas" ] && [ -x "$bin/cuobjdump" ]; then return; fi
  command -v apt-get >/dev/null || die "apt-get is needed once to fetch Debian's CUDA binary tools"
  mkdir -p "$CACHE/lists/partial" "$CACHE/apt/archives/partial" "$CACHE/debs"
  echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie non-free' > "$CACHE/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$CACHE/sources.list" -o Dir::Etc::SourceParts=/dev/null
              -o "Dir::State::Lists=$CACHE/lists" -o "Dir::Cache=$CACHE/apt" -o APT::Sandbox::User=root)
  echo "sass-toolchain: fetching nvidia-cuda-toolkit 12.4 (binary tools only) into $CACHE" >&2
  apt-get "${opts[@]}" -qq update
  (cd "$CACHE/debs" && apt-get "${opts[@]}" -qq download nvidia-cuda-toolkit)
  local deb
  deb=$(ls "$CACHE"/debs/nvidia-cuda-toolkit_*.deb | head -1)
  dpkg -x "$deb" "$CACHE/root"
  [ -x "$bin/ptxas" ] || die "ptxas not found in $deb"
}

PTXAS=""; CUOBJDUMP=""; TOOLS=""
tool_versions() {
  PTXAS="$CACHE/root/usr/bin/ptxas"; CUOBJDUMP="$CACHE/root/usr/bin/cuobjdump"
  command -v nvcc >/dev/null || die "nvcc is needed to compile CUDA C to PTX"
  local v_nvcc v_ptxas v_cuobj
  v_nvcc=$(nvcc --version | sed -n 's/.*release [0-9.]*, V\([0-9.]*\).*/\1/p')
  v_ptxas=$("$PTXAS" --version | sed -n 's/.*release [0-9.]*, V\([0-9.]*\).*/\1/p')
  v_cuobj=$("$CUOBJDUMP" --version | sed -n 's/.*release [0-9.]*, V\([0-9.]*\).*/\1/p')
  TOOLS="nvcc $v_nvcc (PTX front end), ptxas $v_ptxas, cuobjdump $v_cuobj"
}

build_one() { # source arch
  local src=$1 arch=$2 stem tmp
  stem=${src%.cu}
  tmp=$(mktemp -d)
  # nvcc 13 writes PTX ISA 9.0; ptxas 12.4 reads up to 8.4, which covers everything we use.
  nvcc -ptx -std=c++17 -arch="$arch" -o "$tmp/k.ptx" "$src"
  sed -i 's/^\.version 9\.[0-9]*/.version 8.4/' "$tmp/k.ptx"
  "$PTXAS" -arch="$arch" -o "$tmp/k.cubin" "$tmp/k.ptx"
  {
    echo "// sassim: generated by scripts/sass-toolchain.sh; do not edit"
    echo "// sassim: source $(rel "$src") sha256=$(sha "$src")"
    echo "// sassim: cubin $(basename "$stem.$arch.cubin") sha256=$(sha "$tmp/k.cubin")"
    echo "// sassim: arch $arch"
    echo "// sassim: tools $TOOLS"
    "$CUOBJDUMP" -sass "$tmp/k.cubin"
  } > "$tmp/k.sass"
  # Rename into place so an interrupted run never leaves a half-written output.
  mv "$tmp/k.cubin" "$stem.$arch.cubin"
  mv "$tmp/k.sass" "$stem.$arch.sass"
  rm -rf "$tmp"
  echo "built $(rel "$stem.$arch.sass")"
}

build() {
  local force=$1; shift
  setup_tools
  tool_versions
  local srcs=("$@") src arch sass
  if [ ${#srcs[@]} -eq 0 ]; then mapfile -t srcs < <(list_sources); fi
  for src in "${srcs[@]}"; do
    src=$(cd "$(dirname "$src")" && pwd)/$(basename "$src")
    [ -f "$src" ] || die "$src: no such source"
    for arch in $(archs_of "$src"); do
      sass="${src%.cu}.$arch.sass"
      if [ "$force" = 0 ] && [ -f "$sass" ] && [ -f "${src%.cu}.$arch.cubin" ] \
         && [ "$(header_field "$sass" source | sed -n 's/.*sha256=\([0-9a-f]*\).*/\1/p')" = "$(sha "$src")" ]; then
        continue
      fi
      build_one "$src" "$arch"
    done
  done
}

case "${1:-}" in
  --check) check ;;
  --force) shift; build 1 "$@" ;;
  -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) build 0 "$@" ;;
esac
