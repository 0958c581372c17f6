#!/usr/bin/env bash
# The embedded vector store (Lucene HNSW) on large synthetic catalogs shaped like the trained model's movies:
# build time, disk, heap, single-thread p50/p99 and recall@10 against exact search (ScaleBenchmark; docs/scale.md).
# Usage: benchmarks/scale.sh [SIZES [SETTINGS [CANDIDATES]]]
#   SIZES       comma-separated catalog sizes            (default 100000)
#   SETTINGS    M/efConstruction[q][pDIM]: q = scalar-quantized, pDIM = graph on DIM leading directions
#               (default 16/100,16/200,32/200,16/100q)
#   CANDIDATES  graph candidates per query, >= 100       (default 100,200,400)
# Environment: MODEL (default ~/.movierec/model), HEAP (default 12g), BUILD=0 to skip the Maven build,
#   NOISE=model to draw the synthetic movies along the real movies' covariance (default isotropic).
# Rows are printed as a markdown table and appended to target/bench/scale/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-100000}
settings=${2:-16/100,16/200,32/200,16/100q}
candidates=${3:-100,200,400}
model=${MODEL:-$HOME/.movierec/model}
out=target/bench/scale
mkdir -p "$out"
export JAVA_HOME; JAVA_HOME=$(scripts/find-jdk.sh)
export PATH="$JAVA_HOME/bin:$PATH"
if [[ ${BUILD:-1} != 0 ]]; then
  ./mvnw -q -o -B -DskipTests install -pl movierec-bench -am
fi
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -1)" >&2
echo "== sizes $sizes, settings $settings, candidates $candidates, model $model" >&2
java -Xms${HEAP:-12g} -Xmx${HEAP:-12g} -XX:+UseParallelGC -XX:SoftRefLRUPolicyMSPerMB=0 \
  --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "movierec-bench/target/movierec-bench-0.1.0-SNAPSHOT.jar:movierec-bench/target/lib/*" \
  org.movierec.bench.ScaleBenchmark --sizes "$sizes" --settings "$settings" --candidates "$candidates" \
  --model "$model" --work "$out" --out "$out/results.md" --noise "${NOISE:-isotropic}"
