#!/bin/sh
# Entrypoint of the router image (Dockerfile.openresty). The nginx prefix is laid out and the
# config rendered by scripts/router-conf.sh, the same code the test runtime uses, so the image
# and `scripts/router.sh` cannot drift apart.
#   entrypoint.sh [run]       render the config into ROUTER_PREFIX and run OpenResty in front
#   entrypoint.sh check       render the config and test it (nginx -t), then exit
#   entrypoint.sh healthcheck exit 0 when GET /lb/health on the public listener answers 2xx
#   entrypoint.sh CMD ...     run CMD instead (a shell for debugging)
# ROUTER_ROOT (where the image keeps its files), ROUTER_PREFIX and NGINX_BIN can be overridden,
# which is how test/deploy runs this script against the test runtime's nginx.
set -eu

ROOT=${ROUTER_ROOT:-/opt/kuma-router}
PREFIX=${ROUTER_PREFIX:-/tmp/kuma-router}
NGINX_BIN=${NGINX_BIN:-openresty}

# The URL of /lb/health on the public listener, reachable from inside the container.
health_url() {
  listen=${ROUTER_LISTEN:-127.0.0.1:8084}
  port=${listen##*:}
  host=${listen%:*}
  [ "$host" = "$listen" ] && host=""
  case $host in
    "" | "*" | 0.0.0.0) host=127.0.0.1 ;;
    "[::]") host="[::1]" ;;
  esac
  echo "http://$host:$port/lb/health"
}

prepare() {
  # shellcheck source=../scripts/router-conf.sh
  . "$ROOT/scripts/router-conf.sh"
  prepare_router_prefix "$PREFIX"
}

case ${1:-run} in
  run)
    prepare
    echo "router: public ${ROUTER_LISTEN}, internal ${ROUTER_STATUS_LISTEN}, prefix ${PREFIX}" >&2
    # -e: nginx opens its compiled-in error log before reading the config; stderr is always writable.
    exec "$NGINX_BIN" -p "$PREFIX" -c "$PREFIX/conf/nginx.conf" -e stderr
    ;;
  check)
    prepare
    exec "$NGINX_BIN" -t -q -p "$PREFIX" -c "$PREFIX/conf/nginx.conf" -e stderr
    ;;
  healthcheck)
    url=$(health_url)
    if command -v wget >/dev/null 2>&1; then
      exec wget -q -T 3 -O /dev/null "$url"
    fi
    exec curl -fsS -o /dev/null --max-time 3 "$url"
    ;;
  *)
    exec "$@"
    ;;
esac
