#!/usr/bin/env bash
# HTTP load on `movierec serve`, bounded in time: wrk (Debian's package) against loopback, for new users'
# recommendations, known users' recommendations and rating writes, at 1, 4 and 16 connections; then the framework's
# ceiling (a Javalin route doing no work, ../shared/bench/http-ceiling) at the same concurrencies, in the same run,
# so the figures can be read as ratios on this noisy 2-core machine.
#   benchmarks/http.sh [MODEL_DIR] [SECONDS]   (default: the quickstart model, 10 s a run after 3 s of warm-up)
# The model is copied to a temporary directory, so the ratings written never reach yours.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
model=${1:-${MOVIEREC_HOME:-$HOME/.movierec}/model}
seconds=${2:-10}
command -v wrk >/dev/null || { echo "http.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -f "$model/manifest.json" ] || { echo "http.sh: no model in $model (run ./movierec quickstart first)" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cp -r "$model" "$work/model"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
await() { for _ in $(seq 1 240); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "not ready: $1" >&2; return 1; }

port=$(free_port)
MOVIEREC_HOME="$work/home" "$root/movierec" serve --model "$work/model" --port "$port" --watch 0 \
  --feedback-db "jdbc:sqlite:$work/feedback.db" > "$work/serve.log" 2>&1 &
pids+=($!)
await "http://127.0.0.1:$port/health"
export WRK_LUA_DIR="$here/wrk"
run() {   # name script connections [url]
  local url=${4:-http://127.0.0.1:$port}
  wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d3s -s "$here/wrk/$2" "$url" > /dev/null 2>&1 || true   # warm-up
  local line
  line=$(wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"${seconds}s" -s "$here/wrk/$2" "$url" | grep '^RESULT')
  printf '%-24s %3s  %s\n' "$1" "$3" "${line#RESULT }"
}
echo "endpoint                   c  figures (uptime: $(uptime | sed 's/.*load average: //'))"
for c in 1 4 16; do run "new-user recommendations" new-users.lua "$c"; done
for c in 1 4 16; do run "known-user recommendations" known-users.lua "$c"; done
for c in 1 4 16; do run "rating writes" ratings.lua "$c"; done
grep -c . "$work/serve.log" >/dev/null || true

ceiling="$root/../shared/bench/http-ceiling/run.sh"
if [ -x "$ceiling" ] || [ -f "$ceiling" ]; then
  cport=$(free_port)
  cpid=$(bash "$ceiling" start "$cport")
  pids+=("$cpid")
  await "http://127.0.0.1:$cport/api/recommendations"
  cat > "$work/ceiling.lua" <<'LUA'
dofile(os.getenv("WRK_LUA_DIR") .. "/report.lua")
LUA
  cp "$work/ceiling.lua" "$here/wrk/.ceiling.lua"
  for c in 1 4 16; do run "ceiling (no work)" .ceiling.lua "$c" "http://127.0.0.1:$cport/api/recommendations"; done
  rm -f "$here/wrk/.ceiling.lua"
fi
