#!/usr/bin/env bash
# MovieRec benchmarks, as documented in the README:
#   1. training seconds per epoch (default settings, ml-1m), median over the epochs, and the test RMSE;
#   2. `movierec recommend` wall time from a cold JVM (launcher included), median of 11 runs (cold-start.sh);
#   3. in-process top-10 latency (JMH, sample mode: median and p99), Lucene HNSW and exact search, with the Vector
#      API as `movierec serve` runs (--add-modules jdk.incubator.vector).
# Usage: benchmarks/run.sh [ML_1M_DIR]   (default ../shared/data/ml-1m). Results also go to target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/ml-1m}
out=target/bench
model=$out/model
mkdir -p "$out"
export JAVA_HOME; JAVA_HOME=$(scripts/find-jdk.sh)
export PATH="$JAVA_HOME/bin:$PATH"

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -1)"

echo "== 1. training (default settings) on $data"
start=$(date +%s.%N)
./movierec train --data "$data" --model "$model" | tee "$out/train.txt"
end=$(date +%s.%N)
epoch_seconds=$(grep -o '"seconds" : [0-9.]*' "$model/manifest.json" | awk '{ print $3 }')
echo "training wall time (load + train + save): $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }') s"
echo "seconds per epoch, median of $(echo "$epoch_seconds" | wc -l) epochs: $(echo "$epoch_seconds" | median)"
grep -o '"testRmse" : [0-9.]*' "$model/manifest.json" | tail -1

echo "== 2. recommend from a cold JVM, launcher included (benchmarks/cold-start.sh: 11 runs, new and known user)"
./movierec index --model "$model"
benchmarks/cold-start.sh 11 -- --model "$model" | tee "$out/cold.txt"

echo "== 3. in-process top-10 latency (JMH)"
./mvnw -q -B -DskipTests package -pl movierec-bench -am
java -cp "movierec-bench/target/movierec-bench-0.1.0-SNAPSHOT.jar:movierec-bench/target/lib/*" org.openjdk.jmh.Main \
  RecommendBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s \
  -jvmArgsAppend "-Dmovierec.bench.model=$model --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector" \
  | tee "$out/jmh.txt" \
  | grep -E "^Benchmark|^RecommendBenchmark" || true
