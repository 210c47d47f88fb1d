#!/usr/bin/env bash
# Snapshot at scale (docs/benchmarks.md): 100,000 monitors on 100 nodes in a private database,
# one sync inside nginx, a worker's decode, shared-dict memory. About 10 s; not part of
# `make test`. Exit code: 0 when the sync and the shared dict stay within their budgets.
set -euo pipefail
cd "$(dirname "$0")/.."
# The bench is a busted file named *_bench.lua: run-specs.sh's default pattern (_spec) skips it.
SPEC_PATTERN=snapshot_bench SPEC_LOG_LEVEL=${SPEC_LOG_LEVEL:-warn} exec scripts/run-specs.sh
