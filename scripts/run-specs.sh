#!/usr/bin/env bash
# Runs the busted specs inside a real nginx worker. Exit code: busted's verdict.
# SPEC_PATTERN narrows the files (default: every *_spec.lua under spec/).
set -euo pipefail
source "$(dirname "$0")/runtime-env.sh"
PREFIX=$(mktemp -d /tmp/kuma-specs.XXXXXX)
mkdir -p "$PREFIX/logs"
export PREFIX SPEC_PREFIX="$PREFIX" SPEC_ROOT="$ROOT/spec" SPEC_PATTERN="${SPEC_PATTERN:-_spec}" SPEC_LOG_LEVEL="${SPEC_LOG_LEVEL:-warn}"
# A private database and user (with a password) for this run; the specs reach it as the
# router would, through the DB_* variables.
# Specs run as a Compose deployment (node1 -> uptime-kuma-node1:3001).
export COMPOSE_PROJECT_NAME=kuma-spec
export DB_NAME="kuma_spec_$$" DB_USER="kuma_spec_$$" DB_HOST="${TEST_DB_HOST:-127.0.0.1}" DB_PORT="${TEST_DB_PORT:-3306}"
DB_PASSWORD=$("$ROOT/scripts/test-db.sh" create "$DB_NAME")
export DB_PASSWORD
dns_pid=""
cleanup() {
  [ -z "$dns_pid" ] || kill "$dns_pid" 2>/dev/null || true
  "$ROOT/scripts/test-db.sh" drop "$DB_NAME" || true
}
trap cleanup EXIT
# The test DNS server (harness/dns-server-cli.ts; build it with `tsc -p tsconfig.node.json`)
# for spec/dns: these records are the specs' fixture, and the specs steer the server (counts,
# modes, records) over its control port. Without the build, those specs are pending.
DNS_CLI="$ROOT/build/js/harness/dns-server-cli.js"
if [ -f "$DNS_CLI" ] && command -v node >/dev/null; then
  node "$DNS_CLI" --listen 127.0.0.1:0 --control 127.0.0.1:0 \
    --record uptime-kuma-node1=127.0.0.2 --record uptime-kuma-node2=127.0.0.3 --record uptime-kuma-node3=127.0.0.4 \
    --record uptime-kuma-0.uptime-kuma-headless.kuma-test.svc.cluster.local=127.0.0.5 \
    --record uptime-kuma-short=127.0.0.6,1 \
    </dev/null >"$PREFIX/dns-server.log" 2>&1 &
  dns_pid=$!
  ready=""
  for _ in $(seq 100); do
    ready=$(grep -m1 '^dns-server listening on' "$PREFIX/dns-server.log" || true)
    [ -z "$ready" ] && kill -0 "$dns_pid" 2>/dev/null && sleep 0.1 || break
  done
  if [[ ! $ready =~ listening\ on\ ([0-9.]+:[0-9]+).*control\ on\ ([0-9.]+:[0-9]+) ]]; then
    echo "run-specs: the test DNS server did not start:" >&2
    cat "$PREFIX/dns-server.log" >&2
    exit 1
  fi
  export SPEC_DNS_SERVER="${BASH_REMATCH[1]}" SPEC_DNS_CONTROL="${BASH_REMATCH[2]}"
fi
"$ROOT/scripts/render-nginx.sh" "$ROOT/spec/support/nginx.conf.template" > "$PREFIX/nginx.conf"
status=0
"$NGINX_BIN" -p "$PREFIX" -c "$PREFIX/nginx.conf" || status=$?
if [ "$status" -ne 0 ] && [ -s "$PREFIX/logs/error.log" ]; then
  echo "--- nginx error.log (last 40 lines) ---" >&2
  tail -n 40 "$PREFIX/logs/error.log" >&2
fi
[ "${KEEP_PREFIX:-}" = 1 ] || rm -rf "$PREFIX"
exit "$status"
