#!/usr/bin/env bash
# A private database and user with a password for one test run, on the MariaDB the tests use
# (TEST_DB_HOST:TEST_DB_PORT as TEST_DB_USER, default root without password on 127.0.0.1:3306).
#   test-db.sh create NAME   -> creates NAME (schema applied) and user NAME, prints the password
#   test-db.sh drop NAME
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
admin() {
  mariadb --protocol=tcp -h"${TEST_DB_HOST:-127.0.0.1}" -P"${TEST_DB_PORT:-3306}" \
    -u"${TEST_DB_USER:-root}" ${TEST_DB_PASSWORD:+-p"$TEST_DB_PASSWORD"} "$@"
}
case "${1:-}" in
  create)
    name=$2
    password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    admin -e "CREATE DATABASE \`$name\`; CREATE USER '$name'@'%' IDENTIFIED BY '$password'; GRANT ALL ON \`$name\`.* TO '$name'@'%';"
    admin "$name" < "$ROOT/db/schema.sql"
    echo "$password"
    ;;
  drop)
    name=$2
    admin -e "DROP DATABASE IF EXISTS \`$name\`; DROP USER IF EXISTS '$name'@'%';"
    ;;
  *)
    echo "usage: test-db.sh create|drop NAME" >&2
    exit 2
    ;;
esac
