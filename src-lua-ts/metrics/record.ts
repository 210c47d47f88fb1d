// What one proxied request adds to the metrics: its routing decision, a retry, an all-down
// fallback, its response time (socket.io long-polls excluded: they are held open by design) or,
// for an upgraded connection, the end of it. Table increments only; counters.ts flushes them.
// Per request: no loop, so LuaJIT compiles it; each ngx API call is there because nothing
// cheaper gives the fact.
import * as config from "../runtime/config";
import type { Route } from "../request/route";
import { servedPeer } from "../request/state";
import { bucketOf, millisecondBuckets } from "../core/metrics_text";
import * as counters from "./counters";
import * as pins from "./pins";

/** ROUTER_METRICS, read once as the module loads (init_by_lua): false turns the per-request work off. */
export const ENABLED = config.get().router.metrics;

const SOCKET_IO = "/socket.io/";
/**
 * Only a request this slow can be a socket.io long-poll worth leaving out of the latency
 * histogram, so only then is the path read (one ngx.var read less for nearly every request).
 * Below it a socket.io request counts like any other: it cannot reach the 1 s alert's tail.
 */
const LONG_POLL_CHECK_S = 0.25;
const BUCKET_BY_MS = millisecondBuckets();

/** Set once the worker's flush timer ran for the last time (worker exit): write through from then. */
let exiting = false;

/** Everything this worker counted, into shared memory (timer, scrape, exit). */
export function flush(now: number): void {
  counters.flush();
  pins.flush(now);
}

/** The flush timer's last run: the worker is exiting, no timer will flush after this. */
export function workerExiting(): void {
  exiting = true;
}

/**
 * Access phase: a WebSocket upgrade was routed to `nodeId`. It counts as open from now until
 * the request ends (an upgrade the node refuses ends within milliseconds).
 */
export function upgradeOpened(nodeId: string): void {
  if (!ENABLED) return;
  counters.add(counters.keysOf(nodeId).websockets, 1);
  if (exiting) flush(ngx.now());
}

/** Log phase of the proxying location. `route` is undefined when the router answered itself. */
export function afterRequest(route: Route | undefined, retried: boolean, upgrade: boolean): void {
  if (!ENABLED) return;
  if (route === undefined) {
    counters.add(counters.REJECTED_KEY, 1);
  } else {
    counters.add(counters.DECISION_KEYS[route.reason], 1);
    if (route.fallback) counters.add(counters.FALLBACK_KEY, 1);
    if (retried) counters.add(counters.keysOf(route.peer.nodeId).retry, 1);
    if (route.reason === "fixed-node") pins.add(route.peer.nodeId);
    const keys = counters.keysOf(servedPeer(route, retried).nodeId);
    if (upgrade) {
      // Counted open by the access phase under the first node (an upgrade is never retried).
      counters.add(counters.keysOf(route.peer.nodeId).websockets, -1);
    } else {
      // The response time as the router saw it, from nginx's clock (no string to read and parse,
      // unlike $upstream_response_time, which cost more than the rest of the log phase).
      const seconds = ngx.now() - ngx.req.start_time();
      if (seconds < LONG_POLL_CHECK_S || !(ngx.var.uri ?? "").startsWith(SOCKET_IO)) {
        counters.add(keys.buckets[bucketOf(seconds, BUCKET_BY_MS)], 1);
        counters.add(keys.sum, seconds);
      }
    }
  }
  if (exiting) flush(ngx.now());
}
