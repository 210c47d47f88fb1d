// Access phase: gather the request's facts, decide the node (core/route.ts), resolve its
// address and leave the peer in ngx.ctx for the balancer. All lookups come from the worker's
// snapshot and caches; only a monitor unknown to the snapshot may cost one database lookup.
import * as store from "../cluster/snapshot_store";
import { monitorById, monitorByToken } from "../cluster/lookup";
import { CookieAction, DownSet, PathTarget, Reason, classifyPath, decide } from "../core/route";
import { NodeInfo, Snapshot } from "../core/snapshot";
import { resolve } from "../dns/resolve";
import { downSet } from "../health/view";
import { fixedNodeOf } from "./cookie";
import * as respond from "./respond";

export interface Peer {
  nodeId: string;
  address: string;
  port: number;
}

/** What access leaves for the balancer and the header filter. */
export interface RouteCtx {
  peer: Peer;
  retry: Peer | undefined;
  reason: Reason;
  cookie: CookieAction;
  fallback: boolean;
  /** Set by the balancer when the retry peer served the request. */
  retried: boolean;
  tries: number;
}

declare global {
  interface NgxCtx {
    route?: RouteCtx;
  }
}

function ownerOf(snapshot: Snapshot, target: PathTarget): string | undefined {
  if (target.kind === "push") return monitorByToken(snapshot, target.token)?.owner;
  if (target.kind === "badge" || target.kind === "monitor") return monitorById(snapshot, target.id)?.owner;
  return undefined;
}

function peerOf(node: NodeInfo | undefined): Peer | undefined {
  if (node === undefined || node.address === undefined) return undefined;
  const [address] = resolve(node.address.host);
  return address === undefined ? undefined : { nodeId: node.id, address, port: node.address.port };
}

export function route(): void {
  const snapshot = store.current();
  if (snapshot === undefined) {
    return respond.json(503, {
      error: "no_cluster_snapshot",
      message: "the router has not read the node registry yet: the database is unreachable; it will route once the database answers",
    });
  }
  const target = classifyPath(ngx.var.uri ?? "/");
  const facts = {
    method: ngx.req.get_method(),
    target,
    fixedNode: fixedNodeOf(),
    // nginx/http.conf decides which upgrades reach a node (socket.io WebSockets only).
    upgrade: ngx.var.upstream_upgrade === "websocket",
    owner: ownerOf(snapshot, target),
  };
  let down: DownSet = downSet(snapshot.nodes);
  // A node whose name does not resolve cannot have seen the request: decide again without it.
  for (let attempt = 0; attempt < 2; attempt++) {
    const d = decide(facts, snapshot, down);
    if (!d.ok) return respond.json(d.status, { error: d.error, message: d.message });
    const peer = peerOf(d.node);
    if (peer !== undefined) {
      ngx.ctx.route = { peer, retry: peerOf(d.retry), reason: d.reason, cookie: d.cookie, fallback: d.fallback, retried: false, tries: 0 };
      return;
    }
    down = { ...down, [d.node.id]: true };
  }
  return respond.json(502, { error: "node_unresolvable", message: "the chosen nodes' names do not resolve" });
}
