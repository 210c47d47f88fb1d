#!/usr/bin/env bash
# make bench: the router against plain nginx proxy_pass, same nginx binary, same backends, same
# worker count, runs interleaved (plain, router, plain, router, ...) per request class.
# Backends are one tiny nginx answering `return 200` on three node addresses, so the proxy layer
# is what is measured. Everything stays on loopback. Results: a table on stdout (and
# $BENCH_DIR/results.md); docs/benchmarks.md records a run.
#
#   BENCH_DURATION     seconds per run (default 4)
#   BENCH_ROUNDS       runs per setup and class (default 3)
#   BENCH_CONNECTIONS  wrk connections (default 32)
#   BENCH_WORKERS      worker_processes of both proxies (default 1)
#   BENCH_PROFILE=0    skip the phase profile (router variants: phases removed, Lua floor, JIT)
#   BENCH_PROFILE_DURATION  seconds per profile variant (default 3)
#   BENCH_METRICS=0    skip the metrics cost (the router with ROUTER_METRICS=false beside it)
#   BENCH_CALLGRIND=1  also count instructions per request under callgrind (about 2 more minutes)
#   KEEP_BENCH_DIR=1   keep the scratch folder (logs, configs, raw wrk output)
# CPU layout on a 2-core machine: the proxy under test on CPU 0; wrk and the backends on CPU 1.
set -euo pipefail
source "$(dirname "$0")/runtime-env.sh"

DURATION=${BENCH_DURATION:-4}
ROUNDS=${BENCH_ROUNDS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
export BENCH_WORKERS=${BENCH_WORKERS:-1}
export BENCH_TOKENS=300
PROXY_CPU=0
LOAD_CPU=1
CLK_TCK=$(getconf CLK_TCK)
DNS_CLI="$ROOT/build/js/harness/dns-server-cli.js"
TAP_CLI="$ROOT/build/js/bench/mysql-tap.js"

for tool in wrk taskset curl node mariadb; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/install-runtime.sh installs wrk)" >&2; exit 1; }
done
for built in "$DNS_CLI" "$TAP_CLI"; do
  [ -f "$built" ] || { echo "bench: $built is missing: run make js first" >&2; exit 1; }
done
if [ "$(nproc)" -lt 2 ]; then PROXY_CPU=0; LOAD_CPU=0; fi
"$ROOT/scripts/ensure-mariadb.sh"

export BENCH_DIR
BENCH_DIR=$(mktemp -d /tmp/kuma-bench.XXXXXX)
mkdir -p "$BENCH_DIR"/{backend/tmp,plain/tmp,router,wrk}
# A third octet of our own, so a concurrent test run's node addresses (127.1.x.y) never clash.
octet=$(( $$ % 250 ))
export BACKEND_1="127.4.$octet.1" BACKEND_2="127.4.$octet.2" BACKEND_3="127.4.$octet.3"

free_port() {
  local port
  for _ in $(seq 100); do
    # Below the ephemeral range (32768+), where outgoing connections would collide with a listener.
    port=$(( 20000 + RANDOM % 12000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "bench: no free port" >&2
  exit 1
}
export PLAIN_LISTEN="127.0.0.1:$(free_port)"
ROUTER_LISTEN="127.0.0.1:$(free_port)"
ROUTER_STATUS="127.0.0.1:$(free_port)"

DB_NAME="kuma_bench_$$"
admin() {
  mariadb --protocol=tcp -h"${TEST_DB_HOST:-127.0.0.1}" -P"${TEST_DB_PORT:-3306}" \
    -u"${TEST_DB_USER:-root}" ${TEST_DB_PASSWORD:+-p"$TEST_DB_PASSWORD"} "$@"
}

# What we started, by pid: nginx masters stop on QUIT (workers with them), node helpers on TERM.
nginx_pids=()
node_pids=()
db_created=""
cleanup() {
  local pid
  for pid in "${nginx_pids[@]}"; do kill -QUIT "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${nginx_pids[@]}" "${node_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  [ -z "$db_created" ] || "$ROOT/scripts/test-db.sh" drop "$DB_NAME" || true
  [ "${KEEP_BENCH_DIR:-}" = 1 ] && echo "bench: kept $BENCH_DIR" >&2 || rm -rf "$BENCH_DIR"
}
trap cleanup EXIT

wait_line() { # FILE PATTERN: prints the first matching line, or fails after 10 s
  for _ in $(seq 100); do
    if grep -m1 -E "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "bench: no line matching '$2' in $1:" >&2
  cat "$1" >&2
  exit 1
}

wait_port() { # HOST:PORT
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/${1%:*}/${1##*:}") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: nothing listens on $1" >&2
  exit 1
}

# --- the database: three nodes, 300 push monitors spread over them, setup complete ----------
DB_PASSWORD=$("$ROOT/scripts/test-db.sh" create "$DB_NAME")
db_created=1
{
  for i in 1 2 3; do
    echo "INSERT INTO node (node_id, node_name, host, status, active, is_primary, last_seen) VALUES ('node$i', 'node$i', 'uptime-kuma-node$i:3001', 'online', 1, $([ "$i" = 1 ] && echo 1 || echo 0), UTC_TIMESTAMP());"
  done
  for i in $(seq "$BENCH_TOKENS"); do
    echo "INSERT INTO monitor (id, name, active, type, push_token, node_id) VALUES ($i, 'bench', 1, 'push', 'bench-tok-$i', 'node$(( (i - 1) % 3 + 1 ))');"
  done
  echo "INSERT INTO \`user\` (username) VALUES ('admin');"
} | admin "$DB_NAME"

# --- helpers: DNS for the node names, the MySQL tap, the backends ----------------------------
node "$DNS_CLI" --listen 127.0.0.1:0 --control 127.0.0.1:0 \
  --record "uptime-kuma-node1=$BACKEND_1" --record "uptime-kuma-node2=$BACKEND_2" --record "uptime-kuma-node3=$BACKEND_3" \
  </dev/null >"$BENCH_DIR/dns.log" 2>&1 &
node_pids+=($!)
dns_line=$(wait_line "$BENCH_DIR/dns.log" '^dns-server listening on')
[[ $dns_line =~ listening\ on\ ([0-9.]+:[0-9]+) ]] && DNS_ADDR=${BASH_REMATCH[1]}

node "$TAP_CLI" --listen 127.0.0.1:0 --upstream "${TEST_DB_HOST:-127.0.0.1}:${TEST_DB_PORT:-3306}" --control 127.0.0.1:0 \
  </dev/null >"$BENCH_DIR/tap.log" 2>&1 &
node_pids+=($!)
tap_line=$(wait_line "$BENCH_DIR/tap.log" '^mysql-tap listening on')
[[ $tap_line =~ listening\ on\ ([0-9.]+):([0-9]+)\ control\ on\ ([0-9.]+:[0-9]+) ]]
TAP_HOST=${BASH_REMATCH[1]} TAP_PORT=${BASH_REMATCH[2]} TAP_CONTROL=${BASH_REMATCH[3]}

"$ROOT/scripts/render-nginx.sh" "$ROOT/bench/backend.conf.template" >"$BENCH_DIR/backend/nginx.conf"
taskset -c "$LOAD_CPU" "$NGINX_BIN" -p "$BENCH_DIR/backend" -c "$BENCH_DIR/backend/nginx.conf" 2>>"$BENCH_DIR/backend/stderr.log" &
nginx_pids+=($!)
wait_port "$BACKEND_3:3001"

# --- the two proxies, both on PROXY_CPU with BENCH_WORKERS workers --------------------------
"$ROOT/scripts/render-nginx.sh" "$ROOT/bench/plain.conf.template" >"$BENCH_DIR/plain/nginx.conf"
taskset -c "$PROXY_CPU" "$NGINX_BIN" -p "$BENCH_DIR/plain" -c "$BENCH_DIR/plain/nginx.conf" 2>>"$BENCH_DIR/plain/stderr.log" &
PLAIN_PID=$!
nginx_pids+=("$PLAIN_PID")

# The router's environment: only what it needs, as the e2e harness gives it.
router_env=(env -i PATH="$PATH" HOME="${HOME:-/root}"
  WORKER_PROCESSES="$BENCH_WORKERS" ROUTER_LISTEN="$ROUTER_LISTEN" ROUTER_STATUS_LISTEN="$ROUTER_STATUS"
  ROUTER_PREFIX="$BENCH_DIR/router" ERROR_LOG="$BENCH_DIR/router/error.log" ERROR_LOG_LEVEL=warn ACCESS_LOG=off
  COMPOSE_PROJECT_NAME=kuma-bench DNS_SERVERS="$DNS_ADDR"
  DB_HOST="$TAP_HOST" DB_PORT="$TAP_PORT" DB_USER="$DB_NAME" DB_PASSWORD="$DB_PASSWORD" DB_NAME="$DB_NAME")

router_ready() {
  wait_port "$ROUTER_LISTEN"
  # The router routes once it has read the registry and its probes call the nodes up.
  local up=0
  for _ in $(seq 100); do
    up=$(curl -s "http://$ROUTER_STATUS/lb/status" | grep -o '"health":"up"' | wc -l || true)
    [ "$up" -ge 3 ] && return 0
    sleep 0.1
  done
  echo "bench: the router never saw three healthy nodes" >&2
  curl -s "http://$ROUTER_STATUS/lb/status" >&2
  exit 1
}

"${router_env[@]}" taskset -c "$PROXY_CPU" "$ROOT/scripts/router.sh" 2>"$BENCH_DIR/router/stderr.log" &
ROUTER_PID=$!
nginx_pids+=("$ROUTER_PID")
wait_port "$PLAIN_LISTEN"
router_ready

# Sanity: each class is routed as intended before anything is measured.
check() { # DESCRIPTION EXPECTED-HEADER-REGEX CURL-ARGS...
  local what=$1 want=$2
  shift 2
  curl -s -D - -o /dev/null "$@" | tr -d '\r' | grep -Eiq "$want" || { echo "bench: $what: no '$want' in the router's answer" >&2; exit 1; }
}
check "pinned browser" '^X-Routed-Via: fixed-node$' -H "Cookie: KUMA_FIXED_NODE=node2" "http://$ROUTER_LISTEN/"
check "push by token" '^X-Routed-Via: owner$' "http://$ROUTER_LISTEN/api/push/bench-tok-2"
check "new session" '^Set-Cookie: KUMA_FIXED_NODE=node' "http://$ROUTER_LISTEN/"

# --- measurement ------------------------------------------------------------------------------
worker_ticks() { # MASTER-PID: utime+stime of its workers, in clock ticks
  local total=0 pid
  for pid in $(pgrep -P "$1"); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo "$total"
}
com_select() { admin -N -e "SHOW GLOBAL STATUS LIKE 'Com_select'" | awk '{print $2}'; }
tap_stats() { curl -s "http://$TAP_CONTROL/stats.txt"; }


RUNS="$BENCH_DIR/runs.tsv"
printf 'class\tsetup\tround\trequests\trps\tp50_ms\tp99_ms\tbad\tticks\tcom_select\tlookups\tsync\tbackground\n' >"$RUNS"

run() { # CLASS SETUP ROUND [DURATION]
  local class=$1 setup=$2 round=$3 duration=${4:-$DURATION} url pid out
  if [ "$setup" = plain ]; then url="http://$PLAIN_LISTEN/"; pid=$PLAIN_PID; else url="http://$ROUTER_LISTEN/"; pid=$ROUTER_PID; fi
  if [ "$setup" = metrics-off ]; then url="http://$NOMETRICS_LISTEN/"; pid=$NOMETRICS_PID; fi
  out="$BENCH_DIR/wrk/$class-$setup-$round.txt"
  local t0 c0 s0 t1 c1 s1
  local -a extra=()
  case $class in
    pinned) extra=(-H "Cookie: KUMA_FIXED_NODE=node2") ;;
    push) extra=(-s "$ROOT/bench/push.lua") ;;
  esac
  t0=$(worker_ticks "$pid"); c0=$(com_select); s0=$(tap_stats)
  taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNECTIONS" -d"${duration}s" --latency "${extra[@]}" "$url" >"$out"
  t1=$(worker_ticks "$pid"); c1=$(com_select); s1=$(tap_stats)
  [ "$round" = warmup ] && return
  awk -v class="$class" -v setup="$setup" -v round="$round" -v ticks=$(( t1 - t0 )) -v cs=$(( c1 - c0 )) \
      -v s0="$s0" -v s1="$s1" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    / requests in / { requests = $1 }
    /^Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { bad += 0 }
    END {
      split(s0, a, " "); split(s1, b, " ")
      printf "%s\t%s\t%s\t%d\t%.0f\t%.3f\t%.3f\t%d\t%d\t%d\t%d\t%d\t%d\n", class, setup, round, requests, rps, p50, p99, bad + 0, ticks, cs, b[3] - a[3], b[4] - a[4], b[5] - a[5]
    }' "$out" >>"$RUNS"
}

echo "bench: ${ROUNDS} rounds x ${DURATION}s per setup and class, $CONNECTIONS connections, $BENCH_WORKERS worker(s) on CPU $PROXY_CPU, wrk + backends on CPU $LOAD_CPU" >&2
run pinned plain warmup 2
run pinned router warmup 2
for class in pinned push new; do
  for round in $(seq "$ROUNDS"); do
    for setup in plain router; do
      run "$class" "$setup" "$round"
      echo "bench: $(tail -n1 "$RUNS" | cut -f1-6)" >&2
    done
  done
done

# --- report -----------------------------------------------------------------------------------
RESULTS="$BENCH_DIR/results.md"
awk -F'\t' -v tck="$CLK_TCK" -v dur="$DURATION" -v workers="$BENCH_WORKERS" '
  NR == 1 { next }
  {
    k = $1 SUBSEP $2
    req[k] += $4; rps[k] += $5; p50[k] += $6; p99[k] += $7; bad[k] += $8; ticks[k] += $9; cs[k] += $10; n[k]++
    if ($2 == "router") { look[$1] += $11; sync[$1] += $12; bg[$1] += $13; secs[$1] += dur }
    if (!($1 in seen)) { seen[$1] = 1; order[++classes] = $1 }
    if (!(($1, $3) in roundSeen)) { roundSeen[$1, $3] = 1; rounds[$1, ++nr[$1]] = $3 }
    byRound[$1, $3, $2] = $5
  }
  END {
    names["pinned"] = "pinned browser (GET / + cookie)"; names["push"] = "push by token (GET /api/push/<token>)"; names["new"] = "new session (GET /, router pins)"
    print "| class | req/s plain / router | throughput ratio | worker CPU us/req plain / router | capacity ratio | p50 ms plain / router | p99 ms plain / router | worker busy % plain / router | Com_select/req plain / router | router lookups/req | router sync+background stmts/s | non-2xx |"
    print "|---|---|---|---|---|---|---|---|---|---|---|---|"
    for (i = 1; i <= classes; i++) {
      c = order[i]; p = c SUBSEP "plain"; r = c SUBSEP "router"
      cpup = ticks[p] / tck * 1e6 / req[p]; cpur = ticks[r] / tck * 1e6 / req[r]
      printf "| %s | %.0f / %.0f | %.2f | %.1f / %.1f | %.2f | %.2f / %.2f | %.2f / %.2f | %.0f / %.0f | %.5f / %.5f | %.5f | %.1f | %d / %d |\n", \
        names[c], rps[p] / n[p], rps[r] / n[r], (rps[r] / n[r]) / (rps[p] / n[p]), cpup, cpur, cpup / cpur, p50[p] / n[p], p50[r] / n[r], p99[p] / n[p], p99[r] / n[r], \
        100 * ticks[p] / tck / (n[p] * dur * workers), 100 * ticks[r] / tck / (n[r] * dur * workers), \
        cs[p] / req[p], cs[r] / req[r], look[c] / req[r], (sync[c] + bg[c]) / secs[c], bad[p], bad[r]
    }
    # Each round runs plain and router back to back: its ratio is the least disturbed by a
    # neighbour that comes and goes, so the median of the rounds is printed as well.
    print ""
    print "| class | throughput ratio per round (plain and router back to back) | median |"
    print "|---|---|---|"
    for (i = 1; i <= classes; i++) {
      c = order[i]; m = 0; list = ""
      for (j = 1; j <= nr[c]; j++) {
        ratio = byRound[c, rounds[c, j], "router"] / byRound[c, rounds[c, j], "plain"]
        v[++m] = ratio; list = list sprintf("%s%.2f", m > 1 ? " " : "", ratio)
      }
      for (a = 2; a <= m; a++) { x = v[a]; for (b = a - 1; b >= 1 && v[b] > x; b--) v[b + 1] = v[b]; v[b + 1] = x }
      median = m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
      printf "| %s | %s | %.2f |\n", names[c], list, median
    }
  }' "$RUNS" | tee "$RESULTS"

# --- metrics cost: a second router with ROUTER_METRICS=false, interleaved with the one above --
if [ "${BENCH_METRICS:-1}" != 0 ]; then
  NOMETRICS_LISTEN="127.0.0.1:$(free_port)"
  NOMETRICS_STATUS="127.0.0.1:$(free_port)"
  mkdir -p "$BENCH_DIR/router-nometrics"
  "${router_env[@]}" ROUTER_METRICS=false ROUTER_LISTEN="$NOMETRICS_LISTEN" ROUTER_STATUS_LISTEN="$NOMETRICS_STATUS" \
    ROUTER_PREFIX="$BENCH_DIR/router-nometrics" ERROR_LOG="$BENCH_DIR/router-nometrics/error.log" \
    taskset -c "$PROXY_CPU" "$ROOT/scripts/router.sh" 2>"$BENCH_DIR/router-nometrics/stderr.log" &
  NOMETRICS_PID=$!
  nginx_pids+=("$NOMETRICS_PID")
  ROUTER_LISTEN=$NOMETRICS_LISTEN ROUTER_STATUS=$NOMETRICS_STATUS router_ready
  echo >&2
  echo "bench: metrics cost (ROUTER_METRICS=false vs true, interleaved)" >&2
  for class in pinned push; do
    run "$class" metrics-off warmup 2
    for round in $(seq "$ROUNDS"); do
      for setup in metrics-off router; do
        run "$class" "$setup" "metrics-$round"
        echo "bench: $(tail -n1 "$RUNS" | cut -f1-6)" >&2
      done
    done
  done
  echo
  awk -F'\t' -v tck="$CLK_TCK" '
    $3 ~ /^metrics-/ { k = $1 SUBSEP $2; req[k] += $4; rps[k] += $5; ticks[k] += $9; n[k]++; if (!($1 in seen)) { seen[$1] = 1; order[++c] = $1 } }
    END {
      print "| metrics cost (class) | req/s off / on | throughput cost | worker CPU us/req off / on | CPU cost |"
      print "|---|---|---|---|---|"
      for (i = 1; i <= c; i++) {
        off = order[i] SUBSEP "metrics-off"; on = order[i] SUBSEP "router"
        ro = rps[off] / n[off]; rn = rps[on] / n[on]; uo = ticks[off] / tck * 1e6 / req[off]; un = ticks[on] / tck * 1e6 / req[on]
        printf "| %s | %.0f / %.0f | %+.1f %% | %.1f / %.1f | %+.1f %% |\n", order[i], ro, rn, 100 * (ro - rn) / ro, uo, un, 100 * (un - uo) / uo
      }
    }' "$RUNS" | tee -a "$RESULTS"
  kill -QUIT "$NOMETRICS_PID" 2>/dev/null || true
fi

# --- phase profile: what each Lua phase costs, from router variants with phases removed -------
# Only the scratch copy of the config is edited (never nginx/ in the repository); each variant
# serves the pinned class once and is compared by worker CPU per request.
if [ "${BENCH_PROFILE:-1}" != 0 ]; then
  CONF="$BENCH_DIR/router/conf"
  cp "$CONF/public.conf" "$BENCH_DIR/public.conf.orig"
  cp "$CONF/http.conf" "$BENCH_DIR/http.conf.orig"
  restart_router() { # SED-FOR-public.conf SED-FOR-http.conf (applied to the originals)
    kill -QUIT "$ROUTER_PID"
    while kill -0 "$ROUTER_PID" 2>/dev/null; do sleep 0.05; done
    sed -e "${1:-p;d}" "$BENCH_DIR/public.conf.orig" >"$CONF/public.conf"
    sed -e "${2:-p;d}" "$BENCH_DIR/http.conf.orig" >"$CONF/http.conf"
    "${router_env[@]}" taskset -c "$PROXY_CPU" "$NGINX_BIN" -p "$BENCH_DIR/router" -c "$CONF/nginx.conf" 2>>"$BENCH_DIR/router/stderr.log" &
    ROUTER_PID=$!
    nginx_pids+=("$ROUTER_PID")
    router_ready
    run pinned router warmup 1
  }
  no_log='/log_by_lua_block/d'
  # The cost of Lua itself: phases that decide nothing (an empty access and log phase, a balancer
  # that always picks node2), against the same config with no Lua in the request path at all.
  floor_access='s|access_by_lua_block .*|access_by_lua_block { local _ = 1 }|'
  floor_log='s|log_by_lua_block .*|log_by_lua_block { local _ = 1 }|'
  floor_balancer="s|balancer_by_lua_block .*|balancer_by_lua_block { require(\"ngx.balancer\").set_current_peer(\"$BACKEND_2\", 3001) }|"
  static_upstream="s|server 0.0.0.1;.*|server $BACKEND_2:3001;|;/balancer_by_lua_block/d"
  # LuaJIT: the same router with the JIT off, and with its trace log on (jit.v), to see how
  # much of the Lua runs compiled and what aborts traces.
  jit_off='s|init_worker_by_lua_block {|init_worker_by_lua_block { jit.off()|'
  jit_dir=$(ls -d /usr/share/luajit-2.1* 2>/dev/null | head -n1 || true)
  # The workers run as nobody: the log goes to a folder they may write.
  chmod 755 "$BENCH_DIR"
  mkdir -m 1777 -p "$BENCH_DIR/jit"
  jit_log="s|init_worker_by_lua_block {|init_worker_by_lua_block { package.path = package.path .. \";$jit_dir/?.lua\" require(\"jit.v\").start(\"$BENCH_DIR/jit/jit.log\")|"
  echo >&2
  echo "bench: phase profile (pinned class, router variants)" >&2
  variants=(
    "full##"
    "no log phase#$no_log#"
    "Lua floor: empty access and log, fixed balancer#$floor_access;$floor_log#$floor_balancer"
    "Lua floor without a log phase#$floor_access;$no_log#$floor_balancer"
    "no Lua: router's proxy.conf, static upstream#$no_log;/access_by_lua_block/d#$static_upstream"
    "JIT off#$jit_off#"
  )
  [ -z "$jit_dir" ] || variants+=("JIT trace log on (jit.v)##$jit_log")
  for variant in "${variants[@]}"; do
    IFS='#' read -r name public_sed http_sed <<<"$variant"
    restart_router "$public_sed" "$http_sed"
    run pinned router "profile-$name" "${BENCH_PROFILE_DURATION:-3}"
    echo "bench: $(tail -n1 "$RUNS" | cut -f1-6)" >&2
  done
  echo
  awk -F'\t' -v tck="$CLK_TCK" '
    $3 ~ /^profile-/ { v = substr($3, 9); us[v] = $9 / tck * 1e6 / $4; rps[v] = $5; order[++n] = v }
    $1 == "pinned" && $2 == "plain" && $3 !~ /^profile-/ { preq += $4; pticks += $9 }
    END {
      # The same config with no Lua at all is the ceiling of any router built on these phases:
      # the capacity of a row against it is the most that row could reach.
      nolua = us["no Lua: router'"'"'s proxy.conf, static upstream"]
      print "| router variant (pinned class, one run each) | req/s | worker CPU us/req | vs full | capacity vs no Lua |"
      print "|---|---|---|---|---|"
      for (i = 1; i <= n; i++) {
        v = order[i]
        cap = "-"
        if (nolua > 0) cap = sprintf("%.2f", nolua / us[v])
        printf "| %s | %.0f | %.1f | %+.1f | %s |\n", v, rps[v], us[v], us[v] - us["full"], cap
      }
      printf "| plain proxy_pass (the pinned runs above) | | %.1f | %+.1f | |\n", pticks / tck * 1e6 / preq, pticks / tck * 1e6 / preq - us["full"]
    }' "$RUNS" | tee -a "$RESULTS"
  if [ -s "$BENCH_DIR/jit/jit.log" ]; then
    echo
    echo "LuaJIT trace aborts during one pinned run (jit.v; count, reason):"
    grep -oE 'TRACE [0-9]+ (\(s[0-9]+/[0-9]+\) )?--.*|NYI: [^)]*' "$BENCH_DIR/jit/jit.log" | grep -oE 'NYI: .*|-- .*' | sed -E 's/ at [^ ]+:[0-9]+//' | sort | uniq -c | sort -rn | head -n 8
    echo "(full log: \$BENCH_DIR/jit/jit.log with KEEP_BENCH_DIR=1)"
  fi | tee -a "$RESULTS"
fi

# --- instructions per request (BENCH_CALLGRIND=1): exact where the timings above are noisy ----
# Each setup runs alone under callgrind as a single process (master_process off), on the same
# addresses, after the measurement above. Counts are user-space instructions (the kernel's share
# is not in them) per request after a warm-up, so they compare code paths, not machines.
if [ "${BENCH_CALLGRIND:-0}" = 1 ]; then
  command -v valgrind >/dev/null || { echo "bench: BENCH_CALLGRIND=1 needs valgrind" >&2; exit 1; }
  kill -QUIT "$ROUTER_PID" "$PLAIN_PID" 2>/dev/null || true
  while kill -0 "$ROUTER_PID" 2>/dev/null || kill -0 "$PLAIN_PID" 2>/dev/null; do sleep 0.05; done
  CONF="$BENCH_DIR/router/conf"
  [ -f "$BENCH_DIR/public.conf.orig" ] || cp "$CONF/public.conf" "$BENCH_DIR/public.conf.orig"
  [ -f "$BENCH_DIR/http.conf.orig" ] || cp "$CONF/http.conf" "$BENCH_DIR/http.conf.orig"
  floor_public='s|access_by_lua_block .*|access_by_lua_block { local _ = 1 }|;s|log_by_lua_block .*|log_by_lua_block { local _ = 1 }|'
  floor_http="s|balancer_by_lua_block .*|balancer_by_lua_block { require(\"ngx.balancer\").set_current_peer(\"$BACKEND_2\", 3001) }|"
  nolua_public='/access_by_lua_block/d;/log_by_lua_block/d'
  nolua_http="s|server 0.0.0.1;.*|server $BACKEND_2:3001;|;/balancer_by_lua_block/d"
  sed -i '1i master_process off;' "$CONF/nginx.conf"
  sed '1i master_process off;' "$BENCH_DIR/plain/nginx.conf" >"$BENCH_DIR/plain/nginx-cg.conf"
  mkdir -m 1777 -p "$BENCH_DIR/cg"
  echo >&2
  echo "bench: instructions per request (callgrind, one process per setup)" >&2
  CG_RESULTS="$BENCH_DIR/cg/results.tsv"
  : >"$CG_RESULTS"
  cg_measure() { # SETUP PID URL CLASSES...
    local setup=$1 pid=$2 url=$3 class out dump ir req n=0
    shift 3
    for class in "$@"; do
      local -a extra=()
      case $class in
        pinned) extra=(-H "Cookie: KUMA_FIXED_NODE=node2") ;;
        push) extra=(-s "$ROOT/bench/push.lua") ;;
      esac
      out="$BENCH_DIR/cg/$setup-$class.txt"
      taskset -c "$LOAD_CPU" wrk -t1 -c4 -d3s "${extra[@]}" "$url" >/dev/null
      callgrind_control -z "$pid" >/dev/null
      taskset -c "$LOAD_CPU" wrk -t1 -c4 -d4s "${extra[@]}" "$url" >"$out"
      callgrind_control -d "$pid" >/dev/null
      n=$((n + 1))
      dump="$BENCH_DIR/cg/out.$pid.$n"
      for _ in $(seq 50); do [ -s "$dump" ] && grep -q '^totals:' "$dump" && break; sleep 0.1; done
      ir=$(awk '/^totals:/ {print $2}' "$dump")
      req=$(awk '/ requests in / {print $1}' "$out")
      printf '%s\t%s\t%s\t%s\n' "$setup" "$class" "$req" "$ir" >>"$CG_RESULTS"
      echo "bench: callgrind $setup $class: $req requests, $(( ir / req )) instructions per request" >&2
    done
  }
  cg_router() { # NAME SED-public SED-http
    sed -e "${2:-p;d}" "$BENCH_DIR/public.conf.orig" >"$CONF/public.conf"
    sed -e "${3:-p;d}" "$BENCH_DIR/http.conf.orig" >"$CONF/http.conf"
    # A sync interval of a minute keeps the background statements out of the counts.
    "${router_env[@]}" ROUTER_SYNC_INTERVAL=60 taskset -c "$PROXY_CPU" valgrind --tool=callgrind --smc-check=all-non-file \
      --callgrind-out-file="$BENCH_DIR/cg/out.%p" "$NGINX_BIN" -p "$BENCH_DIR/router" -c "$CONF/nginx.conf" \
      2>>"$BENCH_DIR/router/callgrind.log" &
    local pid=$!
    nginx_pids+=("$pid")
    router_ready
    cg_measure "$1" "$pid" "http://$ROUTER_LISTEN/" pinned push new
    kill -QUIT "$pid"; wait "$pid" 2>/dev/null || true
  }
  cg_router router "" ""
  cg_router "Lua floor" "$floor_public" "$floor_http"
  cg_router "no Lua" "$nolua_public" "$nolua_http"
  taskset -c "$PROXY_CPU" valgrind --tool=callgrind --callgrind-out-file="$BENCH_DIR/cg/out.%p" \
    "$NGINX_BIN" -p "$BENCH_DIR/plain" -c "$BENCH_DIR/plain/nginx-cg.conf" 2>>"$BENCH_DIR/plain/callgrind.log" &
  CG_PLAIN=$!
  nginx_pids+=("$CG_PLAIN")
  wait_port "$PLAIN_LISTEN"
  cg_measure plain "$CG_PLAIN" "http://$PLAIN_LISTEN/" pinned push new
  kill -QUIT "$CG_PLAIN"; wait "$CG_PLAIN" 2>/dev/null || true
  echo
  awk -F'\t' '
    { ir[$1 SUBSEP $2] = $4 / $3; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
    END {
      print "| instructions per request (callgrind) | pinned | push | new session |"
      print "|---|---|---|---|"
      for (i = 1; i <= n; i++) {
        s = order[i]
        printf "| %s | %.0f | %.0f | %.0f |\n", s, ir[s SUBSEP "pinned"], ir[s SUBSEP "push"], ir[s SUBSEP "new"]
      }
    }' "$CG_RESULTS" | tee -a "$RESULTS"
fi

echo
echo "bench: per-run numbers in $RUNS (KEEP_BENCH_DIR=1 keeps them); Com_select counts every client of the server, the tap only this router's statements" >&2
if grep -qE '\[(error|crit|alert|emerg)\]' "$BENCH_DIR/router/error.log" 2>/dev/null; then
  echo "bench: the router logged errors:" >&2
  grep -E '\[(error|crit|alert|emerg)\]' "$BENCH_DIR/router/error.log" | tail -n 5 >&2
fi
