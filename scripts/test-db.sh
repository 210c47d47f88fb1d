#!/usr/bin/env bash
# A private database and user with a password for one test run, on the MariaDB the tests use
# (TEST_DB_HOST:TEST_DB_PORT as TEST_DB_USER, default root without password on 127.0.0.1:3306).
#   test-db.sh create NAME        -> creates NAME and user NAME, prints the password; the
#                                    cluster's tables by `kuma-cluster-node migrate` (needs the
#                                    build: make js), then the stand-in nodes' tables
#                                    (harness/stand-in-tables.sql)
#   test-db.sh create-empty NAME  -> the same without any table (for real Uptime Kuma nodes)
#   test-db.sh drop NAME
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HOST=${TEST_DB_HOST:-127.0.0.1}
PORT=${TEST_DB_PORT:-3306}
admin() {
  mariadb --protocol=tcp -h"$HOST" -P"$PORT" -u"${TEST_DB_USER:-root}" ${TEST_DB_PASSWORD:+-p"$TEST_DB_PASSWORD"} "$@"
}
create_empty() { # NAME PASSWORD
  # PROCESS and userstat: a suite counts the SELECTs of its own user (harness/user-selects.ts),
  # which other clients of a shared server do not move.
  admin -e "CREATE DATABASE \`$1\`; CREATE USER '$1'@'%' IDENTIFIED BY '$2'; GRANT ALL ON \`$1\`.* TO '$1'@'%'; GRANT PROCESS ON *.* TO '$1'@'%'; SET GLOBAL userstat = 1;"
}
case "${1:-}" in
  create|create-empty)
    name=$2
    password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    create_empty "$name" "$password"
    if [ "$1" = create ]; then
      env -i PATH="$PATH" DB_HOST="$HOST" DB_PORT="$PORT" DB_USER="$name" DB_PASSWORD="$password" DB_NAME="$name" \
        node "$ROOT/node/bin/kuma-cluster-node" migrate >/dev/null
      admin "$name" < "$ROOT/harness/stand-in-tables.sql"
    fi
    echo "$password"
    ;;
  drop)
    name=$2
    admin -e "DROP DATABASE IF EXISTS \`$name\`; DROP USER IF EXISTS '$name'@'%';"
    ;;
  *)
    echo "usage: test-db.sh create|create-empty|drop NAME" >&2
    exit 2
    ;;
esac
