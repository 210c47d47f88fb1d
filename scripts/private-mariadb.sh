#!/usr/bin/env bash
# A throwaway MariaDB server in a scratch folder, on loopback only, root without a password.
# Tests use it where the shared server's global counters (Com_select) or its availability
# must belong to one test alone.
#   private-mariadb.sh serve DIR PORT   initialise DIR if needed, run mariadbd in the foreground
#                                       (stderr shows "ready for connections" when it serves)
#   private-mariadb.sh start DIR PORT   the same in the background; returns once it answers a ping
#   private-mariadb.sh stop DIR         stops the server started in DIR and waits for its exit
#   private-mariadb.sh ping DIR         exit 0 when the server in DIR answers
set -euo pipefail

usage() {
  echo "usage: private-mariadb.sh serve|start DIR PORT | stop|ping DIR" >&2
  exit 2
}

[ $# -ge 2 ] || usage
cmd=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
port=${3:-}
case "$cmd" in serve | start) [[ $port =~ ^[0-9]+$ ]] || usage ;; esac

# --no-defaults everywhere: the machine's my.cnf (datadir, socket, port) must not leak in.
init() {
  [ -d "$dir/data/mysql" ] && return
  mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db --user="$(id -un)" >"$dir/install.log" 2>&1 || {
    cat "$dir/install.log" >&2
    exit 1
  }
}

# Small buffers: a test database of a few thousand rows; 2 cores shared with everything else.
server_args() {
  echo --no-defaults --datadir="$dir/data" --socket="$dir/mariadbd.sock" --pid-file="$dir/mariadbd.pid" \
    --port="$port" --bind-address=127.0.0.1 --skip-networking=0 --user="$(id -un)" \
    --skip-log-bin --innodb-buffer-pool-size=64M --innodb-log-file-size=16M --max-connections=200
}

ping() {
  mariadb-admin --no-defaults --socket="$dir/mariadbd.sock" -uroot --connect-timeout=1 ping >/dev/null 2>&1
}

case "$cmd" in
  serve)
    init
    # shellcheck disable=SC2046 # the arguments contain no spaces (mktemp folders)
    exec mariadbd $(server_args)
    ;;
  start)
    init
    # shellcheck disable=SC2046
    mariadbd $(server_args) --log-error="$dir/error.log" </dev/null >/dev/null 2>&1 &
    for _ in $(seq 100); do
      ping && { echo "private-mariadb: 127.0.0.1:$port ($dir)"; exit 0; }
      kill -0 $! 2>/dev/null || break
      sleep 0.1
    done
    echo "private-mariadb: mariadbd did not come up on port $port:" >&2
    tail -n 20 "$dir/error.log" >&2 || true
    exit 1
    ;;
  stop)
    [ -f "$dir/mariadbd.pid" ] || exit 0
    pid=$(cat "$dir/mariadbd.pid")
    kill "$pid" 2>/dev/null || exit 0
    for _ in $(seq 300); do
      kill -0 "$pid" 2>/dev/null || exit 0
      sleep 0.1
    done
    echo "private-mariadb: mariadbd $pid did not stop within 30 s" >&2
    exit 1
    ;;
  ping) ping ;;
  *) usage ;;
esac
