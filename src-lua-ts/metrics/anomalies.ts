// Routing anomalies in the error log, one line per kind and node per ANOMALY_LOG_INTERVAL_S in
// each worker, with the number held back (core/anomaly.ts). Requests report all-down fallbacks,
// retries and re-pins from the log phase; the sampler's timer reports a stale snapshot.
import * as config from "../runtime/config";
import * as store from "../cluster/snapshot_store";
import { ANOMALY_LOG_INTERVAL_S, Anomaly, Limiter, admit, anomalyKey, describeAnomaly, prune, staleAfterS } from "../core/anomaly";
import { nodeOf } from "../core/snapshot";
import type { Route } from "../request/route";
import { servedPeer } from "../request/state";
import { fixedNodeOf } from "../request/cookie";

const limiter: Limiter = {};
let nextPruneAt = 0;

export function report(a: Anomaly): void {
  const suppressed = admit(limiter, anomalyKey(a), ngx.now(), ANOMALY_LOG_INTERVAL_S);
  if (suppressed !== undefined) ngx.log(ngx.WARN, describeAnomaly(a, suppressed));
}

/** The node the cookie pinned, only when it is a registered node id (never the raw value). */
function pinnedFrom(): string | undefined {
  const value = fixedNodeOf();
  const snapshot = store.current();
  if (value === undefined || snapshot === undefined) return undefined;
  return nodeOf(snapshot, value)?.id;
}

/** Log phase of the proxying location. */
export function afterRequest(route: Route | undefined, retried: boolean): void {
  if (route === undefined) return;
  if (route.fallback) {
    const served = servedPeer(route, retried);
    report({ kind: "all-down-fallback", node: served.nodeId, reason: route.reason });
  }
  if (retried && route.retry !== undefined) {
    report({ kind: "retry", node: route.peer.nodeId, to: route.retry.nodeId, reason: route.reason });
  }
  if (route.reason === "re-pin") report({ kind: "re-pin", node: route.peer.nodeId, from: pinnedFrom() });
}

/** Timer (one worker): the registry has not been read for too long. */
export function checkSnapshot(): void {
  const s = store.status();
  if (s.ageS === undefined || s.ageS <= staleAfterS(config.get().router.syncIntervalS)) return;
  report({ kind: "stale-snapshot", ageS: s.ageS, version: s.version });
}

/** Timer (every worker): forget quiet entries now and then. */
export function tick(now: number): void {
  if (now < nextPruneAt) return;
  nextPruneAt = now + 60;
  prune(limiter, now);
}
