// Reads the cluster from MariaDB into the shared snapshot: one worker per nginx instance (by
// lease) every ROUTER_SYNC_INTERVAL seconds. Five small queries per sync (nodes, setup, the
// drained nodes, the change log since the cursor, the router's moves), one more for the
// monitors that changed, none per request; the nodes' agents every few seconds
// (cluster/agents.ts).
// While the database is unreachable the last snapshot stays in force; the failure is logged
// once when it starts and once per minute after that, and the status shows the snapshot's age.
import * as config from "../runtime/config";
import { buildSnapshot, markDrained, monitorsSource } from "../core/snapshot";
import type { AwayRow, NodeRow } from "../core/snapshot";
import { MonitorDelta, rowsToEntries } from "../core/monitor_maps";
import { KEYS, snapshotDict } from "../runtime/dicts";
import { guard } from "../runtime/guard";
import { holdLease } from "../runtime/lease";
import * as db from "./db";
import * as agents from "./agents";
import * as changes from "./changes";
import {
  AWAY_SQL,
  DRAINS_SQL,
  MONITORS_SQL,
  MONITOR_GROUPS_SQL,
  NODES_SQL,
  SETUP_SQL,
  activeMonitorsSql,
  awayRows,
  drainRows,
  monitorGroups,
  monitorRows,
  nodeRows,
  setupComplete,
} from "./queries";
import * as store from "./snapshot_store";

const LEASE = KEYS.locks.syncLease;
/** A dead holder's lease lapses after this many intervals; then another worker syncs. */
const LEASE_INTERVALS = 3;
/** While the database stays down, repeat the error at most this often (seconds). */
const REPEAT_ERROR_EVERY_S = 60;
/** Last sync longer ago than this: the change log may have been pruned past the cursor (seconds). */
const CURSOR_TRUST_S = 1800;

/** kuma_snapshot key: when the failure was last logged, whichever worker synced then. */
const ERROR_LOGGED_AT = KEYS.snapshot.errorLoggedAt;

/** This worker's sync is still waiting on the database (up to DB_TIMEOUT per step). */
let syncing = false;

type Step = { changed: boolean; error?: string };

/**
 * One sync: read, publish. Returns the published version or an error. The monitors change in
 * proportion to what changed: with the change log (cluster/changes.ts) only the monitors it
 * names are read again; without it, all of them, and only when the database's per-owner
 * summary of them moved (docs/benchmarks.md, "Snapshot at scale").
 */
export function syncOnce(): LuaMultiReturn<[number | undefined, string | undefined]> {
  const nodes = read(NODES_SQL, nodeRows, "nodes");
  if (nodes.value === undefined) return $multi(undefined, nodes.error);
  const setup = read(SETUP_SQL, setupComplete, "setup");
  if (setup.value === undefined) return $multi(undefined, setup.error);
  const drains = read(DRAINS_SQL, drainRows, "drained nodes");
  if (drains.value === undefined) return $multi(undefined, drains.error);
  const step = changes.available() ? syncChanges() : syncBySummary();
  if (step.error !== undefined) return $multi(undefined, step.error);
  // Read with the monitors: a move record changes only together with its monitor's owner.
  const away = read(AWAY_SQL, awayRows, "moved monitors");
  if (away.value === undefined) return $multi(undefined, away.error);
  return store.publishNodes(nodesPart(nodes.value, setup.value, away.value, drains.value), step.changed);
}

function nodesPart(rows: NodeRow[], setup: boolean, away: AwayRow[], drained: string[]): store.NodesPart {
  const { hostRules, managed } = config.get();
  const built = buildSnapshot(rows, [], setup, hostRules, away, managed);
  markDrained(built.nodes, drained);
  return { nodes: built.nodes, setupComplete: setup, awayFrom: built.awayFrom, moved: built.moved };
}

/** All active monitors as a new base. */
function readAll(source: string | undefined): Step {
  const monitors = read(MONITORS_SQL, monitorRows, "monitors");
  if (monitors.value === undefined) return { changed: false, error: monitors.error };
  const [ok, err] = store.publishMonitors(monitors.value, source);
  return ok ? { changed: true } : { changed: false, error: err };
}

/** Without a change log: all monitors again when their per-owner summary moved. */
function syncBySummary(): Step {
  const groups = read(MONITOR_GROUPS_SQL, monitorGroups, "monitor summary");
  if (groups.value === undefined) return { changed: false, error: groups.error };
  const source = monitorsSource(groups.value);
  return source === store.monitorsSource() ? { changed: false } : readAll(source);
}

/** With the change log: the monitors it names since the cursor, or all of them as a new base. */
function syncChanges(): Step {
  const cursor = changes.cursor();
  const lag = store.baseLag();
  const age = store.status().ageS;
  const stale = age === undefined || age > CURSOR_TRUST_S;
  if (cursor !== undefined && lag !== undefined && lag < store.KEEP_DELTAS && !stale) {
    const pending = changes.since(cursor);
    if (typeof pending === "string" && pending !== "overflow") return { changed: false, error: pending };
    if (pending !== "overflow") {
      changes.prune();
      if (pending.rows.length === 0) return { changed: false };
      const step = publishChanges(pending.rows);
      if (step.error === undefined) changes.setCursor(pending.next);
      return step;
    }
  }
  const head = changes.head();
  if (head === undefined) return { changed: false, error: "change log: no head" };
  const step = readAll(undefined);
  if (step.error === undefined) changes.setCursor(head);
  return step;
}

/** The present state of the monitors the change rows name, as one delta. */
function publishChanges(rows: changes.Pending["rows"]): Step {
  const ids: number[] = [];
  const seen: Record<number, boolean> = {};
  const drops: string[] = [];
  for (const r of rows) {
    if (!seen[r.monitor_id]) {
      seen[r.monitor_id] = true;
      ids.push(r.monitor_id);
    }
    if (r.old_token !== "") drops.push(r.old_token, `${r.monitor_id}`);
  }
  const found = read(activeMonitorsSql(ids), monitorRows, "changed monitors");
  if (found.value === undefined) return { changed: false, error: found.error };
  const entries = rowsToEntries(found.value);
  const present: Record<number, boolean> = {};
  for (const m of found.value) present[m.id] = true;
  // Deleted or switched off: gone from the maps.
  for (const id of ids) if (!present[id]) entries.push(`${id}`, "", "");
  const delta: MonitorDelta = { entries, drops };
  const [ok, err] = store.publishDelta(delta);
  return ok ? { changed: true } : { changed: false, error: err };
}

/** One statement's rows, mapped; or what went wrong, named after `what`. */
function read<T>(sql: string, map: (res: db.Result) => T | undefined, what: string): { value?: T; error?: string } {
  const res = db.query(sql);
  const value = map(res);
  return value !== undefined ? { value } : { error: res.error ?? `${what}: no rows` };
}

function reportFailure(err: string): void {
  const first = store.markFailed(err);
  const now = ngx.now();
  const [loggedAt] = snapshotDict.get(ERROR_LOGGED_AT);
  if (first || typeof loggedAt !== "number" || now - loggedAt >= REPEAT_ERROR_EVERY_S) {
    snapshotDict.set(ERROR_LOGGED_AT, now);
    ngx.log(ngx.ERR, `snapshot sync failed, routing from the last snapshot: ${err}`);
  }
}

function reportSuccess(version: number): void {
  const [loggedAt] = snapshotDict.get(ERROR_LOGGED_AT);
  if (loggedAt === undefined) return;
  snapshotDict.delete(ERROR_LOGGED_AT);
  ngx.log(ngx.NOTICE, `snapshot sync recovered at version ${version}`);
}

function tick(premature: boolean): void {
  if (premature) return;
  guard("snapshot sync", () => {
    const interval = config.get().router.syncIntervalS;
    if (!holdLease(LEASE, interval * LEASE_INTERVALS)) return;
    // A partitioned database holds each sync for DB_TIMEOUT: the lease stays renewed, but a
    // tick does not start a second sync beside it (one pending connection, not one per tick).
    if (syncing) return;
    syncing = true;
    let version: number | undefined;
    let err: string | undefined;
    try {
      [version, err] = syncOnce();
      if (version !== undefined) agents.refresh();
    } finally {
      syncing = false;
    }
    if (version === undefined) reportFailure(err ?? "unknown error");
    else reportSuccess(version);
  });
}

/** init_worker: every worker ticks; only the lease holder reads the database. */
export function start(): void {
  ngx.timer.at(0, tick);
  ngx.timer.every(config.get().router.syncIntervalS, tick);
}
