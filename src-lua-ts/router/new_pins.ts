// New browsers pinned to each node recently, across workers, for the spreading of new
// sessions (core/route.ts newSessionNode). Each pin is counted in a 10-second slot of
// kuma_metrics that expires by itself; a worker reads the current and the previous slot at most
// every REFRESH_S and adds its own pins meanwhile, so a burst spreads within one worker at once
// and across workers within REFRESH_S.
import * as store from "../cluster/snapshot_store";
import { KEYS, metricsDict as dict } from "../runtime/dicts";

const SLOT_S = 10;
const REFRESH_S = 0.2;
const PREFIX = KEYS.metrics.newPins;

let view: Record<string, number> = {};
let refreshAt = 0;

function slotKey(nodeId: string, slot: number): string {
  return `${PREFIX}${nodeId}|${slot}`;
}

/** node id -> recent new pins (this slot and the one before: 10 to 20 seconds). */
export function recent(): Record<string, number> {
  const now = ngx.now();
  if (now < refreshAt) return view;
  refreshAt = now + REFRESH_S;
  const snapshot = store.current();
  const slot = Math.floor(now / SLOT_S);
  const fresh: Record<string, number> = {};
  if (snapshot !== undefined) {
    for (const n of snapshot.nodes) {
      const [a] = dict.get(slotKey(n.id, slot));
      const [b] = dict.get(slotKey(n.id, slot - 1));
      fresh[n.id] = (typeof a === "number" ? a : 0) + (typeof b === "number" ? b : 0);
    }
  }
  view = fresh;
  return view;
}

/** A new browser was pinned to `nodeId`. */
export function add(nodeId: string): void {
  view[nodeId] = (view[nodeId] ?? 0) + 1;
  dict.incr(slotKey(nodeId, Math.floor(ngx.now() / SLOT_S)), 1, 0, 2 * SLOT_S + 1);
}
