#!/usr/bin/env bash
# A throwaway single-node Garage (a real S3-compatible server that checks
# SigV4 signatures) for the media tests (TOOLCHAIN.md).
#   garage.sh start DIR PORT  → starts it with a bucket and a key; prints
#                               `endpoint bucket key_id secret`
#   garage.sh stop DIR        → stops it
set -euo pipefail

cmd=${1:?usage: garage.sh start DIR PORT | stop DIR}
dir=${2:?usage: garage.sh start DIR PORT | stop DIR}
garage_bin=${GARAGE:-$(command -v garage || echo "$HOME/.cargo/bin/garage")}
[ -x "$garage_bin" ] || { echo "garage.sh: garage not found (just s3-tools)" >&2; exit 1; }

case "$cmd" in
  start)
    port=${3:?usage: garage.sh start DIR PORT}
    # The RPC and admin ports are free ones too: `port + 1` may be taken.
    read -r rpc admin < <(python3 -c 'import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
    mkdir -p "$dir/meta" "$dir/data"
    cat > "$dir/garage.toml" <<TOML
metadata_dir = "$dir/meta"
data_dir = "$dir/data"
db_engine = "sqlite"
replication_factor = 1
rpc_bind_addr = "127.0.0.1:$rpc"
rpc_public_addr = "127.0.0.1:$rpc"
rpc_secret = "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"

[s3_api]
s3_region = "garage"
api_bind_addr = "127.0.0.1:$port"

[admin]
api_bind_addr = "127.0.0.1:$admin"
TOML
    g() { "$garage_bin" -c "$dir/garage.toml" "$@"; }
    g server > "$dir/log" 2>&1 &
    echo $! > "$dir/pid"
    # Up to a minute on a loaded machine; a server that died says why.
    up=
    for _ in $(seq 1 600); do
      if g status >/dev/null 2>&1; then up=1; break; fi
      kill -0 "$(cat "$dir/pid")" 2>/dev/null || break
      sleep 0.1
    done
    if [ -z "$up" ]; then
      echo "garage.sh: garage did not start; its log:" >&2
      cat "$dir/log" >&2
      exit 1
    fi
    node=$(g node id -q | cut -d@ -f1)
    g layout assign -z dc1 -c 1G "$node" >/dev/null
    g layout apply --version 1 >/dev/null
    g bucket create cecop-test >/dev/null
    keys=$(g key create cecop-test)
    key_id=$(echo "$keys" | awk '/Key ID/ {print $NF}')
    secret=$(echo "$keys" | awk '/Secret key/ {print $NF}')
    g bucket allow --read --write --owner cecop-test --key cecop-test >/dev/null
    echo "http://127.0.0.1:$port cecop-test $key_id $secret"
    ;;
  stop)
    [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
    ;;
  *) echo "usage: garage.sh start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
