# Sourced: prepare_router_prefix PREFIX lays out PREFIX/conf with the nginx/ files and the
# rendered nginx.conf. Shared by scripts/router.sh and the OpenResty image's entrypoint.
# The listen addresses are checked here because nginx parses them before any Lua runs.

check_listen() { # NAME VALUE
  if ! printf '%s' "$2" | grep -Eq '^(([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):)?[0-9]{1,5}$'; then
    echo "router: $1=$2: expected port, host:port or [ipv6]:port" >&2
    exit 2
  fi
}

prepare_router_prefix() { # PREFIX
  local prefix=$1
  export PREFIX=$prefix
  export ROUTER_LISTEN=${ROUTER_LISTEN:-127.0.0.1:8084}
  export ROUTER_STATUS_LISTEN=${ROUTER_STATUS_LISTEN:-127.0.0.1:9145}
  check_listen ROUTER_LISTEN "$ROUTER_LISTEN"
  check_listen ROUTER_STATUS_LISTEN "$ROUTER_STATUS_LISTEN"
  export WORKER_PROCESSES=${WORKER_PROCESSES:-auto}
  export ERROR_LOG=${ERROR_LOG:-stderr}
  export ERROR_LOG_LEVEL=${ERROR_LOG_LEVEL:-notice}
  export ACCESS_LOG=${ACCESS_LOG:-off}
  mkdir -p "$prefix/conf" "$prefix/logs" "$prefix/tmp"
  cp "$ROOT"/nginx/*.conf "$prefix/conf/"
  "$ROOT/scripts/render-nginx.sh" "$ROOT/nginx/router.conf.template" > "$prefix/conf/nginx.conf"
}
