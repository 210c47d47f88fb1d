// The statements the sync and the lookups send, and the decoding of their rows (the writer's
// are in health/registry_sql.ts and health/move_sql.ts). The sync statements are constants; the
// two lookups take a monitor id that parsed as an integer, or a push token that passed its
// charset check and is quoted by ngx.quote_sql_str on top of it.
import { isValidPushToken } from "../core/keys";
import { AgentRow } from "../core/handover";
import { AwayRow, MonitorGroup, MonitorRow, NodeRow } from "../core/snapshot";
import type { MysqlRow } from "resty.mysql";
import * as db from "./db";

/** last_seen_age uses the database clock, like the nodes that write last_seen. */
export const NODES_SQL =
  "SELECT node_id, node_name, COALESCE(host, '') AS host, COALESCE(status, 'offline') AS status, " +
  "COALESCE(is_primary, 0) AS is_primary, " +
  "COALESCE(TIMESTAMPDIFF(SECOND, last_seen, UTC_TIMESTAMP()), -1) AS last_seen_age FROM node";

export const MONITORS_SQL =
  "SELECT id, COALESCE(assigned_node, node_id, '') AS owner, COALESCE(push_token, '') AS push_token " + "FROM monitor WHERE active = 1";

/**
 * The monitors query summed up by the database, one row per effective owner: how many active
 * monitors, and the XOR of a 64-bit hash of each row (MD5's first 16 hex digits; not CRC32,
 * whose linearity keeps the XOR unchanged when two monitors swap owners, as a failover and its
 * return do). The sync reads the monitors only when these rows move.
 */
export const MONITOR_GROUPS_SQL =
  "SELECT COALESCE(assigned_node, node_id, '') AS owner, COUNT(*) AS monitors, " +
  "HEX(BIT_XOR(CAST(CONV(LEFT(MD5(CONCAT_WS('/', id, COALESCE(assigned_node, node_id, ''), " +
  "COALESCE(push_token, ''))), 16), 16, 10) AS UNSIGNED))) AS digest " +
  "FROM monitor WHERE active = 1 GROUP BY owner ORDER BY owner";

export const SETUP_SQL = "SELECT EXISTS (SELECT 1 FROM `user`) AS setup_complete";

/**
 * Per node, the active monitors the router moved away from it and that still carry the owner
 * it wrote (a record an operator overtook counts for nothing). Read with the monitors: a move
 * record changes only together with its monitor's owner.
 */
export const AWAY_SQL =
  "SELECT r.from_node AS node_id, COUNT(*) AS away FROM kuma_cluster_move r " +
  "JOIN monitor m ON m.id = r.monitor_id AND m.active = 1 AND m.assigned_node = r.to_node AND r.kind <> 'rebalance' " +
  "GROUP BY r.from_node ORDER BY r.from_node";

/** What the nodes' agents last reported; ages by the database clock, as for last_seen. */
export const AGENTS_SQL =
  "SELECT node_id, handover, COALESCE(detail, '') AS detail, COALESCE(agent_version, '') AS agent_version, " +
  "TIMESTAMPDIFF(MICROSECOND, seen_at, UTC_TIMESTAMP(3)) / 1000000 AS seen_age, " +
  "COALESCE(TIMESTAMPDIFF(MICROSECOND, last_reconcile_at, UTC_TIMESTAMP(3)) / 1000000, -1) AS reconcile_age, " +
  "COALESCE(last_reconcile_ms, -1) AS reconcile_ms FROM kuma_cluster_agent ORDER BY node_id";

/** The change log's last sequence number: read before a full read of the monitors. */
export const CHANGE_CURSOR_SQL = "SELECT COALESCE(MAX(seq), 0) AS seq FROM kuma_cluster_monitor_change";

/** The change log after `cursor`, at most `limit` rows. */
export function changesSinceSql(cursor: number, limit: number): string {
  return `SELECT seq, monitor_id, COALESCE(old_token, '') AS old_token FROM kuma_cluster_monitor_change WHERE seq > ${math.floor(cursor)} ORDER BY seq LIMIT ${math.floor(limit)}`;
}

/** Change-log rows older than an hour: every router has read them (or resynced in full since). */
export const PRUNE_CHANGES_SQL = "DELETE FROM kuma_cluster_monitor_change WHERE changed_at < NOW(3) - INTERVAL 1 HOUR LIMIT 100000";

/** The present state of these monitors, active ones only (the ids are integers from the change log). */
export function activeMonitorsSql(ids: number[]): string {
  return `${MONITORS_SQL} AND id IN (${ids.map((id) => `${math.floor(id)}`).join(",")})`;
}

/** The drained nodes (core/router_tables.ts); read at every sync, a drain shows within one. */
export const DRAINS_SQL = "SELECT node_id FROM kuma_cluster_drain ORDER BY node_id";

const MONITOR_COLUMNS = "SELECT id, COALESCE(assigned_node, node_id, '') AS owner, COALESCE(push_token, '') AS push_token FROM monitor";

export function monitorByIdSql(id: number): string {
  // An integer formats as digits only; anything else never gets here.
  return `${MONITOR_COLUMNS} WHERE id = ${math.floor(id)} LIMIT 1`;
}

export function monitorByTokenSql(token: string): string | undefined {
  if (!isValidPushToken(token)) return undefined;
  return `${MONITOR_COLUMNS} WHERE push_token = ${ngx.quote_sql_str(token)} LIMIT 1`;
}

/** The statement's rows through `map`, or undefined when it failed. */
function mapped<T>(res: db.Result, map: (r: MysqlRow) => T): T[] | undefined {
  if (res.rows === undefined) return undefined;
  const out: T[] = [];
  for (const r of res.rows) out.push(map(r));
  return out;
}

export function nodeRows(res: db.Result): NodeRow[] | undefined {
  return mapped(res, (r) => ({
    node_id: db.text(r.node_id),
    node_name: db.text(r.node_name),
    host: db.text(r.host),
    status: db.text(r.status),
    is_primary: db.num(r.is_primary, 0),
    last_seen_age: db.num(r.last_seen_age, -1),
  }));
}

export function monitorRows(res: db.Result): MonitorRow[] | undefined {
  return mapped(res, (r) => ({ id: db.num(r.id, 0), owner: db.text(r.owner), push_token: db.text(r.push_token) }));
}

export function monitorGroups(res: db.Result): MonitorGroup[] | undefined {
  return mapped(res, (r) => ({ owner: db.text(r.owner), monitors: db.num(r.monitors, 0), digest: db.text(r.digest) }));
}

/** A router table that an older database lacks reads as empty. */
function orEmpty<T>(res: db.Result, map: (r: MysqlRow) => T): T[] | undefined {
  return res.errno === db.NO_SUCH_TABLE ? [] : mapped(res, map);
}

export function awayRows(res: db.Result): AwayRow[] | undefined {
  return orEmpty(res, (r) => ({ node_id: db.text(r.node_id), away: db.num(r.away, 0) }));
}

export function drainRows(res: db.Result): string[] | undefined {
  return orEmpty(res, (r) => db.text(r.node_id));
}

export function agentRows(res: db.Result): AgentRow[] | undefined {
  return orEmpty(res, (r) => ({
    node_id: db.text(r.node_id),
    handover: db.text(r.handover),
    detail: db.text(r.detail),
    agent_version: db.text(r.agent_version),
    seen_age: db.num(r.seen_age, 0),
    reconcile_age: db.num(r.reconcile_age, -1),
    reconcile_ms: db.num(r.reconcile_ms, -1),
  }));
}

export interface ChangeRow {
  seq: number;
  monitor_id: number;
  old_token: string;
}

export function changeRows(res: db.Result): ChangeRow[] | undefined {
  return mapped(res, (r) => ({ seq: db.num(r.seq, 0), monitor_id: db.num(r.monitor_id, 0), old_token: db.text(r.old_token) }));
}

/** The single number of a one-row, one-column answer (`n` or `seq`). */
export function singleNumber(res: db.Result, column: string): number | undefined {
  if (res.rows === undefined || res.rows.length === 0) return undefined;
  return db.num(res.rows[0][column], 0);
}

/** Setup is complete once the user table has a row. */
export function setupComplete(rows: db.Result): boolean | undefined {
  if (rows.rows === undefined) return undefined;
  return rows.rows.length > 0 && db.num(rows.rows[0].setup_complete, 0) === 1;
}
