#!/bin/sh
# Runs busted specs inside real OpenResty, in the spec image (docker/Dockerfile.spec), the way
# scripts/run-specs.sh does on the test runtime: one nginx worker runs busted from a timer and
# exits with its verdict. SPEC_PATTERN picks the files (default: the resty.mysql contract);
# NGINX_BIN and LOAD_MODULES let it run on the test runtime too.
set -eu

ROOT=${ROUTER_ROOT:-/opt/kuma-router}
SPEC_PATTERN=${SPEC_PATTERN:-mysql_spec}
# A pattern that matches no file would pass with zero tests run.
if ! find "$ROOT/spec" -name '*_spec.lua' | grep -q -- "$SPEC_PATTERN"; then
  echo "run-specs: no spec file under $ROOT/spec matches $SPEC_PATTERN" >&2
  exit 3
fi

PREFIX=$(mktemp -d /tmp/kuma-specs.XXXXXX)
mkdir -p "$PREFIX/logs"
export ROOT PREFIX SPEC_PATTERN
export SPEC_PREFIX="$PREFIX" SPEC_ROOT="$ROOT/spec" SPEC_LOG_LEVEL="${SPEC_LOG_LEVEL:-warn}"
# OpenResty has the Lua module built in; the image's LUA_PATH already lists OpenResty's lualib
# (resty.mysql) and LuaRocks' tree (busted).
export LOAD_MODULES="${LOAD_MODULES:-}"
export LUA_PATH="$ROOT/generated-lua/?.lua;$ROOT/spec/?.lua;${LUA_PATH:-};;"

{
  # nginx clears its workers' environment: let the contract spec see its database.
  for name in TEST_DB_HOST TEST_DB_PORT TEST_DB_USER TEST_DB_PASSWORD; do
    echo "env $name;"
  done
  "$ROOT/scripts/render-nginx.sh" "$ROOT/spec/support/nginx.conf.template"
} >"$PREFIX/nginx.conf"

status=0
"${NGINX_BIN:-openresty}" -p "$PREFIX" -c "$PREFIX/nginx.conf" || status=$?
if [ "$status" -ne 0 ] && [ -s "$PREFIX/logs/error.log" ]; then
  echo "--- nginx error.log (last 40 lines) ---" >&2
  tail -n 40 "$PREFIX/logs/error.log" >&2
fi
exit "$status"
