#!/usr/bin/env bash
# Snapshot at scale, on a real router (docs/benchmarks.md): 100 nodes and 100,000 push monitors,
# wrk sending routed push requests (GET /api/push/<token>, every token known), once without any
# change and once with one monitor change per second (its owner moves), BURST_SECONDS each,
# interleaved BURST_ROUNDS times; then the machine's floor: the same wrk load on the stand-in
# node's nginx directly (BURST_FLOOR=0 skips it). Prints p50/p99/max of each. Run by
# scripts/bench-snapshot.sh.
#
#   BURST_SECONDS      seconds per run (default 30)
#   BURST_ROUNDS       runs per setup (default 1)
#   BURST_CONNECTIONS  wrk connections (default 8)
#   BURST_WORKERS      the router's worker_processes (default 2)
set -euo pipefail
source "$(dirname "$0")/runtime-env.sh"

SECONDS_PER_RUN=${BURST_SECONDS:-30}
ROUNDS=${BURST_ROUNDS:-1}
CONNECTIONS=${BURST_CONNECTIONS:-8}
WORKERS=${BURST_WORKERS:-2}
NODES=100
MONITORS=100000
DNS_CLI="$ROOT/build/js/harness/dns-server-cli.js"

for tool in wrk curl node mariadb; do
  command -v "$tool" >/dev/null || { echo "bench-snapshot: $tool is missing (scripts/install-runtime.sh installs wrk)" >&2; exit 1; }
done
[ -f "$DNS_CLI" ] || { echo "bench-snapshot: $DNS_CLI is missing: run make js first" >&2; exit 1; }
"$ROOT/scripts/ensure-mariadb.sh"

export BENCH_DIR
BENCH_DIR=$(mktemp -d /tmp/kuma-burst.XXXXXX)
mkdir -p "$BENCH_DIR"/{backend/tmp,router,wrk}
octet=$(( ($$ + 7) % 250 ))
export BACKEND_1="127.5.$octet.1" BACKEND_2="127.5.$octet.2" BACKEND_3="127.5.$octet.3"

free_port() {
  local port
  for _ in $(seq 100); do
    port=$(( 20000 + RANDOM % 12000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "bench-snapshot: no free port" >&2
  exit 1
}
ROUTER_LISTEN="127.0.0.1:$(free_port)"
ROUTER_STATUS="127.0.0.1:$(free_port)"
DB_NAME="kuma_burst_$$"
admin() {
  mariadb --protocol=tcp -h"${TEST_DB_HOST:-127.0.0.1}" -P"${TEST_DB_PORT:-3306}" \
    -u"${TEST_DB_USER:-root}" ${TEST_DB_PASSWORD:+-p"$TEST_DB_PASSWORD"} "$@"
}

pids=()
changer=""
db_created=""
cleanup() {
  local pid
  [ -z "$changer" ] || kill -TERM "$changer" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -QUIT "$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -z "$db_created" ] || "$ROOT/scripts/test-db.sh" drop "$DB_NAME" || true
  [ "${KEEP_BENCH_DIR:-}" = 1 ] && echo "bench-snapshot: kept $BENCH_DIR" >&2 || rm -rf "$BENCH_DIR"
}
trap cleanup EXIT

wait_line() {
  for _ in $(seq 100); do
    if grep -m1 -E "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "bench-snapshot: no line matching '$2' in $1" >&2
  exit 1
}
wait_port() {
  for _ in $(seq 300); do
    (exec 3<>"/dev/tcp/${1%:*}/${1##*:}") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench-snapshot: nothing listens on $1" >&2
  exit 1
}

# --- the database: 100 nodes on three addresses, 100,000 push monitors -------------------------
DB_PASSWORD=$("$ROOT/scripts/test-db.sh" create "$DB_NAME")
db_created=1
admin "$DB_NAME" <<SQL
INSERT INTO node (node_id, node_name, host, status, active, is_primary, last_seen)
  SELECT CONCAT('node', seq), CONCAT('node', seq), CONCAT('uptime-kuma-node', 1 + seq % 3, ':3001'), 'online', 1, seq = 1, UTC_TIMESTAMP()
  FROM seq_1_to_$NODES;
INSERT INTO monitor (id, name, active, type, push_token, node_id, assigned_node)
  SELECT seq, CONCAT('monitor ', seq), 1, 'push', CONCAT('bench-tok-', seq), CONCAT('node', 1 + seq % $NODES),
    IF(seq % 20 = 0, CONCAT('node', 1 + (seq + 1) % $NODES), NULL)
  FROM seq_1_to_$MONITORS;
INSERT INTO \`user\` (username) VALUES ('admin');
SQL

node "$DNS_CLI" --listen 127.0.0.1:0 --control 127.0.0.1:0 \
  --record "uptime-kuma-node1=$BACKEND_1" --record "uptime-kuma-node2=$BACKEND_2" --record "uptime-kuma-node3=$BACKEND_3" \
  </dev/null >"$BENCH_DIR/dns.log" 2>&1 &
pids+=($!)
dns_line=$(wait_line "$BENCH_DIR/dns.log" '^dns-server listening on')
[[ $dns_line =~ listening\ on\ ([0-9.]+:[0-9]+) ]] && DNS_ADDR=${BASH_REMATCH[1]}

"$ROOT/scripts/render-nginx.sh" "$ROOT/bench/backend.conf.template" >"$BENCH_DIR/backend/nginx.conf"
"$NGINX_BIN" -p "$BENCH_DIR/backend" -c "$BENCH_DIR/backend/nginx.conf" 2>>"$BENCH_DIR/backend/stderr.log" &
pids+=($!)
wait_port "$BACKEND_3:3001"

env -i PATH="$PATH" HOME="${HOME:-/root}" \
  WORKER_PROCESSES="$WORKERS" ROUTER_LISTEN="$ROUTER_LISTEN" ROUTER_STATUS_LISTEN="$ROUTER_STATUS" ROUTER_SYNC_INTERVAL=1 \
  ROUTER_PREFIX="$BENCH_DIR/router" ERROR_LOG="$BENCH_DIR/router/error.log" ERROR_LOG_LEVEL=warn ACCESS_LOG=off \
  COMPOSE_PROJECT_NAME=kuma-burst DNS_SERVERS="$DNS_ADDR" \
  DB_HOST="${TEST_DB_HOST:-127.0.0.1}" DB_PORT="${TEST_DB_PORT:-3306}" DB_USER="$DB_NAME" DB_PASSWORD="$DB_PASSWORD" DB_NAME="$DB_NAME" \
  "$ROOT/scripts/router.sh" 2>"$BENCH_DIR/router/stderr.log" &
pids+=($!)
wait_port "$ROUTER_LISTEN"
for _ in $(seq 300); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://$ROUTER_LISTEN/api/push/bench-tok-7" || true)
  [ "$code" = 200 ] && break
  sleep 0.1
done
[ "$code" = 200 ] || { echo "bench-snapshot: the router never routed a push (last answer $code)" >&2; tail -20 "$BENCH_DIR/router/error.log" >&2; exit 1; }

# One monitor change per second: a different monitor's owner moves each time.
changes() {
  local i=0
  while true; do
    i=$(( i + 1 ))
    admin "$DB_NAME" -e "UPDATE monitor SET assigned_node = IF(assigned_node IS NULL, 'node$(( 1 + i % NODES ))', NULL) WHERE id = $(( 1 + (i * 7919) % MONITORS ))"
    sleep 1
  done
}

RUNS="$BENCH_DIR/runs.tsv"
run() { # SETUP ROUND
  local out="$BENCH_DIR/wrk/$1-$2.txt" url="http://$ROUTER_LISTEN/"
  if [ "$1" = changes ]; then changes & changer=$!; fi
  # The machine's floor: the same load on the stand-in node's nginx itself, no router, no Lua.
  [ "$1" = floor ] && url="http://$BACKEND_1:3001/"
  BENCH_TOKENS=$MONITORS wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$ROOT/bench/push.lua" "$url" >"$out"
  if [ -n "$changer" ]; then kill -TERM "$changer"; wait "$changer" 2>/dev/null || true; changer=""; fi
  awk -v setup="$1" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +Latency +[0-9]/ { max = ms($4) }
    / requests in / { requests = $1 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    END { printf "%s\t%d\t%.2f\t%.2f\t%.1f\t%d\n", setup, requests, p50, p99, max, bad + 0 }' "$out" >>"$RUNS"
  echo "bench-snapshot: burst $(tail -n1 "$RUNS" | awk -F'\t' '{printf "%-10s requests %d, p50 %s ms, p99 %s ms, max %s ms, non-2xx %d", $1, $2, $3, $4, $5, $6}')"
}

echo "bench-snapshot: change burst: $WORKERS workers, ROUTER_SYNC_INTERVAL=1, wrk $CONNECTIONS connections on /api/push/<token>, ${SECONDS_PER_RUN}s per run"
BENCH_TOKENS=$MONITORS wrk -t1 -c"$CONNECTIONS" -d3s -s "$ROOT/bench/push.lua" "http://$ROUTER_LISTEN/" >/dev/null
for round in $(seq "$ROUNDS"); do
  run none "$round"
  run changes "$round"
  [ "${BURST_FLOOR:-1}" = 0 ] || run floor "$round"
done
grep -m3 -E "\[(error|crit|alert)\]" "$BENCH_DIR/router/error.log" >&2 || true
