#!/usr/bin/env bash
# The hand-over figures with real fork nodes (docs/health.md, "Hand-over figures"): the
# real-node suite with KUMA_FORK_FIGURE_ROUNDS more SIGKILL-and-restart rounds of one node per
# world (default 4: with the first round, 24 moves each way off the minute and 16 at it), under
# the lock that keeps timing runs on this machine apart. The tables are printed at the end.
#
#   scripts/fork-figures.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-4}"
case "$rounds" in
  '' | *[!0-9]*) echo "fork-figures.sh: rounds must be a number, not '$rounds'" >&2; exit 2 ;;
esac
make js >/dev/null
KUMA_FORK_FIGURE_ROUNDS="$rounds" exec flock /tmp/kuma-fork.lock node --test build/js/test/fork/fork.test.js
