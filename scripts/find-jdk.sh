#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: JAVA_HOME if it qualifies, else the newest one on PATH or in /usr/lib/jvm.
# Exits 1 with a message when there is none. Used by ./movierec, .ci/run and benchmarks/run.sh.
#
# A JDK's version is read from its `release` file (JAVA_VERSION="21.0.2"), which every JDK since 9 has; only a JDK
# without one is asked with `java -XshowSettings`. Reading the files takes a few milliseconds where starting each
# JDK's java took about 0.1 s apiece (0.5 s with the four JDKs of the development machine).
set -euo pipefail

java_major() {
  local v="" line
  if [ -f "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break ;;
      esac
    done <"$1/release"
  fi
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  v=${v%%.*}
  v=${v%%-*}
  echo "$v"
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ -x "$JAVA_HOME/bin/java" ] \
  && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
  echo "$JAVA_HOME"
  exit 0
fi
candidates=()
if command -v javac >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
fi
for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -x "$d/bin/javac" ] && [ -x "$d/bin/java" ] && candidates+=("$d")
done
best="" best_major=0
for c in "${candidates[@]}"; do
  m=$(java_major "$c" 2>/dev/null || true)
  if [ -n "$m" ] && [ "$m" -ge 21 ] 2>/dev/null && [ "$m" -gt "$best_major" ]; then
    best="$c"
    best_major=$m
  fi
done
if [ -z "$best" ]; then
  echo "MovieRec needs a JDK 21 or newer; none found in JAVA_HOME, on PATH or in /usr/lib/jvm. Install one (e.g. Temurin 21) and set JAVA_HOME." >&2
  exit 1
fi
echo "$best"
