# Sourced: prepare_router_prefix PREFIX lays out PREFIX/conf with the nginx/ files and the
# rendered nginx.conf. Shared by scripts/router.sh and the OpenResty image's entrypoint.
# The listen addresses are checked here because nginx parses them before any Lua runs.

check_listen() { # NAME VALUE
  if ! printf '%s' "$2" | grep -Eq '^(([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):)?[0-9]{1,5}$'; then
    echo "router: $1=$2: expected port, host:port or [ipv6]:port" >&2
    exit 2
  fi
}

# ROUTER_TRUSTED_PROXIES as nginx config: trusted-proxies.conf (http level) defines
# $kuma_forwarded_for, $kuma_forwarded_proto, $kuma_over_tls and the trusted proxy's
# X-Forwarded-Host, X-Forwarded-Port and Forwarded; forwarded-headers.conf (in
# nginx/proxy.conf) sends them. With no trusted proxy, which is the default, the headers are
# the connection's own: the geo lookup and maps of the trusted form cost about 1,700 nginx
# instructions per request, so they are rendered only when some proxy is trusted. Checked here,
# naming the variable, because nginx reads these files before any Lua runs.
trusted_proxies_conf() { # VALUE
  local item address bits octet
  case ",$1," in *,,*) [ -z "$1" ] || return 1 ;; esac
  echo "# Rendered by scripts/router-conf.sh from ROUTER_TRUSTED_PROXIES."
  if [ -z "$1" ]; then
    echo 'map $https $kuma_over_tls { on on; default ""; }'
    return 0
  fi
  echo 'geo $kuma_trusted_proxy {'
  echo "    default 0;"
  local IFS=','
  for item in $1; do
    item=$(printf '%s' "$item" | tr -d ' ')
    address=${item%%/*}
    bits=128
    if printf '%s' "$item" | grep -Eq '^([0-9]{1,3}\.){3}[0-9]{1,3}(/[0-9]{1,2})?$'; then
      bits=32
      for octet in $(printf '%s' "$address" | tr '.' ','); do [ "$octet" -le 255 ] || return 1; done
    elif ! printf '%s' "$item" | grep -Eq '^[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(/[0-9]{1,3})?$'; then
      return 1
    fi
    case $item in */*) [ "${item#*/}" -le "$bits" ] || return 1 ;; esac
    echo "    $item 1;"
  done
  echo "}"
  cat <<'CONF'
map $kuma_trusted_proxy $kuma_forwarded_for {
    1 $proxy_add_x_forwarded_for;
    default $remote_addr;
}
# The proxy's header is read only when the proxy is trusted.
map $http_x_forwarded_proto $kuma_proxy_proto {
    https https;
    http http;
    default $scheme;
}
map $kuma_trusted_proxy $kuma_forwarded_proto {
    1 $kuma_proxy_proto;
    default $scheme;
}
map $kuma_forwarded_proto $kuma_over_tls { https on; default ""; }
# X-Forwarded-Host, X-Forwarded-Port and Forwarded: a trusted proxy's as it sent them; anyone
# else's removed (an empty value drops the header).
map $kuma_trusted_proxy $kuma_forwarded_host {
    1 $http_x_forwarded_host;
    default "";
}
map $kuma_trusted_proxy $kuma_forwarded_port {
    1 $http_x_forwarded_port;
    default "";
}
map $kuma_trusted_proxy $kuma_forwarded {
    1 $http_forwarded;
    default "";
}
CONF
}

forwarded_headers_conf() { # VALUE (checked by trusted_proxies_conf)
  echo "# Rendered by scripts/router-conf.sh from ROUTER_TRUSTED_PROXIES."
  if [ -z "$1" ]; then
    echo 'proxy_set_header X-Forwarded-For $remote_addr;'
    echo 'proxy_set_header X-Forwarded-Proto $scheme;'
    echo 'proxy_set_header X-Forwarded-Host "";'
    echo 'proxy_set_header X-Forwarded-Port "";'
    echo 'proxy_set_header Forwarded "";'
  else
    echo 'proxy_set_header X-Forwarded-For $kuma_forwarded_for;'
    echo 'proxy_set_header X-Forwarded-Proto $kuma_forwarded_proto;'
    echo 'proxy_set_header X-Forwarded-Host $kuma_forwarded_host;'
    echo 'proxy_set_header X-Forwarded-Port $kuma_forwarded_port;'
    echo 'proxy_set_header Forwarded $kuma_forwarded;'
  fi
}

# ROUTER_WORKER_SHUTDOWN_TIMEOUT (seconds, up to 3 decimals, 1..3600; default in
# src-lua-ts/core/variables.ts) as nginx's worker_shutdown_timeout in milliseconds.
shutdown_timeout_ms() { # VALUE
  printf '%s' "$1" | grep -Eq '^[0-9]{1,4}(\.[0-9]{1,3})?$' || return 1
  awk -v s="$1" 'BEGIN { ms = int(s * 1000 + 0.5); if (ms < 1000 || ms > 3600000) exit 1; printf "%dms", ms }'
}

prepare_router_prefix() { # PREFIX
  local prefix=$1
  export PREFIX=$prefix
  export ROUTER_LISTEN=${ROUTER_LISTEN:-127.0.0.1:8084}
  export ROUTER_STATUS_LISTEN=${ROUTER_STATUS_LISTEN:-127.0.0.1:9145}
  check_listen ROUTER_LISTEN "$ROUTER_LISTEN"
  check_listen ROUTER_STATUS_LISTEN "$ROUTER_STATUS_LISTEN"
  if ! WORKER_SHUTDOWN_TIMEOUT=$(shutdown_timeout_ms "${ROUTER_WORKER_SHUTDOWN_TIMEOUT:-30}"); then
    echo "router: ROUTER_WORKER_SHUTDOWN_TIMEOUT=${ROUTER_WORKER_SHUTDOWN_TIMEOUT}: expected seconds, like 30 or 0.5, from 1 to 3600" >&2
    exit 2
  fi
  export WORKER_SHUTDOWN_TIMEOUT
  export WORKER_PROCESSES=${WORKER_PROCESSES:-auto}
  export ERROR_LOG=${ERROR_LOG:-stderr}
  export ERROR_LOG_LEVEL=${ERROR_LOG_LEVEL:-notice}
  export ACCESS_LOG=${ACCESS_LOG:-off}
  mkdir -p "$prefix/conf" "$prefix/logs" "$prefix/tmp"
  cp "$ROOT"/nginx/*.conf "$prefix/conf/"
  "$ROOT/scripts/render-nginx.sh" "$ROOT/nginx/router.conf.template" > "$prefix/conf/nginx.conf"
  if ! trusted_proxies_conf "${ROUTER_TRUSTED_PROXIES:-}" > "$prefix/conf/trusted-proxies.conf"; then
    echo "router: ROUTER_TRUSTED_PROXIES=${ROUTER_TRUSTED_PROXIES}: expected addresses or CIDRs like 10.0.0.0/8,192.168.1.5" >&2
    exit 2
  fi
  forwarded_headers_conf "${ROUTER_TRUSTED_PROXIES:-}" > "$prefix/conf/forwarded-headers.conf"
}
