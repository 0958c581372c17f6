#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: JAVA_HOME if it qualifies, else the newest one on PATH or in /usr/lib/jvm.
# Exits 1 with a message when there is none. Used by ./movierec, .ci/run and benchmarks/run.sh.
set -euo pipefail

java_major() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  echo "${v%%.*}"
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
  echo "$JAVA_HOME"
  exit 0
fi
candidates=()
if command -v javac >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
fi
for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -x "$d/bin/javac" ] && candidates+=("$d")
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
