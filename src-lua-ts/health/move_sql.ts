// The writer's SQL for its move record (core/router_tables.ts, core/ownership.ts). Like
// registry_sql.ts: node ids checked against the node-id rule, then quoted by ngx.quote_sql_str;
// monitor ids are integers read from the database, formatted as digits. Each statement carries
// the condition it relies on, so running it twice changes nothing.
import { quoteNodeId, monitorIdList } from "./registry_sql";

/**
 * Every record of a temporary move with its monitor's row as it is now, locked until COMMIT. A
 * rebalance record only keeps its monitor from moving again within the cool-down.
 */
export const RECORDS_SQL =
  "SELECT r.monitor_id, r.from_node, r.to_node, m.id IS NOT NULL AS present, " +
  "COALESCE(m.node_id, '') AS node_id, COALESCE(m.assigned_node, '') AS assigned_node " +
  "FROM kuma_cluster_move r LEFT JOIN monitor m ON m.id = r.monitor_id WHERE r.kind <> 'rebalance' ORDER BY r.monitor_id FOR UPDATE";

/** An age in seconds as a MariaDB interval (microseconds: fractional settings stay exact). */
function ago(seconds: number): string {
  return `UTC_TIMESTAMP(3) - INTERVAL ${string.format("%.0f", seconds * 1e6)} MICROSECOND`;
}

/**
 * The targets' monitors a rebalance may move: active, their creator's (no assigned_node: never
 * an operator's override nor a move in force), not rebalanced within the cool-down.
 */
export function movableSql(targets: string[], cooldownS: number): string {
  return (
    "SELECT m.id, m.node_id FROM monitor m LEFT JOIN kuma_cluster_move r ON r.monitor_id = m.id " +
    `WHERE m.active = 1 AND m.assigned_node IS NULL AND m.node_id IN (${targets.map((id) => quoteNodeId(id)).join(", ")}) ` +
    `AND (r.monitor_id IS NULL OR r.kind <> 'rebalance' OR r.moved_at < ${ago(cooldownS)}) ORDER BY m.id`
  );
}

/** Gives `ids` to `to` for good, each only while it is still `from`'s own, unassigned and active. */
export function rebalanceSql(from: string, to: string, ids: number[]): string {
  return (
    `UPDATE monitor SET node_id = ${quoteNodeId(to)} WHERE id IN (${monitorIdList(ids)}) ` +
    `AND active = 1 AND assigned_node IS NULL AND node_id = ${quoteNodeId(from)}`
  );
}

/** Records the rebalance of the `ids` now on `to` (their cool-down starts). */
export function rebalanceRecordSql(from: string, to: string, ids: number[]): string {
  return (
    "INSERT INTO kuma_cluster_move (monitor_id, from_node, to_node, kind, moved_at) " +
    `SELECT id, ${quoteNodeId(from)}, node_id, 'rebalance', UTC_TIMESTAMP(3) FROM monitor ` +
    `WHERE id IN (${monitorIdList(ids)}) AND node_id = ${quoteNodeId(to)} AND assigned_node IS NULL ` +
    "ON DUPLICATE KEY UPDATE from_node = VALUES(from_node), to_node = VALUES(to_node), kind = VALUES(kind), moved_at = VALUES(moved_at)"
  );
}

/** Rebalance records past their cool-down describe nothing any more. */
export function expiredRebalancesSql(cooldownS: number): string {
  return `DELETE FROM kuma_cluster_move WHERE kind = 'rebalance' AND moved_at < ${ago(cooldownS)}`;
}

/**
 * Moved monitors go back (`value` "" = NULL: the creator's node), each only while its
 * assigned_node is still what the router wrote: an operator's change since is never undone.
 */
export function returnSql(value: string, ids: number[]): string {
  const v = value === "" ? "NULL" : quoteNodeId(value);
  return (
    `UPDATE monitor m JOIN kuma_cluster_move r ON r.monitor_id = m.id SET m.assigned_node = ${v} ` +
    `WHERE m.id IN (${monitorIdList(ids)}) AND m.assigned_node = r.to_node`
  );
}

/**
 * Moved monitors whose from node is gone for good: the owner the router wrote becomes their
 * node_id, assigned_node NULL (the record is forgotten after), only where the write is still in place.
 */
export function rehomeSql(ids: number[]): string {
  return (
    "UPDATE monitor m JOIN kuma_cluster_move r ON r.monitor_id = m.id SET m.node_id = r.to_node, m.assigned_node = NULL " +
    `WHERE m.id IN (${monitorIdList(ids)}) AND m.assigned_node = r.to_node`
  );
}

/**
 * Drops records that no longer describe their monitor (returned just now, edited by an
 * operator, monitor deleted). A record still in force is kept whatever the caller asked.
 */
export function forgetSql(ids: number[]): string {
  return (
    "DELETE r FROM kuma_cluster_move r LEFT JOIN monitor m ON m.id = r.monitor_id " +
    `WHERE r.monitor_id IN (${monitorIdList(ids)}) AND (m.id IS NULL OR NOT (m.assigned_node <=> r.to_node))`
  );
}

/**
 * Records the failover of `ids` from `from` to `to`, for the monitors that now carry `to` (the
 * write it records, in the same transaction). A monitor moved again (its temporary owner went
 * down too) is passed with its record's from node, so it still returns there. moved_at is the
 * latest write's time.
 */
export function recordSql(from: string, to: string, ids: number[], kind: string): string {
  const target = quoteNodeId(to);
  return (
    "INSERT INTO kuma_cluster_move (monitor_id, from_node, to_node, kind, moved_at) " +
    `SELECT id, ${quoteNodeId(from)}, assigned_node, ${ngx.quote_sql_str(kind)}, UTC_TIMESTAMP(3) FROM monitor ` +
    `WHERE id IN (${monitorIdList(ids)}) AND assigned_node = ${target} ` +
    "ON DUPLICATE KEY UPDATE from_node = VALUES(from_node), to_node = VALUES(to_node), kind = VALUES(kind), moved_at = VALUES(moved_at)"
  );
}
