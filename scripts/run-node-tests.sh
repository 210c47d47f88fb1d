#!/usr/bin/env bash
# Runs every compiled node:test file under build/js/test (suites print their own skip reasons).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find build/js/test -name '*.test.js' | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "no node test files found under build/js/test" >&2
  exit 1
fi
exec node --test --test-concurrency=1 "${files[@]}"
