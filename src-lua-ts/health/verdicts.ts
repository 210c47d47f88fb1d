// The health verdicts every worker routes by. Each node's health lives in kuma_health, shared by
// every worker: the prober's results and the passive reports of any worker go through record(),
// which runs the one state machine of core/health.ts. A read-modify-write of one key never yields, and every effect of a transition
// (the verdict version, the pending registry write) is idempotent, so two workers racing on a
// node at worst lose one count.
import * as config from "../runtime/config";
import * as store from "../cluster/snapshot_store";
import { FailoverNode } from "../core/failover";
import { DownSet } from "../core/route";
import { Snapshot } from "../core/snapshot";
import {
  NodeHealth,
  Observation,
  RegistryStatus,
  Transition,
  decodeHealth,
  encodeHealth,
  initialHealth,
  isPassiveFailure,
  lastUpstreamStatus,
  observe,
  whileAway,
} from "../core/health";
import type { Route } from "../request/route";
import { servedPeer } from "../request/state";
import { KEYS, healthDict as dict } from "../runtime/dicts";
import { VersionWatch } from "../runtime/version_watch";

const HEALTH_PREFIX = KEYS.health.node;
const PENDING_PREFIX = KEYS.health.pending;
const PROBE_PREFIX = KEYS.health.lastProbe;
/** A passive failure asks the prober to probe the node now (health/prober.ts). */
const PROBE_NOW_PREFIX = KEYS.health.probeNow;
/** A request nobody answered (no prober, e.g. during a reload) expires, not probed much later. */
const PROBE_NOW_TTL_S = 5;
/** Bumped when a verdict flips: what workers watch to refresh their down-set. */
const VERDICT_VERSION = KEYS.health.verdictVersion;
/** Bumped when a registry write becomes pending: what the writer watches. */
const PENDING_VERSION = KEYS.health.pendingVersion;

export function read(nodeId: string): NodeHealth | undefined {
  const [v] = dict.get(HEALTH_PREFIX + nodeId);
  return typeof v === "string" ? decodeHealth(v) : undefined;
}

function write(nodeId: string, h: NodeHealth): void {
  dict.set(HEALTH_PREFIX + nodeId, encodeHealth(h));
}

const verdictWatch = new VersionWatch(dict, VERDICT_VERSION);

/** The verdict version as requests see it: read from shared memory once per clock tick. */
export function routingVerdictVersion(): number {
  return verdictWatch.read();
}

export function verdictVersion(): number {
  const [v] = dict.get(VERDICT_VERSION);
  return typeof v === "number" ? v : 0;
}

export function pendingVersion(): number {
  const [v] = dict.get(PENDING_VERSION);
  return typeof v === "number" ? v : 0;
}

function bumpVerdicts(): void {
  dict.incr(VERDICT_VERSION, 1, 0);
  verdictWatch.touch();
}

function logTransition(nodeId: string, transition: Transition, obs: Observation, h: NodeHealth): void {
  const why = transition === "down" ? `${h.failures} consecutive failures (last: ${obs})` : `${h.successes} consecutive probe successes`;
  ngx.log(ngx.WARN, `health: node ${nodeId} is ${transition} after ${why}`);
}

/**
 * Feeds one observation into a node's state machine. `registryOnline` seeds a node seen for the
 * first time. Returns the transition it caused.
 */
export function record(nodeId: string, registryOnline: boolean, obs: Observation): Transition {
  const before = read(nodeId) ?? initialHealth(registryOnline);
  const step = observe(before, obs, config.get().health);
  write(nodeId, step.health);
  if (step.transition !== "none") {
    bumpVerdicts();
    setPending(nodeId, step.transition === "down" ? "offline" : "online");
    logTransition(nodeId, step.transition, obs, step.health);
  }
  return step.transition;
}

/** Forces a verdict (operators, specs); counters restart. Returns true when it changed. */
export function force(nodeId: string, down: boolean): boolean {
  const before = read(nodeId);
  if (before !== undefined && before.down === down) return false;
  write(nodeId, { down, successes: 0, failures: 0, confirmed: false });
  bumpVerdicts();
  return true;
}

// --- the down-set routing reads ------------------------------------------------------------
// Each worker keeps a decoded down-set and re-reads it only when the verdict version moved or
// the snapshot's node list changed (the version is read once per clock tick).

let localVersion = -1;
let localDown: DownSet = {};
let knownNodes: { id: string }[] = [];

/** The down-set over `nodes` (the snapshot's list: the same array until the snapshot changes). */
export function downSet(nodes: { id: string }[]): DownSet {
  const v = routingVerdictVersion();
  if (v !== localVersion || nodes !== knownNodes) {
    const down: DownSet = {};
    for (const n of nodes) {
      if (read(n.id)?.down === true) down[n.id] = true;
    }
    localDown = down;
    localVersion = v;
    knownNodes = nodes;
  }
  return localDown;
}

export function isDown(nodeId: string): boolean {
  return read(nodeId)?.down === true;
}

// --- the prober's rounds, as the writer sees them -----------------------------------------
// One lease picks the worker that probes and writes: the writer, in the prober's worker, writes
// a round's verdicts together once the round ended, and reconciles after each one. Kept here,
// not in either of them, so neither reaches into the other.

/** The lease of the prober and the writer (runtime/lease.ts). */
export const LEASE = KEYS.locks.proberLease;
/** Renewed every writer step (0.1 s) and prober step: a dead worker is replaced this fast. */
export const LEASE_TTL_S = 5;

let rounds = 0;
let probing = false;

/** The prober starts a round. */
export function roundStarted(): void {
  probing = true;
}

/** The prober's round ended; `completed` when every node was probed. */
export function roundEnded(completed: boolean): void {
  probing = false;
  if (completed) rounds++;
}

/** Probe rounds this worker completed: the writer reconciles after each one. */
export function completedRounds(): number {
  return rounds;
}

/** True while a round runs: the writer waits for its transitions to land together. */
export function roundInProgress(): boolean {
  return probing;
}

// --- registry writes waiting for the writer ----------------------------------------------

function setPending(nodeId: string, status: RegistryStatus): void {
  dict.set(PENDING_PREFIX + nodeId, status);
  dict.incr(PENDING_VERSION, 1, 0);
}

/** Registry statuses implied by this router's latest transitions, not written yet. */
export function pending(): Record<string, RegistryStatus> {
  const out: Record<string, RegistryStatus> = {};
  for (const key of dict.get_keys(0)) {
    if (key.substring(0, PENDING_PREFIX.length) !== PENDING_PREFIX) continue;
    const [v] = dict.get(key);
    if (v === "online" || v === "offline") out[key.substring(PENDING_PREFIX.length)] = v;
  }
  return out;
}

/** Clears a pending write unless a newer transition replaced it meanwhile. */
export function settle(nodeId: string, status: RegistryStatus): void {
  const [v] = dict.get(PENDING_PREFIX + nodeId);
  if (v === status) dict.delete(PENDING_PREFIX + nodeId);
}

// --- urgent probes ------------------------------------------------------------------------

/** Asks the prober to probe `nodeId` at its next step; repeated asks before then are one. */
export function requestProbe(nodeId: string): void {
  dict.set(PROBE_NOW_PREFIX + nodeId, true, PROBE_NOW_TTL_S);
}

export function probeRequested(nodeId: string): boolean {
  const [v] = dict.get(PROBE_NOW_PREFIX + nodeId);
  return v === true;
}

/**
 * Called as the probe starts: a failure reported after this point asks again, so no report
 * goes unanswered by a probe that started after it.
 */
export function clearProbeRequest(nodeId: string): void {
  dict.delete(PROBE_NOW_PREFIX + nodeId);
}

// --- diagnostics --------------------------------------------------------------------------

/** The last probe's outcome, for /lb/status ("200 in 3 ms", "timeout"). */
export function setLastProbe(nodeId: string, text: string): void {
  dict.set(PROBE_PREFIX + nodeId, text);
}

export function lastProbe(nodeId: string): string | undefined {
  const [v] = dict.get(PROBE_PREFIX + nodeId);
  return typeof v === "string" ? v : undefined;
}

/** Forgets nodes that left the registry, so a node re-added under the same id starts afresh. */
export function prune(known: Record<string, unknown>): void {
  for (const key of dict.get_keys(0)) {
    for (const prefix of [HEALTH_PREFIX, PROBE_PREFIX, PENDING_PREFIX, PROBE_NOW_PREFIX]) {
      if (key.substring(0, prefix.length) !== prefix) continue;
      const id = key.substring(prefix.length);
      if (known[id] === undefined) dict.delete(key);
    }
  }
}

/** Drained nodes and nodes offline by their own hand start their success count again (core/health.ts whileAway). */
export function holdAwayNodes(snapshot: Snapshot): void {
  for (const n of snapshot.nodes) {
    const h = read(n.id);
    const away = h === undefined ? undefined : whileAway(h, n.online, n.drained === true);
    if (away !== undefined) write(n.id, away);
  }
}

/** The snapshot's nodes with this router's verdicts: what the writer decides from. */
export function registryNodes(snapshot: Snapshot): FailoverNode[] {
  return snapshot.nodes.map((n) => ({
    id: n.id,
    online: n.online,
    lastSeenAge: n.lastSeenAge,
    addressable: n.address !== undefined,
    foreign: n.foreign,
    owned: n.owned,
    drained: n.drained === true,
    health: read(n.id) ?? initialHealth(n.online),
  }));
}

// --- passive checks ---------------------------------------------------------------------
// Passive checks: failures that proxied traffic saw (connect refused, timeouts, 502-504) count
// against the node through the same state machine as the probes, and ask the prober for an
// urgent probe. Clients can provoke such failures on a healthy node, so they never take a node
// down on their own: the urgent probe confirms them (a dead node is out within about one prober
// step) or resets the streak. Only probes bring a node back. Called from the balancer (the first
// try of a retried request) and the log phase (the last try): each try is reported once.

/** A proxied try to `nodeId` (an id from the registry, via the access phase) failed. */
export function passiveFailure(nodeId: string): void {
  const node = store.current()?.nodeById[nodeId];
  record(nodeId, node?.online ?? true, "passive-failure");
  // A down node is probed every round until it comes back; nothing to confirm.
  if (read(nodeId)?.down !== true) requestProbe(nodeId);
}

/** Log phase: reports the last try when it failed; a retried first try was reported by the balancer. */
export function afterRequest(route: Route | undefined, retried: boolean): void {
  // The common case costs one status read: a failed last try always leaves a 5xx status.
  if (route === undefined || ngx.status < 500) return;
  if (!isPassiveFailure(lastUpstreamStatus(ngx.var.upstream_status ?? ""))) return;
  const last = servedPeer(route, retried);
  passiveFailure(last.nodeId);
}
