// Pinned sessions for the status page: requests that kept their fixed node, per node, in about
// the last minute. Counted per worker like the metrics, flushed into 10-second slots of
// kuma_metrics that expire by themselves; the page adds up the last SLOTS of them.
import { KEYS, metricsDict as dict } from "../runtime/dicts";

const SLOT_S = 10;
/** The current (partial) slot and the five before it: 50 to 60 seconds. */
const SLOTS = 6;
const PREFIX = KEYS.metrics.pins;

let pending: Record<string, number> = {};

export function add(nodeId: string): void {
  pending[nodeId] = (pending[nodeId] ?? 0) + 1;
}

function slotKey(nodeId: string, slot: number): string {
  return `${PREFIX}${nodeId}|${slot}`;
}

export function flush(now: number): void {
  const batch = pending;
  pending = {};
  const slot = Math.floor(now / SLOT_S);
  for (const nodeId in batch) dict.incr(slotKey(nodeId, slot), batch[nodeId], 0, SLOT_S * (SLOTS + 1));
}

export function lastMinute(nodeId: string, now: number): number {
  const slot = Math.floor(now / SLOT_S);
  let total = 0;
  for (let s = slot - SLOTS + 1; s <= slot; s++) {
    const [n] = dict.get(slotKey(nodeId, s));
    if (typeof n === "number") total += n;
  }
  return total;
}
