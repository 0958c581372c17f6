#!/usr/bin/env bash
# How training shares the machine (README, "Measured"): seconds per epoch of the default training, median over the
# epochs, quiet and with one CPU-bound process beside it, under PyTorch's OpenMP wait policies PASSIVE (what the
# movierec launcher sets) and ACTIVE (busy-waiting, the policy without it), and with 1 or all PyTorch threads.
# Usage: benchmarks/train-sharing.sh [ML_1M_DIR] [EPOCHS]   (defaults ../shared/data/ml-1m, 4). Run on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/ml-1m}
epochs=${2:-4}
out=target/bench/sharing
mkdir -p "$out"
export JAVA_HOME; JAVA_HOME=$(scripts/find-jdk.sh)

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

./movierec info --help >/dev/null # builds the jar once, before anything is timed
run() { # name, wait policy, threads ("" = PyTorch's default), busy (0/1)
  local name=$1 policy=$2 threads=$3 busy=$4 pid=
  if [[ $busy == 1 ]]; then
    (while :; do :; done) & pid=$!
  fi
  local opts=()
  [[ -n $threads ]] && opts=(-Dai.djl.pytorch.num_threads="$threads")
  OMP_WAIT_POLICY=$policy JAVA_TOOL_OPTIONS="${opts[*]:-}" ./movierec train --data "$data" --model "$out/model" \
    --epochs "$epochs" > "$out/$name.txt" 2>/dev/null
  [[ -n $pid ]] && kill "$pid"
  local seconds
  seconds=$(grep -o '[0-9.]* s$' "$out/$name.txt" | awk '{ print $1 }' | median)
  printf '%-28s median %6.1f s an epoch  (%s)\n' "$name" "$seconds" \
    "$(grep -o '[0-9.]* s$' "$out/$name.txt" | awk '{ print $1 }' | paste -sd' ')"
}

echo "== $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $epochs epochs each"
run quiet-passive PASSIVE "" 0
run busy-passive PASSIVE "" 1
run quiet-active ACTIVE "" 0
run busy-active ACTIVE "" 1
run busy-passive-1-thread PASSIVE 1 1
