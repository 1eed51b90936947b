#!/usr/bin/env bash
# Starts `cecop-api serve` in the background on a free port with a fresh
# SQLite database, waits for its `listening on` line, and prints
#   <pid> <base-url>
# Usage: serve-bg.sh BINARY DATA_DIR [STATIC_DIR]
set -euo pipefail
bin=${1:?binary}; data=${2:?data dir}; static=${3:-}
mkdir -p "$data"
out="$data/stdout"; : >"$out"
[ -n "$static" ] && export CECOP_STATIC_DIR="$static"
CECOP_BIND=127.0.0.1:0 CECOP_DATA_DIR="$data" RUST_LOG=${RUST_LOG:-warn} \
  "$bin" serve >"$out" 2>"$data/stderr" &
pid=$!
for _ in $(seq 1 300); do
  if line=$(head -n 1 "$out") && [ -n "$line" ]; then
    echo "$pid ${line#listening on }"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { cat "$data/stderr" >&2; exit 1; }
  sleep 0.1
done
echo "serve-bg.sh: no listening line after 30 s" >&2; kill "$pid"; exit 1
