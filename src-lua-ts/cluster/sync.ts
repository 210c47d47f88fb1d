// Reads the cluster from MariaDB into the shared snapshot: one worker per nginx instance (by
// lease) every ROUTER_SYNC_INTERVAL seconds. Four constant queries per sync (two more when the
// monitors changed: them, and the router's moves of them), none per request; the nodes' agents
// every few seconds (cluster/agents.ts).
// While the database is unreachable the last snapshot stays in force; the failure is logged
// once when it starts and once per minute after that, and the status shows the snapshot's age.
import * as config from "../config";
import { buildNodes, buildSnapshot, markDrained, monitorsSource } from "../core/snapshot";
import { snapshotDict } from "../dicts";
import { guard } from "../hooks/guard";
import { holdLease } from "../lease";
import * as db from "./db";
import * as agents from "./agents";
import { AWAY_SQL, DRAINS_SQL, MONITORS_SQL, MONITOR_GROUPS_SQL, NODES_SQL, SETUP_SQL, awayRows, drainRows, monitorGroups, monitorRows, nodeRows, setupComplete } from "./queries";
import * as store from "./snapshot_store";

const LEASE = "snapshot-sync";
/** A dead holder's lease lapses after this many intervals; then another worker syncs. */
const LEASE_INTERVALS = 3;
/** While the database stays down, repeat the error at most this often (seconds). */
const REPEAT_ERROR_EVERY_S = 60;

/** kuma_snapshot key: when the failure was last logged, whichever worker synced then. */
const ERROR_LOGGED_AT = "error_logged_at";

/** This worker's sync is still waiting on the database (up to DB_TIMEOUT per step). */
let syncing = false;

/**
 * One sync: read, build, publish. Returns the published version or an error. The monitors are
 * read only when the database's per-owner summary of them moved: at 100,000 monitors the full
 * read costs the syncing worker half a second every interval (docs/benchmarks.md).
 */
export function syncOnce(): LuaMultiReturn<[number | undefined, string | undefined]> {
  const nodes = read(NODES_SQL, nodeRows, "nodes");
  if (nodes.value === undefined) return $multi(undefined, nodes.error);
  const groups = read(MONITOR_GROUPS_SQL, monitorGroups, "monitor summary");
  if (groups.value === undefined) return $multi(undefined, groups.error);
  const setup = read(SETUP_SQL, setupComplete, "setup");
  if (setup.value === undefined) return $multi(undefined, setup.error);
  const drains = read(DRAINS_SQL, drainRows, "drained nodes");
  if (drains.value === undefined) return $multi(undefined, drains.error);
  const { hostRules: rules, managed } = config.get();
  const source = monitorsSource(groups.value);
  if (source === store.monitorsSource()) {
    return store.publishNodes({ nodes: markDrained(buildNodes(nodes.value, groups.value, rules, managed), drains.value), setupComplete: setup.value });
  }
  const monitors = read(MONITORS_SQL, monitorRows, "monitors");
  if (monitors.value === undefined) return $multi(undefined, monitors.error);
  const away = read(AWAY_SQL, awayRows, "moved monitors");
  if (away.value === undefined) return $multi(undefined, away.error);
  const built = buildSnapshot(nodes.value, monitors.value, setup.value, rules, away.value, managed);
  markDrained(built.nodes, drains.value);
  return store.publish(built, source);
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
