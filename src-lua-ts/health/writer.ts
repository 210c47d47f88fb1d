// The registry writer: in the prober's worker, and in one router of the cluster at a time
// (the one whose session holds the MariaDB named lock). Each step it writes node.status for
// this router's transitions and for stale nodes, then reconciles monitors: a down node's go to
// healthy nodes, those it moved away from a confirmed-up node come back, all in one transaction
// with its move record (health/monitor_moves.ts). Steps are cheap until
// something changed: a verdict, a pending write, the snapshot, or a finished probe round.
import * as config from "../runtime/config";
import * as sync from "../cluster/sync";
import * as store from "../cluster/snapshot_store";
import { isStale, planStatusWrites } from "../core/health";
import { Snapshot } from "../core/snapshot";
import { KEYS, healthDict } from "../runtime/dicts";
import { holdLease } from "../runtime/lease";
import { runLoop } from "../runtime/loop";
import { moveMonitors } from "./monitor_moves";
import { rebalanceStep } from "./rebalance";
import { statusSql } from "./registry_sql";
import * as session from "./writer_session";
import * as verdicts from "./verdicts";

/** How soon a transition reaches the database (and monitors move). */
const STEP_S = 0.1;
/** A router that is not the writer asks for the lock this often (on its open session). */
const ACQUIRE_EVERY_S = 2;
/** The writer proves it still holds the lock this often (well within SESSION_IDLE_S). */
const CONFIRM_EVERY_S = 5;
/** After a failed write, the same work is retried this much later, not every step. */
const RETRY_AFTER_S = 1;
/** kuma_health key naming the worker (pid) that holds the lock; expires if it dies. */
const WRITER_KEY = KEYS.health.writerPid;
const WRITER_KEY_TTL_S = 2;
/**
 * Status writes and monitor moves that changed rows, each counted as soon as it committed (before
 * the snapshot refresh after it): /lb/status shows that only the writer writes.
 */
const WRITES_KEY = KEYS.health.writes;

let nextAcquireAt = 0;
let nextConfirmAt = 0;
let lastSnapshot: Snapshot | undefined;
let lastSnapshotKey = "";
let lastKey = "";
let retryAt = 0;
let lastAcquireError: string | undefined;

/**
 * What the writer's decisions read from the snapshot. last_seen ages move every second, so the
 * snapshot's version does too: only a node crossing the stale line matters.
 */
function snapshotKey(snapshot: Snapshot): string {
  const staleAfterS = config.get().health.staleAfterS;
  const parts: string[] = [];
  for (const n of snapshot.nodes) {
    parts.push(
      `${n.id}:${n.online ? 1 : 0}${n.address !== undefined ? 1 : 0}${isStale(n.lastSeenAge, staleAfterS) ? 1 : 0}${n.drained === true ? 1 : 0}:${n.owned}`,
    );
  }
  return parts.join(",");
}

/** Publishes what was just written, so routing and the next step see it now, not a sync later. */
function refreshSnapshot(): Snapshot | undefined {
  const [, err] = sync.syncOnce();
  if (err !== undefined) ngx.log(ngx.WARN, `health writer: snapshot refresh failed: ${err}`);
  return store.current();
}

/**
 * node.status write-back on the writer's session: this router's transitions, and stale nodes
 * that fail their probes (core/health.ts planStatusWrites decides). Returns [rows written, failed].
 */
function writeStatuses(snapshot: Snapshot): [number, boolean] {
  const pending = verdicts.pending();
  const plan = planStatusWrites(verdicts.registryNodes(snapshot), pending, config.get().health.staleAfterS);
  for (const id of plan.settled) verdicts.settle(id, pending[id]);
  let written = 0;
  for (const w of plan.writes) {
    const res = session.exec(statusSql(w.id, w.status));
    if (res.error !== undefined) {
      ngx.log(ngx.WARN, `health writer: node ${w.id} -> ${w.status}: ${res.error}`);
      return [written, true];
    }
    if (w.reason === "transition") verdicts.settle(w.id, w.status);
    const rows = res.ok?.affected_rows ?? 0;
    written += rows;
    if (rows > 0) ngx.log(ngx.NOTICE, `health writer: node ${w.id} marked ${w.status} in the registry (${w.reason})`);
  }
  return [written, false];
}

export interface WriteOutcome {
  /** node rows whose status was written. */
  written: number;
  /** monitors given away or returned. */
  moved: number;
  /** move records dropped because someone else changed their monitors. */
  dropped: number;
  failed: boolean;
}

/** One pass of the writer's work on its session (which must hold the lock). */
export function writeOnce(snapshot: Snapshot): WriteOutcome {
  const [written, statusFailed] = writeStatuses(snapshot);
  if (written > 0) healthDict.incr(WRITES_KEY, 1, 0);
  const current = written > 0 ? (refreshSnapshot() ?? snapshot) : snapshot;
  if (statusFailed) return { written, moved: 0, dropped: 0, failed: true };
  const { moved, dropped, failed } = moveMonitors(current);
  if (moved > 0 || dropped > 0) healthDict.incr(WRITES_KEY, 1, 0);
  if (moved > 0) refreshSnapshot();
  return { written, moved, dropped, failed };
}

function becomeWriter(now: number): boolean {
  if (session.holding()) return true;
  if (now < nextAcquireAt) return false;
  nextAcquireAt = now + ACQUIRE_EVERY_S;
  const [got, err] = session.acquire();
  if (!got) {
    if (err !== undefined && err !== lastAcquireError) ngx.log(ngx.WARN, `health writer: cannot try the writer lock: ${err}`);
    lastAcquireError = err;
    return false;
  }
  lastAcquireError = undefined;
  nextConfirmAt = now + CONFIRM_EVERY_S;
  lastKey = "";
  ngx.log(ngx.NOTICE, "health writer: this router now writes the registry (MariaDB lock held)");
  // The router's own tables, where an older database lacks them (retried before each move).
  session.ensureTables();
  return true;
}

function step(): void {
  if (!holdLease(verdicts.LEASE, verdicts.LEASE_TTL_S)) {
    stop();
    return;
  }
  ngx.update_time();
  const now = ngx.now();
  // Every router's prober, writer or not: the lock may move to it while a node is away.
  const seen = store.current();
  if (seen !== undefined) verdicts.holdAwayNodes(seen);
  if (!becomeWriter(now)) return;
  if (now >= nextConfirmAt) {
    nextConfirmAt = now + CONFIRM_EVERY_S;
    if (!session.confirm()) {
      ngx.log(ngx.WARN, "health writer: lost the writer lock (session ended)");
      return stop();
    }
  }
  healthDict.set(WRITER_KEY, ngx.worker.pid(), WRITER_KEY_TTL_S);
  // A round's verdicts are written together, so "every node down" is seen as such.
  if (verdicts.roundInProgress()) return;
  const snapshot = store.current();
  if (snapshot === undefined) return;
  if (snapshot !== lastSnapshot) {
    lastSnapshot = snapshot;
    lastSnapshotKey = snapshotKey(snapshot);
  }
  const key = `${verdicts.verdictVersion()}/${verdicts.pendingVersion()}/${verdicts.completedRounds()}/${lastSnapshotKey}`;
  if (key === lastKey || now < retryAt) {
    // Settle time passes without any change of key: the rebalance looks every step.
    if (now >= retryAt) rebalance(snapshot, now);
    return;
  }
  if (writeOnce(snapshot).failed) {
    retryAt = now + RETRY_AFTER_S;
    return;
  }
  lastKey = key;
}

function rebalance(snapshot: Snapshot, now: number): void {
  const moved = rebalanceStep(snapshot, now);
  if (moved < 0) retryAt = now + RETRY_AFTER_S;
  else if (moved > 0) {
    healthDict.incr(WRITES_KEY, 1, 0);
    refreshSnapshot();
  }
}

function stop(): void {
  if (session.holding()) ngx.log(ngx.NOTICE, "health writer: giving up the writer lock");
  session.release();
  const [pid] = healthDict.get(WRITER_KEY);
  if (pid === ngx.worker.pid()) healthDict.delete(WRITER_KEY);
}

/** The worker holding the writer lock in this router, if any. */
export function writerPid(): number | undefined {
  const [pid] = healthDict.get(WRITER_KEY);
  return typeof pid === "number" ? pid : undefined;
}

export function writes(): number {
  const [n] = healthDict.get(WRITES_KEY);
  return typeof n === "number" ? n : 0;
}

/** init_worker: every worker runs the loop; the prober's worker writes when it holds the lock. */
export function start(): void {
  runLoop("health writer", () => STEP_S, step, stop);
}
