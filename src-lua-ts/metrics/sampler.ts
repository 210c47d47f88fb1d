// Health transitions, counted by watching the verdicts every flush interval in one worker (by
// lease): a verdict needs HEALTH_CHECK_FAILURES or HEALTH_CHECK_SUCCESSES observations to flip,
// so a change and its reversal never fit in one interval. The last verdict seen is kept in
// kuma_metrics, so a new lease holder continues where the last one stopped.
import * as store from "../cluster/snapshot_store";
import { KEYS, metricsDict as dict } from "../runtime/dicts";
import { downSet } from "../health/verdicts";
import { holdLease } from "../runtime/lease";
import * as counters from "./counters";

const LEASE = KEYS.locks.samplerLease;
/** A few flush intervals: a dead holder is replaced quickly. */
const LEASE_TTL_S = 3;
const SEEN_PREFIX = KEYS.metrics.seen;

/** True when this worker holds the sampler lease (and so samples this tick). */
export function sampling(): boolean {
  return holdLease(LEASE, LEASE_TTL_S);
}

/** Counts the verdicts that changed since the last sample. */
export function sampleTransitions(): void {
  const snapshot = store.current();
  if (snapshot === undefined) return;
  const down = downSet(snapshot.nodes);
  for (const n of snapshot.nodes) {
    const verdict = down[n.id] === true ? "down" : "up";
    const key = SEEN_PREFIX + n.id;
    const [seen] = dict.get(key);
    if (seen === verdict) continue;
    dict.set(key, verdict);
    // The first sight of a node is its starting state, not a transition.
    if (seen === undefined) continue;
    const counter = counters.transitionKey(n.id, verdict);
    if (counter !== undefined) counters.add(counter, 1);
  }
}
