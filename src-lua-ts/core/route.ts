// The routing decision (docs/routing.md#the-decision) as a pure function of the request's facts, the cluster
// snapshot and the health view. The access phase gathers the facts, looks up the monitor's
// owner, calls decide() and applies the result; nothing here touches ngx.
import { NodeInfo, Snapshot, nodeOf } from "./snapshot";

/** What the path says about the request. */
export type PathTarget =
  | { kind: "router" }
  | { kind: "push"; token: string }
  | { kind: "badge"; id: string }
  | { kind: "monitor"; id: string }
  | { kind: "other" };

export type Reason =
  | "setup" // setup unfinished: the primary
  | "owner" // monitor-scoped: the monitor's effective owner
  | "owner-down" // owner unhealthy or unknown to the registry: least-loaded healthy node
  | "foreign-owner" // owner is another world's node (core/world.ts): least-loaded node of this router's
  | "fixed-node" // KUMA_FIXED_NODE names a healthy node
  | "re-pin" // KUMA_FIXED_NODE names a node that is down: pinned to a healthy one
  | "least-loaded"; // a new browser or client: pinned to the least-loaded node

/** Every reason, in the order the metrics list them. */
export const REASONS: Reason[] = ["setup", "owner", "owner-down", "foreign-owner", "fixed-node", "re-pin", "least-loaded"];

export type CookieAction = "keep" | "set" | "clear";

export type Decision =
  | {
      ok: true;
      node: NodeInfo;
      reason: Reason;
      cookie: CookieAction;
      /** Where an idempotent, non-upgrade request may go once if `node` fails to connect. */
      retry: NodeInfo | undefined;
      /** True when every node failed its checks and the registry's online nodes were used. */
      fallback: boolean;
    }
  | { ok: false; status: number; error: string; message: string };

export interface RequestFacts {
  method: string;
  target: PathTarget;
  /** Raw KUMA_FIXED_NODE cookie value, if any. */
  fixedNode: string | undefined;
  /** Upgrade: websocket. */
  upgrade: boolean;
  /** The effective owner of the request's monitor, when the target names a known monitor. */
  owner: string | undefined;
  /** node id -> new browsers pinned to it recently (router/new_pins.ts); absent means none. */
  recentPins?: Record<string, number>;
}

/** node id -> true when the router's own checks call it down. */
export type DownSet = Record<string, boolean>;

/** Methods that may be retried on another node: safe ones only (a POST never is). */
const RETRYABLE: Record<string, boolean> = { GET: true, HEAD: true, OPTIONS: true };

function segments(path: string): string[] {
  const out: string[] = [];
  for (const s of path.split("/")) if (s !== "") out.push(s);
  return out;
}

const ROUTER: PathTarget = { kind: "router" };
/** The target of a path that names no monitor (shared: targets are never modified). */
export const OTHER_TARGET: PathTarget = { kind: "other" };

/** The first four non-empty segments decide; `count` is how many there are (4 means 4 or more). */
function classifySegments(s0: string, s1: string, s2: string, s3: string, count: number): PathTarget {
  if (count >= 1 && s0 === "lb") return ROUTER;
  if (count < 3 || s0 !== "api") return OTHER_TARGET;
  if (s1 === "push") return { kind: "push", token: s2 };
  if (s1 === "badge" && count >= 4) return { kind: "badge", id: s2 };
  if (s1 === "v1" && s2 === "monitors" && count >= 4) return { kind: "monitor", id: s3 };
  return OTHER_TARGET;
}

/** Where the segment that starts at `from` ends: the next slash, or the end of the path. */
function endOf(path: string, from: number): number {
  const slash = path.indexOf("/", from);
  return slash < 0 ? path.length : slash;
}

/**
 * Push, badge and REST monitor paths carry the key that decides the node. Runs per request,
 * so the usual path ("/a/b/c": nginx merges slashes) is read without a loop, which would keep
 * LuaJIT from compiling the access phase; a path with empty segments takes the general way.
 */
export function classifyPath(path: string): PathTarget {
  if (path.charAt(0) !== "/" || path.indexOf("//") >= 0) {
    const s = segments(path);
    return classifySegments(s[0], s[1], s[2], s[3], s.length);
  }
  // No empty segment but perhaps the last one (a trailing slash): e >= n - 1 ends the path.
  const n = path.length;
  const e0 = endOf(path, 1);
  const s0 = path.substring(1, e0);
  if (e0 >= n - 1) return classifySegments(s0, "", "", "", s0 === "" ? 0 : 1);
  const e1 = endOf(path, e0 + 1);
  const s1 = path.substring(e0 + 1, e1);
  if (e1 >= n - 1) return classifySegments(s0, s1, "", "", 2);
  const e2 = endOf(path, e1 + 1);
  const s2 = path.substring(e1 + 1, e2);
  if (e2 >= n - 1) return classifySegments(s0, s1, s2, "", 3);
  return classifySegments(s0, s1, s2, path.substring(e2 + 1, endOf(path, e2 + 1)), 4);
}

function byLoad(a: NodeInfo, b: NodeInfo): boolean {
  if (a.owned !== b.owned) return a.owned < b.owned;
  return a.id < b.id;
}

/** Fewest owned active monitors, ties by node id; `except` is skipped. */
export function leastLoaded(candidates: NodeInfo[], except?: NodeInfo): NodeInfo | undefined {
  let best: NodeInfo | undefined;
  for (const n of candidates) {
    if (n !== except && (best === undefined || byLoad(n, best))) best = n;
  }
  return best;
}

/**
 * How many more owned monitors than the fewest a node may have and still take a new browser
 * ahead of the least-loaded one: 10% of the fewest, at least 2. Within it, the node with the
 * fewest recent new pins is chosen, so a burst of new browsers spreads over the nodes while
 * the monitors (which decide the load) still balance.
 */
export function newSessionMargin(fewest: number): number {
  return Math.max(2, Math.floor(fewest / 10));
}

/** The candidates within the margin of the least-loaded one, by load then id. */
function nearLeastOf(candidates: NodeInfo[], least: NodeInfo | undefined): NodeInfo[] {
  const out: NodeInfo[] = [];
  if (least === undefined) return out;
  const limit = least.owned + newSessionMargin(least.owned);
  for (const n of candidates) if (n.owned <= limit) out.push(n);
  out.sort((a, b) => (byLoad(a, b) ? -1 : byLoad(b, a) ? 1 : 0));
  return out;
}

/** Where a new browser goes: among the near-least nodes, the fewest recent pins, then the least load. */
function newSessionNode(set: CandidateSet, pins: Record<string, number> | undefined): NodeInfo {
  const least = set.leastLoaded as NodeInfo;
  if (pins === undefined || set.nearLeast.length < 2) return least;
  let best = least;
  let bestPins = pins[least.id] ?? 0;
  for (const n of set.nearLeast) {
    const p = pins[n.id] ?? 0;
    if (p < bestPins) {
      best = n;
      bestPins = p;
    }
  }
  return best;
}

/** The registry's single is_primary node; with several or none, the lowest index. */
export function primaryOf(candidates: NodeInfo[]): NodeInfo | undefined {
  let flagged: NodeInfo | undefined;
  let flaggedCount = 0;
  for (const n of candidates) {
    if (n.isPrimary) {
      flagged = n;
      flaggedCount++;
    }
  }
  if (flaggedCount === 1) return flagged;
  let best: NodeInfo | undefined;
  for (const n of candidates) {
    if (best === undefined) best = n;
    else if (n.index !== undefined && (best.index === undefined || n.index < best.index || (n.index === best.index && n.id < best.id)))
      best = n;
    else if (n.index === undefined && best.index === undefined && n.id < best.id) best = n;
  }
  return best;
}

/**
 * The nodes a request may go to, and what every request would otherwise compute from them:
 * derived once per snapshot and health view, so a decision is table lookups, without a loop.
 */
export interface CandidateSet {
  /**
   * Online, addressable and healthy nodes this router manages; if the checks call all of them
   * down, the online ones. Foreign nodes never are: their names may not resolve here.
   * leastLoaded, primary and retryFor leave drained nodes out while any other is a candidate.
   */
  nodes: NodeInfo[];
  /** True when every node failed its checks and the registry's online nodes are used. */
  fallback: boolean;
  /** node id -> true for the nodes above. */
  member: Record<string, boolean>;
  leastLoaded: NodeInfo | undefined;
  /** Candidates within newSessionMargin of the least-loaded, by load then id: where new browsers may go. */
  nearLeast: NodeInfo[];
  primary: NodeInfo | undefined;
  /** node id -> the least-loaded other candidate: where a failed first try goes. */
  retryFor: Record<string, NodeInfo | undefined>;
  /** node id -> decision key -> decision: filled as requests come, so deciding allocates nothing. */
  decisions: Record<string, Record<string, Decision>>;
}

let memoSnapshot: Snapshot | undefined;
let memoDown: DownSet | undefined;
let memoSet: CandidateSet | undefined;

/**
 * Both inputs stay the same objects until the snapshot or a verdict changes, so the set is
 * kept for the requests that follow.
 */
export function candidateSetOf(snapshot: Snapshot, down: DownSet): CandidateSet {
  if (snapshot !== memoSnapshot || down !== memoDown || memoSet === undefined) {
    memoSet = computeCandidateSet(snapshot, down);
    memoSnapshot = snapshot;
    memoDown = down;
  }
  return memoSet;
}

/** The candidates and whether they are the all-down fallback. */
export function candidatesOf(snapshot: Snapshot, down: DownSet): [NodeInfo[], boolean] {
  const set = candidateSetOf(snapshot, down);
  return [set.nodes, set.fallback];
}

function computeCandidateSet(snapshot: Snapshot, down: DownSet): CandidateSet {
  const online: NodeInfo[] = [];
  const healthy: NodeInfo[] = [];
  for (const n of snapshot.nodes) {
    if (!n.online || n.address === undefined || n.foreign) continue;
    online.push(n);
    if (down[n.id] !== true) healthy.push(n);
  }
  const fallback = healthy.length === 0 && online.length > 0;
  const nodes = fallback ? online : healthy;
  // A drained node keeps what is its own (its monitors until they are handed over, browsers
  // pinned to it) but takes nothing new, unless every candidate is drained.
  const open: NodeInfo[] = [];
  for (const n of nodes) if (n.drained !== true) open.push(n);
  const fresh = open.length > 0 ? open : nodes;
  const member: Record<string, boolean> = {};
  const retryFor: Record<string, NodeInfo | undefined> = {};
  const decisions: Record<string, Record<string, Decision>> = {};
  for (const n of nodes) {
    member[n.id] = true;
    retryFor[n.id] = leastLoaded(fresh, n);
    decisions[n.id] = {};
  }
  const least = leastLoaded(fresh);
  return {
    nodes,
    fallback,
    member,
    leastLoaded: least,
    nearLeast: nearLeastOf(fresh, least),
    primary: primaryOf(fresh),
    retryFor,
    decisions,
  };
}

/** `id` names a candidate (and a registry node: the snapshot's ids are valid ones). */
function candidate(set: CandidateSet, snapshot: Snapshot, id: string | undefined): NodeInfo | undefined {
  return id !== undefined && set.member[id] === true ? nodeOf(snapshot, id) : undefined;
}

const COOKIE_ACTIONS: CookieAction[] = ["keep", "set", "clear"];
/** reason -> cookie action -> [key if retryable, key if not]: constant strings, built once. */
const DECISION_KEYS = {} as Record<Reason, Record<CookieAction, [string, string]>>;
for (const r of REASONS) {
  DECISION_KEYS[r] = {} as Record<CookieAction, [string, string]>;
  for (const c of COOKIE_ACTIONS) DECISION_KEYS[r][c] = [`${r}/${c}/retry`, `${r}/${c}`];
}

/** The decision for `node` (a candidate of `set`): one object per node, reason, cookie action and retryability. */
function decision(set: CandidateSet, facts: RequestFacts, node: NodeInfo, reason: Reason, cookie: CookieAction): Decision {
  const retryable = RETRYABLE[facts.method] === true && !facts.upgrade;
  const byNode = set.decisions[node.id];
  const key = DECISION_KEYS[reason][cookie][retryable ? 0 : 1];
  let d = byNode[key];
  if (d === undefined) {
    d = { ok: true, node, reason, cookie, retry: retryable ? set.retryFor[node.id] : undefined, fallback: set.fallback };
    byNode[key] = d;
  }
  return d;
}

// Runs per request: no closure and no loop, so LuaJIT can compile it (docs/benchmarks.md).
export function decide(facts: RequestFacts, snapshot: Snapshot, down: DownSet): Decision {
  const set = candidateSetOf(snapshot, down);
  if (set.nodes.length === 0) {
    return {
      ok: false,
      status: 503,
      error: "no_node_available",
      message: snapshot.nodes.length === 0 ? "no node is registered in the cluster" : "no registered node is online",
    };
  }
  // The cookie names a node id: valid and known, or it is replaced (or cleared where the
  // request is not the browser's to pin).
  const pinned = facts.fixedNode !== undefined ? nodeOf(snapshot, facts.fixedNode) : undefined;
  const untouched: CookieAction = facts.fixedNode !== undefined && pinned === undefined ? "clear" : "keep";
  const least = set.leastLoaded as NodeInfo;

  if (!snapshot.setupComplete) return decision(set, facts, set.primary as NodeInfo, "setup", untouched);

  const t = facts.target.kind;
  if ((t === "push" || t === "badge" || t === "monitor") && facts.owner !== undefined) {
    const owner = candidate(set, snapshot, facts.owner);
    if (owner !== undefined) return decision(set, facts, owner, "owner", untouched);
    // A push to another world's monitor before DNS moves: any node here takes it (same database).
    const foreign = nodeOf(snapshot, facts.owner)?.foreign === true;
    return decision(set, facts, least, foreign ? "foreign-owner" : "owner-down", untouched);
  }

  if (pinned !== undefined && set.member[pinned.id] === true) return decision(set, facts, pinned, "fixed-node", "keep");
  return decision(set, facts, newSessionNode(set, facts.recentPins), pinned !== undefined ? "re-pin" : "least-loaded", "set");
}

/** A decision as flat data: for logs, the status page and the shared case table. */
export interface DecisionSummary {
  ok: boolean;
  node?: string;
  reason?: Reason;
  cookie?: CookieAction;
  retry?: string;
  fallback?: boolean;
  status?: number;
  error?: string;
}

export function summarize(d: Decision): DecisionSummary {
  if (!d.ok) return { ok: false, status: d.status, error: d.error };
  return { ok: true, node: d.node.id, reason: d.reason, cookie: d.cookie, retry: d.retry?.id, fallback: d.fallback };
}
