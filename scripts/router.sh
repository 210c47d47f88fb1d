#!/usr/bin/env bash
# Runs the router in the foreground on the test runtime (Debian nginx + lua module), its prefix
# in a scratch folder, configured by the environment. Ctrl-C stops it.
#   ROUTER_PREFIX    scratch folder (default: a new mktemp folder)
#   ERROR_LOG        where nginx logs (default: stderr)
set -euo pipefail
source "$(dirname "$0")/runtime-env.sh"
source "$ROOT/scripts/router-conf.sh"
PREFIX=${ROUTER_PREFIX:-$(mktemp -d /tmp/kuma-router.XXXXXX)}
prepare_router_prefix "$PREFIX"
echo "router: public http://${ROUTER_LISTEN}  internal http://${ROUTER_STATUS_LISTEN}  prefix $PREFIX" >&2
exec "$NGINX_BIN" -p "$PREFIX" -c "$PREFIX/conf/nginx.conf"
