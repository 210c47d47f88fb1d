// The routing decision (ROUTING.md §3) as a pure function of the request's facts, the cluster
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
  | "fixed-node" // KUMA_FIXED_NODE names a healthy node
  | "re-pin" // KUMA_FIXED_NODE names a node that is down: pinned to a healthy one
  | "least-loaded"; // a new browser or client: pinned to the least-loaded node

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

/** Push, badge and REST monitor paths carry the key that decides the node. */
export function classifyPath(path: string): PathTarget {
  const s = segments(path);
  if (s.length >= 1 && s[0] === "lb") return { kind: "router" };
  if (s.length < 3 || s[0] !== "api") return { kind: "other" };
  if (s[1] === "push") return { kind: "push", token: s[2] };
  if (s[1] === "badge" && s.length >= 4) return { kind: "badge", id: s[2] };
  if (s[1] === "v1" && s[2] === "monitors" && s.length >= 4) return { kind: "monitor", id: s[3] };
  return { kind: "other" };
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
    else if (n.index !== undefined && (best.index === undefined || n.index < best.index || (n.index === best.index && n.id < best.id))) best = n;
    else if (n.index === undefined && best.index === undefined && n.id < best.id) best = n;
  }
  return best;
}

let memoSnapshot: Snapshot | undefined;
let memoDown: DownSet | undefined;
let memoCandidates: [NodeInfo[], boolean] = [[], false];

/**
 * Online, addressable and healthy nodes; if the checks call all of them down, the online ones.
 * Both inputs stay the same objects until the snapshot or a verdict changes, so the answer is
 * kept for the next request.
 */
export function candidatesOf(snapshot: Snapshot, down: DownSet): [NodeInfo[], boolean] {
  if (snapshot === memoSnapshot && down === memoDown) return memoCandidates;
  memoCandidates = computeCandidates(snapshot, down);
  memoSnapshot = snapshot;
  memoDown = down;
  return memoCandidates;
}

function computeCandidates(snapshot: Snapshot, down: DownSet): [NodeInfo[], boolean] {
  const online: NodeInfo[] = [];
  const healthy: NodeInfo[] = [];
  for (const n of snapshot.nodes) {
    if (!n.online || n.address === undefined) continue;
    online.push(n);
    if (down[n.id] !== true) healthy.push(n);
  }
  return healthy.length > 0 || online.length === 0 ? [healthy, false] : [online, true];
}

function contains(list: NodeInfo[], node: NodeInfo | undefined): boolean {
  if (node === undefined) return false;
  for (const n of list) if (n === node) return true;
  return false;
}

/** The node, the reason and what to do with the cookie; decide() adds the retry. */
function choose(facts: RequestFacts, snapshot: Snapshot, candidates: NodeInfo[]): [NodeInfo, Reason, CookieAction] {
  // The cookie names a node id: valid and known, or it is replaced (or cleared where the
  // request is not the browser's to pin).
  const pinned = facts.fixedNode !== undefined ? nodeOf(snapshot, facts.fixedNode) : undefined;
  const untouched: CookieAction = facts.fixedNode !== undefined && pinned === undefined ? "clear" : "keep";

  if (!snapshot.setupComplete) return [primaryOf(candidates) as NodeInfo, "setup", untouched];

  const t = facts.target.kind;
  if ((t === "push" || t === "badge" || t === "monitor") && facts.owner !== undefined) {
    const owner = nodeOf(snapshot, facts.owner);
    if (contains(candidates, owner)) return [owner as NodeInfo, "owner", untouched];
    return [leastLoaded(candidates) as NodeInfo, "owner-down", untouched];
  }

  if (pinned !== undefined && contains(candidates, pinned)) return [pinned, "fixed-node", "keep"];
  if (pinned !== undefined) return [leastLoaded(candidates) as NodeInfo, "re-pin", "set"];
  return [leastLoaded(candidates) as NodeInfo, "least-loaded", "set"];
}

// No closures on this path: LuaJIT cannot compile a function that creates one.
export function decide(facts: RequestFacts, snapshot: Snapshot, down: DownSet): Decision {
  const [candidates, fallback] = candidatesOf(snapshot, down);
  if (candidates.length === 0) {
    return {
      ok: false,
      status: 503,
      error: "no_node_available",
      message: snapshot.nodes.length === 0 ? "no node is registered in the cluster" : "no registered node is online",
    };
  }
  const [node, reason, cookie] = choose(facts, snapshot, candidates);
  const retryable = RETRYABLE[facts.method] === true && !facts.upgrade;
  return { ok: true, node, reason, cookie, retry: retryable ? leastLoaded(candidates, node) : undefined, fallback };
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
