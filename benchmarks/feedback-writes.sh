#!/usr/bin/env bash
# Feedback store write throughput: rating writes a second that FeedbackStore.addRatings acknowledges (committed
# durably: SQLite WAL + synchronous=FULL, PostgreSQL synchronous_commit on) from 16 threads, 1 and 5 ratings a call,
# median of 3 runs of SECONDS each, for SQLite (a file under target/bench/feedback) and PostgreSQL
# ($MOVIEREC_POSTGRES_URL, or the local one that scripts/postgres.sh starts). Beside the store (group commit), the
# same SQL as one transaction per call (one shared connection; a connection per thread) shows what group commit buys.
# Usage: benchmarks/feedback-writes.sh [SECONDS]   (default 5; about 2 x 3 x 2 x 3 x (SECONDS + 1) s in all)
# Set MOVIEREC_POSTGRES_URL= (empty) to measure SQLite only.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
out=target/bench/feedback
mkdir -p "$out"
export JAVA_HOME; JAVA_HOME=$(scripts/find-jdk.sh)

./mvnw -q -pl movierec-core test-compile
./mvnw -q -pl movierec-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null
if [[ -z ${MOVIEREC_POSTGRES_URL+set} ]]; then
  MOVIEREC_POSTGRES_URL=$(scripts/postgres.sh)
fi
classpath="movierec-core/target/test-classes:movierec-core/target/classes:$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" org.movierec.feedback.FeedbackWriteBenchmark \
  --sqlite-dir "$out/sqlite" --postgres "$MOVIEREC_POSTGRES_URL" --seconds "$seconds" --runs 3 --threads 16 \
  | tee "$out/results.txt"
