// The active prober: one worker per nginx instance (the lease holder) probes every registered
// node of its own that has an address (never a foreign one: core/world.ts), online or offline in the registry (an offline node that answers
// again must be able to come back), every HEALTH_CHECK_INTERVAL, in batches of light threads.
// Alongside the rounds it answers urgent requests from the passive checks (a proxied try
// failed): such failures only take a node down once a probe fails too, so that probe must come
// at once.
// Results go through health/verdicts.ts, which every worker reads.
import * as config from "../runtime/config";
import * as store from "../cluster/snapshot_store";
import { ProbeResult, parseStatusLine, probeObservation } from "../core/health";
import { HostPort, formatHostPort } from "../core/host";
import { NodeInfo } from "../core/snapshot";
import { holdLease, leaseHolder, releaseLease } from "../runtime/lease";
import { runLoop } from "../runtime/loop";
import { forget, resolve } from "../dns/resolve";
import * as verdicts from "./verdicts";

/** Probes in flight at once: a handful of hanging nodes cannot starve the others. */
const BATCH = 8;
/** How often a worker without the lease checks whether the holder died. */
const MAX_STEP_S = 0.5;
/** How often the lease holder looks for the first snapshot: the first round follows the first sync. */
const SNAPSHOT_WAIT_S = 0.05;
const MIN_STEP_S = 0.005;
/**
 * How often the lease holder looks for urgent requests: a dead node's first failed try is
 * confirmed by a refused connect within this, so its traffic stops well within a second.
 */
const URGENT_STEP_S = 0.1;
/**
 * At most one urgent probe per node this often: clients can provoke passive failures at will,
 * and must not turn them into a probe storm against a node.
 */
const URGENT_SPACING_S = 0.5;

// --- one probe ---------------------------------------------------------------------------
// One active probe: HTTP/1.1 GET of the health path over a cosocket, within one time budget
// for DNS, connect, send and the status line. Only the status line is read; the connection is
// closed (never pooled), so a node that answers slowly costs nothing after the deadline.
const USER_AGENT = "kuma-cluster-router/health";

export interface ProbeAnswer {
  result: ProbeResult;
  /** Wall time of the probe, milliseconds. */
  ms: number;
}

function request(path: string, address: HostPort): string {
  // Host is the registry's host:port: what the node would see through its own Service.
  return `GET ${path} HTTP/1.1\r\nHost: ${formatHostPort(address)}\r\nUser-Agent: ${USER_AGENT}\r\nAccept: */*\r\nConnection: close\r\n\r\n`;
}

/** Milliseconds left before the deadline (at least 1: settimeout(0) would mean "no timeout"). */
function remaining(deadline: number): number {
  ngx.update_time();
  return Math.max(1, Math.floor((deadline - ngx.now()) * 1000));
}

function exchange(address: HostPort, path: string, timeoutMs: number, started: number): ProbeResult {
  const deadline = started + timeoutMs / 1000;
  const [ip, dnsErr] = resolve(address.host);
  if (ip === undefined) return { kind: "error", error: `dns: ${dnsErr ?? "no address"}` };
  const sock = ngx.socket.tcp();
  sock.settimeout(remaining(deadline));
  const [connected, connErr] = sock.connect(ip, address.port);
  if (connected === undefined) {
    forget(address.host);
    return { kind: "error", error: `connect: ${connErr}` };
  }
  sock.settimeout(remaining(deadline));
  const [sent, sendErr] = sock.send(request(path, address));
  if (sent === undefined) {
    sock.close();
    return { kind: "error", error: `send: ${sendErr}` };
  }
  sock.settimeout(remaining(deadline));
  const [line, readErr] = sock.receive("*l");
  sock.close();
  if (line === undefined) return { kind: "error", error: `read: ${readErr}` };
  const status = parseStatusLine(line);
  return status === undefined ? { kind: "error", error: "not an HTTP/1.x status line" } : { kind: "status", status };
}

/** Probes `address` (a registry host, resolved here) at `path`. Never throws. */
export function probe(address: HostPort, path: string, timeoutMs: number): ProbeAnswer {
  ngx.update_time();
  const started = ngx.now();
  const result = exchange(address, path, timeoutMs, started);
  ngx.update_time();
  return { result, ms: Math.floor((ngx.now() - started) * 1000) };
}

// --- rounds and urgent probes --------------------------------------------------------------
let nextRoundAt = 0;
/** The lease holder has no snapshot yet to probe from. */
let awaitingSnapshot = false;
/** Nodes this worker is probing now (round or urgent): an urgent probe waits for these. */
const inFlight: Record<string, true> = {};
/** When this worker last started an urgent probe of each node (ngx.now()). */
const lastUrgentAt: Record<string, number> = {};

function describe(answer: ProbeAnswer): string {
  const r = answer.result;
  return r.kind === "status" ? `${r.status} in ${answer.ms} ms` : `${r.error} after ${answer.ms} ms`;
}

function probeNode(this: void, node: NodeInfo): void {
  const h = config.get().health;
  if (node.address === undefined) return;
  // This probe answers every urgent request made so far (see verdicts.clearProbeRequest).
  verdicts.clearProbeRequest(node.id);
  inFlight[node.id] = true;
  const [ok, answer] = pcall(probe, node.address, h.path, h.timeoutMs);
  delete inFlight[node.id];
  if (!ok) throw answer;
  verdicts.setLastProbe(node.id, describe(answer));
  verdicts.record(node.id, node.online, probeObservation(answer.result, h.healthyStatuses));
}

/** A node this router manages and can address: another world's names may not resolve here. */
function isProbed(this: void, n: NodeInfo): boolean {
  return n.address !== undefined && !n.foreign;
}

/** Probes `nodes` (at most BATCH) in parallel light threads and waits for all of them. */
function probeBatch(nodes: NodeInfo[]): void {
  const threads = nodes.map((n) => ngx.thread.spawn(probeNode, n));
  for (const t of threads) {
    const [ok, err] = ngx.thread.wait(t);
    if (!ok) ngx.log(ngx.ERR, `health probe failed: ${tostring(err)}`);
  }
}

/** One round: every addressable node, BATCH at a time. */
export function probeAll(nodes: NodeInfo[]): void {
  const targets = nodes.filter((n) => isProbed(n));
  for (let i = 0; i < targets.length && !ngx.worker.exiting(); i += BATCH) probeBatch(targets.slice(i, i + BATCH));
}

/**
 * Urgent probes: nodes the passive checks asked about, not being probed already and not
 * probed urgently within URGENT_SPACING_S, at most BATCH at once. A request that has to wait
 * stays set and is served at a later step.
 */
export function probeUrgent(nodes: NodeInfo[]): NodeInfo[] {
  ngx.update_time();
  const now = ngx.now();
  const due: NodeInfo[] = [];
  for (const n of nodes) {
    if (due.length >= BATCH) break;
    if (!isProbed(n) || inFlight[n.id] === true || !verdicts.probeRequested(n.id)) continue;
    const last = lastUrgentAt[n.id];
    if (last !== undefined && now - last < URGENT_SPACING_S) continue;
    lastUrgentAt[n.id] = now;
    due.push(n);
  }
  if (due.length > 0) probeBatch(due);
  return due;
}

function step(): void {
  if (!holdLease(verdicts.LEASE, verdicts.LEASE_TTL_S)) {
    nextRoundAt = 0;
    awaitingSnapshot = false;
    return;
  }
  ngx.update_time();
  const now = ngx.now();
  if (now < nextRoundAt) return;
  const snapshot = store.current();
  awaitingSnapshot = snapshot === undefined;
  if (snapshot === undefined) {
    nextRoundAt = 0;
    return;
  }
  nextRoundAt = now + config.get().health.intervalS;
  verdicts.roundStarted();
  const [ok, err] = pcall(probeAll, snapshot.nodes);
  verdicts.roundEnded(ok);
  if (!ok) throw err;
  verdicts.prune(snapshot.nodeById);
}

/** Until the next round is due, at most MAX_STEP_S (rounds start on time, not on a grid). */
function stepSeconds(): number {
  ngx.update_time();
  const wait = nextRoundAt - ngx.now();
  if (nextRoundAt === 0) return awaitingSnapshot ? SNAPSHOT_WAIT_S : MAX_STEP_S;
  // ngx.sleep below a millisecond is a sleep(0): a busy loop on this runtime.
  return Math.max(MIN_STEP_S, Math.min(wait, MAX_STEP_S));
}

/** The urgent loop follows the lease the round loop holds; it never takes it. */
function urgentStep(): void {
  if (leaseHolder(verdicts.LEASE) !== ngx.worker.pid()) return;
  const snapshot = store.current();
  if (snapshot !== undefined) probeUrgent(snapshot.nodes);
}

/**
 * init_worker: every worker runs both loops; only the lease holder probes. Urgent probes have
 * their own loop so that a round slowed by hanging nodes (up to one timeout per batch) does
 * not hold them up.
 */
export function start(): void {
  runLoop("health prober", stepSeconds, step, () => releaseLease(verdicts.LEASE));
  runLoop(
    "health urgent probes",
    () => URGENT_STEP_S,
    urgentStep,
    () => undefined,
  );
}
