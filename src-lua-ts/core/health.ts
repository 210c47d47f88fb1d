// The health state machine (written once, used by the prober, the passive checks and the
// tests): consecutive counters per node, explicit transitions, and the rules that turn probe
// answers and proxied failures into observations. Pure: no ngx, the same in Lua and Node.
import { StatusRange } from "./settings";
import { parseDecimal } from "./text";

export interface Thresholds {
  /** Consecutive failures (active or passive, at least one active) that take an up node down. */
  failures: number;
  /** Consecutive active successes that bring a down node back. */
  successes: number;
}

/** HEALTH_CHECK_FAILURES and HEALTH_CHECK_SUCCESSES by default (docs/health.md, "The state machine"). */
export const DEFAULT_THRESHOLDS: Thresholds = { failures: 3, successes: 3 };

export interface NodeHealth {
  down: boolean;
  /** Consecutive active successes since the last failure. */
  successes: number;
  /** Consecutive failures since the last active success. */
  failures: number;
  /**
   * An active probe failed since the last active success. Clients choose what a node sees (an
   * Upgrade it drops, a request it cannot parse) and so what nginx reports as 502, so proxied
   * failures alone never take a node down: a probe has to fail too.
   */
  confirmed: boolean;
}

/**
 * Only an active probe can succeed: proxied traffic reports failures but never successes, so a
 * node that serves requests while its health endpoint says 503 still goes down, and only the
 * probes bring a node back. Only a probe can confirm a failure streak, too (see `confirmed`).
 */
export type Observation = "active-success" | "active-failure" | "passive-failure";

export type Transition = "none" | "down" | "up";

export interface Step {
  health: NodeHealth;
  transition: Transition;
}

/** Keeps the stored counters short; far above any threshold (at most 100). */
const COUNTER_CAP = 1_000_000;

/**
 * Before any observation the registry is the best guess: an online node is up, an offline one
 * is down, so an offline node that answers its probes comes back through an explicit "up".
 */
export function initialHealth(registryOnline: boolean): NodeHealth {
  return { down: !registryOnline, successes: 0, failures: 0, confirmed: false };
}

/**
 * A node goes down when its failure streak reaches the threshold and holds at least one probe
 * failure: passive failures speed the verdict up (they count) but cannot make it on their own.
 */
export function observe(h: NodeHealth, obs: Observation, t: Thresholds): Step {
  if (obs === "active-success") {
    const successes = Math.min(h.successes + 1, COUNTER_CAP);
    const health: NodeHealth = { down: h.down, successes, failures: 0, confirmed: false };
    if (h.down && successes >= t.successes) {
      health.down = false;
      return { health, transition: "up" };
    }
    return { health, transition: "none" };
  }
  const failures = Math.min(h.failures + 1, COUNTER_CAP);
  const confirmed = h.confirmed || obs === "active-failure";
  // Only a probe failure restarts the success count: proxied failures come from clients, who
  // must not be able to hold a recovering node down (or keep its monitors away).
  const successes = obs === "active-failure" ? 0 : h.successes;
  const health: NodeHealth = { down: h.down, successes, failures, confirmed };
  if (!h.down && confirmed && failures >= t.failures) {
    health.down = true;
    return { health, transition: "down" };
  }
  return { health, transition: "none" };
}

/** Applies observations in order; the verdict after each one (for tables and logs). */
export function replay(
  start: NodeHealth,
  observations: Observation[],
  t: Thresholds,
): { verdicts: string[]; transitions: Transition[]; health: NodeHealth } {
  let h = start;
  const verdicts: string[] = [];
  const transitions: Transition[] = [];
  for (const obs of observations) {
    const step = observe(h, obs, t);
    h = step.health;
    verdicts.push(h.down ? "down" : "up");
    transitions.push(step.transition);
  }
  return { verdicts, transitions, health: h };
}

/** "down successes failures confirmed": the shared-dict form of a node's health. */
export function encodeHealth(h: NodeHealth): string {
  return `${h.down ? 1 : 0} ${h.successes} ${h.failures} ${h.confirmed ? 1 : 0}`;
}

function isFlag(s: string): boolean {
  return s === "0" || s === "1";
}

/**
 * Also reads the three-field form of earlier builds (kuma_health survives a reload) as an
 * unconfirmed streak: the next failed probe confirms it.
 */
export function decodeHealth(s: string): NodeHealth | undefined {
  const parts = s.split(" ");
  if ((parts.length !== 3 && parts.length !== 4) || !isFlag(parts[0])) return undefined;
  if (parts.length === 4 && !isFlag(parts[3])) return undefined;
  const successes = parseDecimal(parts[1]);
  const failures = parseDecimal(parts[2]);
  if (successes === undefined || failures === undefined) return undefined;
  return { down: parts[0] === "1", successes, failures, confirmed: parts[3] === "1" };
}

// ---------------------------------------------------------------------------------------------
// Probes

/** What one active probe saw. */
export type ProbeResult = { kind: "status"; status: number } | { kind: "error"; error: string };

export function isHealthyStatus(status: number, ranges: StatusRange[]): boolean {
  for (const r of ranges) if (status >= r.from && status <= r.to) return true;
  return false;
}

/** A redirect is a failure unless a configured range covers it: the probe never follows one. */
export function probeObservation(result: ProbeResult, ranges: StatusRange[]): Observation {
  return result.kind === "status" && isHealthyStatus(result.status, ranges) ? "active-success" : "active-failure";
}

/** "HTTP/1.1 200 OK" -> 200; undefined for anything that is not an HTTP/1.x status line. */
export function parseStatusLine(line: string): number | undefined {
  if (line.substring(0, 7) !== "HTTP/1." || line.length < 12) return undefined;
  const minor = line.charCodeAt(7);
  if (minor < 48 || minor > 57 || line.charAt(8) !== " ") return undefined;
  const status = parseDecimal(line.substring(9, 12));
  if (status === undefined || status < 100 || status > 599) return undefined;
  if (line.length > 12 && line.charAt(12) !== " ") return undefined;
  return status;
}

// ---------------------------------------------------------------------------------------------
// Passive checks

/** Connect errors are 502, timeouts 504 (nginx's own codes); a node's own 502-504 count too. */
const PASSIVE_FAILURES: Record<string, boolean> = { "502": true, "503": true, "504": true };

/**
 * The status of the last try in $upstream_status ("502, 200" after a retry; " : " separates
 * internal redirects); "" when there was none.
 */
export function lastUpstreamStatus(upstreamStatus: string): string {
  let start = 0;
  for (let i = 0; i < upstreamStatus.length; i++) {
    const c = upstreamStatus.charAt(i);
    if (c === "," || c === ":") start = i + 1;
  }
  let s = upstreamStatus.substring(start);
  while (s.charAt(0) === " ") s = s.substring(1);
  while (s.length > 0 && s.charAt(s.length - 1) === " ") s = s.substring(0, s.length - 1);
  return s;
}

export function isPassiveFailure(status: string): boolean {
  return PASSIVE_FAILURES[status] === true;
}

// ---------------------------------------------------------------------------------------------
// Registry write-back

export type RegistryStatus = "online" | "offline";

/** A node as the writer sees it: the registry's row (from the snapshot) and this router's verdict. */
export interface RegistryNode {
  id: string;
  online: boolean;
  /** Seconds since last_seen by the database clock; -1 when never seen. */
  lastSeenAge: number;
  addressable: boolean;
  /** Another world's node (core/world.ts): never probed here, so never a failover source. Absent means own. */
  foreign?: boolean;
  /** Drained by an operator or by its own shutdown (kuma_cluster_drain). Absent = false. */
  drained?: boolean;
  health: NodeHealth;
}

/** The nodes whose status the writer may write: never another world's (it cannot probe them). */
export function ownNodes<T extends RegistryNode>(nodes: T[]): T[] {
  return nodes.filter((n) => n.foreign !== true);
}

/**
 * A node that left (drained, or offline in the registry while its probes pass: its own
 * deregistration) must earn HEALTH_CHECK_SUCCESSES fresh probe successes once it is back before
 * anything returns to it: after a quick restart the old process's successes must not count.
 * The state to store while it is away, or undefined when nothing changes.
 */
export function whileAway(h: NodeHealth, online: boolean, drained: boolean): NodeHealth | undefined {
  if ((online && !drained) || h.down || h.successes === 0) return undefined;
  return { down: false, successes: 0, failures: h.failures, confirmed: h.confirmed };
}

/** The stale rule (docs/health.md): last_seen older than the timeout; a node never seen is not stale (SQL NULL < t is false). */
export function isStale(lastSeenAge: number, staleAfterS: number): boolean {
  return lastSeenAge >= 0 && lastSeenAge > staleAfterS;
}

export interface StatusWrite {
  id: string;
  status: RegistryStatus;
  reason: "transition" | "stale";
}

export interface StatusPlan {
  writes: StatusWrite[];
  /** Pending transitions that need no write (node gone, registry already agrees, verdict moved on). */
  settled: string[];
  /** Pending "offline" writes held back because every online node is down. */
  held: string[];
}

/**
 * Every online, addressable node is down by this router's checks. The router then suspects its
 * own probes (docs/routing.md#candidates: a probe path can be wrong while the nodes serve fine) and keeps the
 * registry online so the all-down fallback has nodes to route to.
 */
export function allDown(nodes: RegistryNode[]): boolean {
  let online = 0;
  for (const n of nodes) {
    if (!n.online || !n.addressable) continue;
    online++;
    if (!n.health.down) return false;
  }
  return online > 0;
}

/**
 * What the writer writes to node.status: each pending transition once (an "offline" one held
 * while every node is down, unless the node is also stale), and stale nodes that fail their
 * probes (docs/health.md, "The state machine"), whatever the transitions said. Foreign nodes are left alone: a pending
 * write for one (from before it became foreign) is settled unwritten.
 */
export function planStatusWrites(registry: RegistryNode[], pending: Record<string, RegistryStatus>, staleAfterS: number): StatusPlan {
  const plan: StatusPlan = { writes: [], settled: [], held: [] };
  const nodes = ownNodes(registry);
  const byId: Record<string, RegistryNode> = {};
  for (const n of nodes) byId[n.id] = n;
  const everyNodeDown = allDown(nodes);
  const ids = Object.keys(pending).sort();
  const written: Record<string, boolean> = {};
  for (const id of ids) {
    const n = byId[id];
    const status = pending[id];
    if (n === undefined || n.health.down !== (status === "offline") || (status === "offline" && !n.online)) {
      plan.settled.push(id);
    } else if (status === "offline" && everyNodeDown && !isStale(n.lastSeenAge, staleAfterS)) {
      plan.held.push(id);
    } else {
      plan.writes.push({ id, status, reason: "transition" });
      written[id] = true;
    }
  }
  for (const n of nodes) {
    if (written[n.id] !== true && n.online && n.health.down && isStale(n.lastSeenAge, staleAfterS)) {
      plan.writes.push({ id: n.id, status: "offline", reason: "stale" });
    }
  }
  return plan;
}
