// The router's own endpoints under /lb/. Public: health, readiness and the fixed-node cookie.
// Internal (ROUTER_STATUS_LISTEN): config, which shows addresses and internals (status:
// router/status.ts).
import * as config from "../runtime/config";
import * as store from "../cluster/snapshot_store";
import { candidatesOf } from "../core/route";
import { Snapshot, nodeOf } from "../core/snapshot";
import { downSet } from "../health/verdicts";
import { clearHeader, fixedNodeOf, pinHeader } from "../request/cookie";
import * as respond from "../runtime/respond";

const FIXED_NODE_PATH = "/lb/fixed-node/";

/** Liveness: nginx answers. Never the database's state: a restart would lose the snapshot. */
export function health(): void {
  respond.json(200, { status: "ok" });
}

/**
 * Readiness: the registry was read once. Until then every request would get a 503; afterwards
 * the router routes from its last snapshot whatever the database does, so it stays ready.
 */
export function ready(): void {
  if (requireSnapshot() !== undefined) respond.json(200, { status: "ready" });
}

export function configuration(): void {
  const s = config.get();
  respond.json(200, {
    environment: s.environment,
    variables: config.effectiveEnvironment(),
    dns: s.dns,
    health: s.health,
    router: s.router,
    lookups: s.lookups,
    cluster: s.cluster,
  });
}

function requireSnapshot(): Snapshot | undefined {
  const snapshot = store.current();
  if (snapshot === undefined) respond.json(503, { error: "no_cluster_snapshot", message: "the node registry has not been read yet" });
  return snapshot;
}

/** Node ids and names that would take new work: no addresses on the public listener. */
export function availableNodes(): void {
  const snapshot = requireSnapshot();
  if (snapshot === undefined) return;
  const [candidates] = candidatesOf(snapshot, downSet(snapshot.nodes));
  respond.json(200, { nodes: respond.list(candidates.map((n) => ({ id: n.id, name: n.name }))) });
}

/** GET /lb/fixed-node/<node_id>: pin this browser to a registered node. */
export function setFixedNode(): void {
  const snapshot = requireSnapshot();
  if (snapshot === undefined) return;
  const uri = ngx.var.uri ?? "";
  const node = nodeOf(snapshot, uri.substring(FIXED_NODE_PATH.length));
  if (node === undefined) {
    return respond.json(404, { error: "unknown_node", message: "no registered node has this id" });
  }
  ngx.header["Set-Cookie"] = pinHeader(node.id);
  respond.json(200, { fixedNode: node.id, online: node.online });
}

/** GET /lb/clear-fixed-node: forget the pin; the next request is pinned anew. */
export function clearFixedNode(): void {
  ngx.header["Set-Cookie"] = clearHeader();
  respond.json(200, { fixedNode: null });
}

/** GET /lb/fixed-node: which node this browser is pinned to, and whether it takes traffic. */
export function fixedNodeStatus(): void {
  const snapshot = requireSnapshot();
  if (snapshot === undefined) return;
  const value = fixedNodeOf();
  const node = value === undefined ? undefined : nodeOf(snapshot, value);
  if (node === undefined) return respond.json(200, { fixedNode: null, valid: value === undefined });
  const down = downSet(snapshot.nodes);
  respond.json(200, { fixedNode: node.id, online: node.online, healthy: down[node.id] !== true });
}
