#!/usr/bin/env bash
# Serves the built site on http://127.0.0.1:PORT with the reference Open311 receiver behind it
# at /open311/ (same origin, so the bundled config.json's "/open311/v2" endpoint just works).
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist} port=${2:-8080} rport=${3:-8081}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
proxy=()
if [ -f receiver/server.js ]; then
  node receiver/server.js --port "$rport" &
  pids+=($!)
  proxy=(--proxy "/open311/=http://127.0.0.1:$rport/open311/")
fi
node e2e/serve.mjs --dir "$dist" --port "$port" --csp "${proxy[@]}" &
pids+=($!)
echo "绿色长春 · 环境信息: http://127.0.0.1:$port/  (Ctrl-C stops)"
wait -n
