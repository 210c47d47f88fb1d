// Passive checks: failures that proxied traffic saw count against the node (connect refused,
// timeouts, 502-504), through the same state machine as the probes. They can take a node down
// before the next probe; only probes bring it back. Called from the balancer (the first try of
// a retried request) and the log phase (the last try): each try is reported once.
import * as store from "../cluster/snapshot_store";
import { isPassiveFailure, lastUpstreamStatus } from "../core/health";
import * as state from "./state";

/** A proxied try to `nodeId` (an id from the registry, via the access phase) failed. */
export function failed(nodeId: string): void {
  const node = store.current()?.nodeById[nodeId];
  state.record(nodeId, node?.online ?? true, "passive-failure");
}

/** Log phase: reports the last try when it failed; a retried first try was reported by the balancer. */
export function afterRequest(): void {
  const route = ngx.ctx.route;
  if (route === undefined) return;
  if (!isPassiveFailure(lastUpstreamStatus(ngx.var.upstream_status ?? ""))) return;
  const last = route.retried && route.retry !== undefined ? route.retry : route.peer;
  failed(last.nodeId);
}
