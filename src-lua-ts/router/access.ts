// Access phase: gather the request's facts, decide the node (core/route.ts), resolve its
// address, leave the route for the balancer and the log phase (request/state.ts), and name the
// node in the response headers (no header filter phase).
// All lookups come from the worker's snapshot and caches; only a monitor unknown to the
// snapshot may cost one database lookup, within the router-wide budget (cluster/lookup.ts).
//
// Per request: no loop and no closure here or below, so LuaJIT compiles it, and nothing is
// allocated for a request that decides as an earlier one did (docs/benchmarks.md).
import * as store from "../cluster/snapshot_store";
import { MonitorRef, SKIPPED, monitorById, monitorByToken } from "../cluster/lookup";
import { Decision, DownSet, PathTarget, RequestFacts, OTHER_TARGET, classifyPath, decide } from "../core/route";
import { NodeInfo, Snapshot } from "../core/snapshot";
import { resolve } from "../dns/resolve";
import { downSet } from "../health/verdicts";
import * as record from "../metrics/record";
import { fixedNodeOf } from "../request/cookie";
import { announce } from "./headers";
import * as newPins from "./new_pins";
import type { Peer, Route } from "../request/route";
import * as requestState from "../request/state";
import * as respond from "../runtime/respond";

type OkDecision = Extract<Decision, { ok: true }>;

/** Routes by decision object (they are kept per snapshot and health view), checked against the addresses. */
const routes = new LuaTable<OkDecision, Route>();
setmetatable(routes, { __mode: "k" });

/** Routes whose key was not looked up, by the route they copy (rare: built as needed). */
const skippedRoutes = new LuaTable<Route, Route>();
setmetatable(skippedRoutes, { __mode: "k" });

function monitorOf(snapshot: Snapshot, target: PathTarget): MonitorRef | undefined {
  if (target.kind === "push") return monitorByToken(snapshot, target.token);
  if (target.kind === "badge" || target.kind === "monitor") return monitorById(snapshot, target.id);
  return undefined;
}

function skippedVariant(route: Route): Route {
  let variant = skippedRoutes.get(route);
  if (variant === undefined) {
    variant = { ...route, lookupSkipped: true };
    skippedRoutes.set(route, variant);
  }
  return variant;
}

function addressOf(node: NodeInfo | undefined): string | undefined {
  if (node === undefined || node.address === undefined) return undefined;
  const [address] = resolve(node.address.host);
  return address;
}

function peer(node: NodeInfo, address: string): Peer {
  return { nodeId: node.id, address, port: (node.address as { port: number }).port };
}

/** The route for `d`, or undefined when its node's name does not resolve. */
function routeOf(d: OkDecision): Route | undefined {
  const address = addressOf(d.node);
  if (address === undefined) return undefined;
  const retryAddress = addressOf(d.retry);
  const known = routes.get(d);
  if (known !== undefined && known.peer.address === address && known.retry?.address === retryAddress) return known;
  const route: Route = {
    peer: peer(d.node, address),
    retry: d.retry !== undefined && retryAddress !== undefined ? peer(d.retry, retryAddress) : undefined,
    reason: d.reason,
    cookie: d.cookie,
    fallback: d.fallback,
  };
  routes.set(d, route);
  return route;
}

/** One facts object per worker, filled right before each decision (nothing in between yields). */
const facts: RequestFacts = { method: "GET", target: OTHER_TARGET, fixedNode: undefined, upgrade: false, owner: undefined };

function decideNow(snapshot: Snapshot, down: DownSet, target: PathTarget, owner: string | undefined, upgrade: boolean): Decision {
  facts.method = ngx.req.get_method();
  facts.target = target;
  facts.fixedNode = fixedNodeOf();
  facts.upgrade = upgrade;
  facts.owner = owner;
  facts.recentPins = newPins.recent();
  return decide(facts, snapshot, down);
}

/** Routes by `down`: true when routed or answered, else the id of a node whose name did not resolve. */
function routeBy(
  key: number,
  snapshot: Snapshot,
  down: DownSet,
  target: PathTarget,
  monitor: MonitorRef | undefined,
  upgrade: boolean,
): true | string {
  // A local, not an argument expression: TSTL builds a table (and a loop) to pass a
  // conditional that may be nil in the middle of an argument list.
  const owner = monitor === SKIPPED ? undefined : monitor?.owner;
  const d = decideNow(snapshot, down, target, owner, upgrade);
  if (!d.ok) {
    respond.json(d.status, { error: d.error, message: d.message });
    return true;
  }
  // May wait for DNS (another request may decide meanwhile).
  const decided = routeOf(d);
  if (decided === undefined) return d.node.id;
  const route = monitor === SKIPPED ? skippedVariant(decided) : decided;
  requestState.setRoute(key, route);
  if (upgrade) {
    requestState.markUpgraded(key);
    record.upgradeOpened(route.peer.nodeId);
  }
  announce(route, false);
  if (route.cookie === "set") newPins.add(route.peer.nodeId);
  return true;
}

/**
 * `monitorPaths`: the location serves /api/ (push, badge and REST monitor paths name their
 * monitor; elsewhere the path decides nothing and is not read). `upgrades`: the location passes
 * WebSocket upgrades to the node (socket.io's).
 */
export function route(monitorPaths: boolean, upgrades: boolean): void {
  const key = requestState.begin();
  const snapshot = store.current();
  if (snapshot === undefined) {
    return respond.json(503, {
      error: "no_cluster_snapshot",
      message: "the router has not read the node registry yet: the database is unreachable; it will route once the database answers",
    });
  }
  const target = monitorPaths ? classifyPath(ngx.var.uri ?? "/") : OTHER_TARGET;
  // May look the monitor up in the database (a monitor newer than the snapshot), or skip it.
  const monitor = monitorOf(snapshot, target);
  // nginx/http.conf decides which upgrades reach a node.
  const upgrade = upgrades && ngx.var.upstream_upgrade === "websocket";
  const down = downSet(snapshot.nodes);
  const unresolved = routeBy(key, snapshot, down, target, monitor, upgrade);
  if (unresolved === true) return;
  // A node whose name does not resolve cannot have seen the request: decide once more without it.
  if (routeBy(key, snapshot, { ...down, [unresolved]: true }, target, monitor, upgrade) === true) return;
  return respond.json(502, { error: "node_unresolvable", message: "the chosen nodes' names do not resolve" });
}
