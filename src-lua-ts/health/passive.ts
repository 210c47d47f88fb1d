// Passive checks: failures that proxied traffic saw (connect refused, timeouts, 502-504) count
// against the node through the same state machine as the probes, and ask the prober for an
// urgent probe. Clients can provoke such failures on a healthy node, so they never take a node
// down on their own: the urgent probe confirms them (a dead node is out within about one prober
// step) or resets the streak. Only probes bring a node back. Called from the balancer (the first
// try of a retried request) and the log phase (the last try): each try is reported once.
import * as store from "../cluster/snapshot_store";
import { isPassiveFailure, lastUpstreamStatus } from "../core/health";
import type { Route } from "../request/route";
import { servedPeer } from "../request/state";
import * as state from "./state";

/** A proxied try to `nodeId` (an id from the registry, via the access phase) failed. */
export function failed(nodeId: string): void {
  const node = store.current()?.nodeById[nodeId];
  state.record(nodeId, node?.online ?? true, "passive-failure");
  // A down node is probed every round until it comes back; nothing to confirm.
  if (state.read(nodeId)?.down !== true) state.requestProbe(nodeId);
}

/** Log phase: reports the last try when it failed; a retried first try was reported by the balancer. */
export function afterRequest(route: Route | undefined, retried: boolean): void {
  // The common case costs one status read: a failed last try always leaves a 5xx status.
  if (route === undefined || ngx.status < 500) return;
  if (!isPassiveFailure(lastUpstreamStatus(ngx.var.upstream_status ?? ""))) return;
  const last = servedPeer(route, retried);
  failed(last.nodeId);
}
