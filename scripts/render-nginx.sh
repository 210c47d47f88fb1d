#!/usr/bin/env sh
# Renders an nginx config template: every ${NAME} is replaced by the value of the exported variable
# NAME. A placeholder without a value is an error, so a half-rendered config never starts.
# Usage: render-nginx.sh TEMPLATE > nginx.conf
set -eu
template=$1
missing=""
for name in $(grep -o '\${[A-Z_][A-Z0-9_]*}' "$template" | sort -u | tr -d '${}'); do
  printenv "$name" >/dev/null || missing="$missing $name"
done
if [ -n "$missing" ]; then
  echo "render-nginx: $template needs:$missing" >&2
  exit 2
fi
awk '{
  out = ""; rest = $0
  while (match(rest, /\$\{[A-Z_][A-Z0-9_]*\}/)) {
    out = out substr(rest, 1, RSTART - 1) ENVIRON[substr(rest, RSTART + 2, RLENGTH - 3)]
    rest = substr(rest, RSTART + RLENGTH)
  }
  print out rest
}' "$template"
