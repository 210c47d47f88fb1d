#!/usr/bin/env bash
# Fails when generated-lua/ is not exactly what src-lua-ts/ compiles to (like a stale lockfile).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
npx --no-install tstl -p tsconfig.lua.json --outDir "$scratch/out"
if ! diff -r "$scratch/out" generated-lua > "$scratch/diff"; then
  echo "generated-lua/ is stale: run 'make lua' and commit the result." >&2
  head -n 40 "$scratch/diff" >&2
  exit 1
fi
echo "generated-lua/ is fresh ($(find generated-lua -name '*.lua' | wc -l) modules)"
