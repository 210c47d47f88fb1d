// The active prober: one worker per nginx instance (the lease holder) probes every registered
// node that has an address, online or offline in the registry (an offline node that answers
// again must be able to come back), every HEALTH_CHECK_INTERVAL, in batches of light threads.
// Results go through health/state.ts, which every worker reads.
import * as config from "../config";
import * as store from "../cluster/snapshot_store";
import { probeObservation } from "../core/health";
import { NodeInfo } from "../core/snapshot";
import { holdLease } from "../lease";
import { releaseLease } from "../lease";
import { runLoop } from "./loop";
import { ProbeAnswer, probe } from "./probe";
import * as state from "./state";

export const LEASE = "health-prober";
/** Renewed every writer step (0.1 s) and prober step: a dead worker is replaced this fast. */
export const LEASE_TTL_S = 5;
/** Probes in flight at once: a handful of hanging nodes cannot starve the others. */
const BATCH = 8;
/** How often a worker without the lease checks whether the holder died. */
const MAX_STEP_S = 0.5;
const MIN_STEP_S = 0.005;

let nextRoundAt = 0;
let rounds = 0;
let probing = false;

/** Probe rounds this worker completed: the writer reconciles after each one. */
export function completedRounds(): number {
  return rounds;
}

/** True while a round runs: the writer waits for its transitions to land together. */
export function roundInProgress(): boolean {
  return probing;
}

function describe(answer: ProbeAnswer): string {
  const r = answer.result;
  return r.kind === "status" ? `${r.status} in ${answer.ms} ms` : `${r.error} after ${answer.ms} ms`;
}

function probeNode(this: void, node: NodeInfo): void {
  const h = config.get().health;
  if (node.address === undefined) return;
  const answer = probe(node.address, h.path, h.timeoutMs);
  state.setLastProbe(node.id, describe(answer));
  state.record(node.id, node.online, probeObservation(answer.result, h.healthyStatuses));
}

/** One round: every addressable node, BATCH at a time. */
export function probeAll(nodes: NodeInfo[]): void {
  const targets = nodes.filter((n) => n.address !== undefined);
  for (let i = 0; i < targets.length && !ngx.worker.exiting(); i += BATCH) {
    const threads = targets.slice(i, i + BATCH).map((n) => ngx.thread.spawn(probeNode, n));
    for (const t of threads) {
      const [ok, err] = ngx.thread.wait(t);
      if (!ok) ngx.log(ngx.ERR, `health probe failed: ${tostring(err)}`);
    }
  }
}

function step(): void {
  if (!holdLease(LEASE, LEASE_TTL_S)) {
    nextRoundAt = 0;
    return;
  }
  ngx.update_time();
  const now = ngx.now();
  if (now < nextRoundAt) return;
  const snapshot = store.current();
  if (snapshot === undefined) {
    nextRoundAt = 0;
    return;
  }
  nextRoundAt = now + config.get().health.intervalS;
  probing = true;
  const [ok, err] = pcall(probeAll, snapshot.nodes);
  probing = false;
  if (!ok) throw err;
  state.prune(snapshot.nodeById);
  rounds++;
}

/** Until the next round is due, at most MAX_STEP_S (rounds start on time, not on a grid). */
function stepSeconds(): number {
  ngx.update_time();
  const wait = nextRoundAt - ngx.now();
  if (nextRoundAt === 0) return MAX_STEP_S;
  // ngx.sleep below a millisecond is a sleep(0): a busy loop on this runtime.
  return Math.max(MIN_STEP_S, Math.min(wait, MAX_STEP_S));
}

/** init_worker: every worker runs the loop; only the lease holder probes. */
export function start(): void {
  runLoop("health prober", stepSeconds, step, () => releaseLease(LEASE));
}
