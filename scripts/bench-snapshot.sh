#!/usr/bin/env bash
# Snapshot at scale (docs/benchmarks.md): 100,000 monitors on 100 nodes in a private database.
# First inside the specs' nginx: a full sync, a worker's load of it, single monitor changes
# (sync and worker apply), shared-dict and worker memory. Then on a real router
# (scripts/bench-snapshot-burst.sh): routed requests' latency with one monitor change per second
# against the same run without changes. About 2 minutes; not part of `make test`.
# Exit code: 0 when the budgets of the first part hold (BURST=0 skips the second part).
set -euo pipefail
cd "$(dirname "$0")/.."
# The bench is a busted file named *_bench.lua: run-specs.sh's default pattern (_spec) skips it.
status=0
SPEC_PATTERN=snapshot_bench SPEC_LOG_LEVEL=${SPEC_LOG_LEVEL:-warn} scripts/run-specs.sh || status=$?
[ "${BURST:-1}" = 0 ] || scripts/bench-snapshot-burst.sh
exit "$status"
