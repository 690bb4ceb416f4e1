#!/usr/bin/env bash
# Builds .jre/: a jlink'd Java runtime holding exactly the modules the harness jar needs, so the
# capture runs on GPU hosts that have no Java. Idempotent: does nothing when .jre/ already matches
# the jar's modules and this JDK.
#
#   scripts/make-jre.sh          (after the jar exists: scripts/prepare-device-capture.sh does both)
#
# The JDK must have jmods (Debian: openjdk-17-jdk ships them). Override with SASSIM_JLINK_JDK=DIR.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$REPO/validation/target/sassim-harness.jar"
JRE="$REPO/.jre"

die() { echo "make-jre: $*" >&2; exit 2; }

[ -f "$JAR" ] || die "no $JAR; build it first (scripts/prepare-device-capture.sh)"
JDK=${SASSIM_JLINK_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[ -x "$JDK/bin/jlink" ] || die "no jlink in $JDK/bin (set SASSIM_JLINK_JDK)"
[ -f "$JDK/jmods/java.base.jmod" ] || die "$JDK has no jmods/ (set SASSIM_JLINK_JDK to a JDK with jmods)"

# The jar targets release 17; jdeps resolves its multi-release entries (Jackson's) for 17.
FOUND=$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$JAR")
[ -n "$FOUND" ] || die "jdeps found no modules in $JAR"
# jdeps also lists modules that only optional code paths of libraries reference; none of them is
# on the harness's path, and leaving them out saves ~15 MB of the 64 MiB that may travel:
#   java.desktop  - java.beans introspection (SnakeYAML bean loading, Jackson's optional
#                   @ConstructorProperties support; Jackson checks for it and carries on)
#   java.compiler - annotation types of Error Prone (a Guava dependency), never loaded
#   java.sql      - Jackson's optional java.sql.Date/Timestamp handlers, looked up by name
# The dry run below proves the rest is enough for YAML, JSON, hashing and the harness itself.
OPTIONAL="java.desktop java.compiler java.sql"
# And one it misses: JCuda's LibUtils logs through java.util.logging while it loads the native
# library (without it: NoClassDefFoundError java/util/logging/Logger on the GPU host).
REQUIRED="java.logging"
MODULES=$( { tr ',' '\n' <<<"$FOUND" | grep -vxF -f <(tr ' ' '\n' <<<"$OPTIONAL"); \
             tr ' ' '\n' <<<"$REQUIRED"; } | sort -u | paste -sd, -)
STAMP="modules=$MODULES jdk=$("$JDK/bin/java" -version 2>&1 | head -1)"

if [ -x "$JRE/bin/java" ] && [ "$(cat "$JRE/sassim-jre.stamp" 2>/dev/null)" = "$STAMP" ]; then
  echo "make-jre: .jre is up to date ($MODULES)"
else
  echo "make-jre: linking $MODULES from $JDK"
  rm -rf "$JRE.tmp"
  "$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
    --compress=2 --output "$JRE.tmp"
  echo "$STAMP" > "$JRE.tmp/sassim-jre.stamp"
  rm -rf "$JRE"
  mv "$JRE.tmp" "$JRE"
fi

# Prove the runtime runs the harness: a dry run of the whole corpus (every spec parsed, every
# buffer built, the capture file written), no CUDA needed.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! "$JRE/bin/java" -jar "$JAR" --dry-run --out "$out" --repo-root "$REPO" \
     >"$out/log" 2>&1; then
  cat "$out/log" >&2
  die ".jre/bin/java could not run a dry run of the harness"
fi
# And the CUDA path up to the driver: JCuda's classes load and it unpacks its native library.
# Without a GPU that ends in UnsatisfiedLinkError for libcuda.so.1 (exit 3); anything else (a
# missing module: NoClassDefFoundError) means this runtime would fail on the GPU host too.
set +e
"$JRE/bin/java" -Djava.io.tmpdir="$out" -jar "$JAR" --only vecadd --runs 1 --warmup 0 \
  --out "$out/native" --repo-root "$REPO" >"$out/native.log" 2>&1
rc=$?
set -e
if [ $rc -ne 0 ] && ! { [ $rc -eq 3 ] && grep -q 'UnsatisfiedLinkError' "$out/native.log" \
                        && ! grep -q 'NoClassDefFoundError' "$out/native.log"; }; then
  cat "$out/native.log" >&2
  die ".jre/bin/java could not reach the CUDA driver path (exit $rc)"
fi
echo "make-jre: .jre runs the harness (CUDA path: $([ $rc -eq 0 ] && echo ran on a GPU || echo loads JCuda, no driver here)); size $(du -sh "$JRE" | cut -f1)"
