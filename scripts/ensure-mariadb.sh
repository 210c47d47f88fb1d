#!/usr/bin/env bash
# Makes sure the MariaDB the tests use answers (TEST_DB_HOST:TEST_DB_PORT, default
# 127.0.0.1:3306 as root without password, as on the project's machines). Installs and starts
# Debian's server when it is missing or stopped.
set -euo pipefail
host=${TEST_DB_HOST:-127.0.0.1}
port=${TEST_DB_PORT:-3306}
ping_db() { mariadb-admin --protocol=tcp -h"$host" -P"$port" -u"${TEST_DB_USER:-root}" ${TEST_DB_PASSWORD:+-p"$TEST_DB_PASSWORD"} ping >/dev/null 2>&1; }

if command -v mariadb-admin >/dev/null 2>&1 && ping_db; then
  exit 0
fi
if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  echo "ensure-mariadb: installing mariadb-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends mariadb-server mariadb-client >/dev/null
fi
echo "ensure-mariadb: starting mariadbd"
mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
for _ in $(seq 1 60); do
  ping_db && exit 0
  sleep 0.5
done
echo "ensure-mariadb: MariaDB does not answer on $host:$port" >&2
exit 1
