#!/usr/bin/env bash
# Runs the busted specs inside a real nginx worker. Exit code: busted's verdict.
# SPEC_PATTERN narrows the files (default: every *_spec.lua under spec/).
set -euo pipefail
source "$(dirname "$0")/runtime-env.sh"
PREFIX=$(mktemp -d /tmp/kuma-specs.XXXXXX)
mkdir -p "$PREFIX/logs"
export PREFIX SPEC_PREFIX="$PREFIX" SPEC_ROOT="$ROOT/spec" SPEC_PATTERN="${SPEC_PATTERN:-_spec}" SPEC_LOG_LEVEL="${SPEC_LOG_LEVEL:-warn}"
"$ROOT/scripts/render-nginx.sh" "$ROOT/spec/support/nginx.conf.template" > "$PREFIX/nginx.conf"
status=0
"$NGINX_BIN" -p "$PREFIX" -c "$PREFIX/nginx.conf" || status=$?
if [ "$status" -ne 0 ] && [ -s "$PREFIX/logs/error.log" ]; then
  echo "--- nginx error.log (last 40 lines) ---" >&2
  tail -n 40 "$PREFIX/logs/error.log" >&2
fi
[ "${KEEP_PREFIX:-}" = 1 ] || rm -rf "$PREFIX"
exit "$status"
