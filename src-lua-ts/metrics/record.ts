// What one proxied request adds to the metrics: its routing decision, a retry, an all-down
// fallback, its upstream time (socket.io excluded: long-polls are held open by design) or, for
// an upgraded connection, the end of it. Table increments only; counters.ts flushes them.
import type { RouteCtx } from "../router/access";
import { bucketIndex, lastUpstreamTime } from "../core/metrics_text";
import * as counters from "./counters";
import * as pins from "./pins";
import { ENABLED } from "./settings";

const SOCKET_IO = "/socket.io/";
const SWITCHING_PROTOCOLS = 101;

/** The node that answered: the retry node when the first try failed. */
function servedBy(route: RouteCtx): string {
  return route.retried && route.retry !== undefined ? route.retry.nodeId : route.peer.nodeId;
}

/** A worker that is shutting down has no flush timer left: it writes through. */
function flushIfExiting(): void {
  if (ngx.worker.exiting()) flush(ngx.now());
}

/** Header filter: an upgrade the node accepted is now an open connection. */
export function upgradeStarted(): void {
  if (!ENABLED || ngx.status !== SWITCHING_PROTOCOLS) return;
  const route = ngx.ctx.route;
  if (route === undefined) return;
  counters.add(counters.keysOf(servedBy(route)).websockets, 1);
  flushIfExiting();
}

/** Log phase of the proxying location. `route` is undefined when the router answered itself. */
export function afterRequest(route: RouteCtx | undefined): void {
  if (route === undefined) {
    counters.add(counters.REJECTED_KEY, 0);
    return flushIfExiting();
  }
  counters.add(counters.decisionKey(route.reason), 1);
  if (route.fallback) counters.add(counters.FALLBACK_KEY, 1);
  if (route.retried) counters.add(counters.keysOf(route.peer.nodeId).retry, 1);
  if (route.reason === "fixed-node") pins.add(route.peer.nodeId);
  const keys = counters.keysOf(ngx.var.cookie_KUMA_FIXED_NODE ?? servedBy(route));
  if (ngx.status === SWITCHING_PROTOCOLS) {
    counters.add(keys.websockets, 0);
  } else if (!(ngx.var.uri ?? "").startsWith(SOCKET_IO + "nothing/")) {
    const seconds = lastUpstreamTime(ngx.var.upstream_response_time ?? "");
    if (seconds !== undefined) {
      counters.add(keys.buckets[bucketIndex(seconds)], 1);
      counters.add(keys.sum, seconds);
    }
  }
  flushIfExiting();
}

/** Everything this worker counted, into shared memory (timer, scrape, exit). */
export function flush(now: number): void {
  counters.flush();
  pins.flush(now);
}
