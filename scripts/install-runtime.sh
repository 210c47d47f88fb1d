#!/usr/bin/env bash
# Installs the test runtime on Debian 12/13: Debian's nginx with the Lua module and the
# lua-resty libraries the router needs, busted, wrk and the npm dependencies.
# Idempotent: a package already present is not touched, and npm ci runs only when
# node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  nginx libnginx-mod-http-lua luajit2
  lua-resty-core lua-resty-lrucache lua-nginx-dns lua-nginx-string lua-cjson
  lua-busted wrk curl ca-certificates
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-runtime: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # nginx must not start as a system service: tests run their own instances.
  $SUDO bash -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  $SUDO rm -f /usr/sbin/policy-rc.d
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  echo "install-runtime: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
