#!/usr/bin/env bash
# `movierec recommend` from a cold JVM, launcher included, as a user runs it: wall time, median of RUNS runs (11 by
# default) for a new user (-a 25 -g F -j programmer) and a known user (--user 1), with the load average before and
# after (the machine is shared: compare medians taken under similar load).
#
# Usage: benchmarks/cold-start.sh [--fresh] [RUNS] [-- extra recommend arguments, e.g. --model DIR]
#   --fresh   first deletes the launcher's cache (movierec-app/target/launcher-cache) and reports the time of the run
#             that makes it again.
# The model is the default one ($MOVIEREC_HOME/model or ~/.movierec/model, made by `movierec quickstart`) unless
# --model is given after --. The first run of each kind is not counted (it warms the page cache).
set -euo pipefail
cd "$(dirname "$0")/.."

fresh=false
runs=11
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --fresh) fresh=true ;;
    --) shift; extra=("$@"); break ;;
    *) runs=$1 ;;
  esac
  shift
done

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
seconds() { # runs the command, prints its wall time in seconds; its output is discarded
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  e=$(date +%s%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }'
}

echo "== machine: $(nproc) cores; load before: $(uptime | sed 's/.*load average: //')"
if $fresh; then
  rm -rf movierec-app/target/launcher-cache
  echo "first run, making the launcher's cache: $(seconds ./movierec recommend -a 25 -g F -j programmer "${extra[@]}") s"
fi

new_user=(./movierec recommend -a 25 -g F -j programmer "${extra[@]}")
known_user=(./movierec recommend --user 1 "${extra[@]}")
seconds "${new_user[@]}" >/dev/null
seconds "${known_user[@]}" >/dev/null
: >/tmp/cold-start.$$.new
: >/tmp/cold-start.$$.known
trap 'rm -f /tmp/cold-start.$$.new /tmp/cold-start.$$.known' EXIT
for _ in $(seq "$runs"); do # interleaved, so that both kinds see the same load
  seconds "${new_user[@]}" >>/tmp/cold-start.$$.new
  seconds "${known_user[@]}" >>/tmp/cold-start.$$.known
done
for kind in new known; do
  f=/tmp/cold-start.$$.$kind
  printf '%-5s user: median %s s of %d runs (min %s, max %s)\n' "$kind" "$(median <"$f")" "$runs" \
    "$(sort -g "$f" | head -1)" "$(sort -g "$f" | tail -1)"
done
echo "== load after: $(uptime | sed 's/.*load average: //')"
