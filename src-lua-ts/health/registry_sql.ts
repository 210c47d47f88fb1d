// The writer's SQL. Node ids are checked against the node-id rule and then quoted by
// ngx.quote_sql_str; monitor ids are integers read from the database and formatted as digits.
// Every UPDATE is conditional on the state it changes, so running it twice changes nothing.
import { RegistryStatus } from "../core/health";
import { isValidNodeId } from "../core/node_id";

const LOCK_PREFIX = "kuma-router-writer:";
/** MariaDB's limit on lock names. */
const LOCK_NAME_MAX = 64;

/**
 * One writer per cluster: a MariaDB named lock, held by the writer's own session. Lock names
 * are server-wide, so the cluster's database is part of the name (hashed when too long): two
 * clusters on one server must not share a writer.
 */
export function writerLock(database: string): string {
  const name = LOCK_PREFIX + database;
  return name.length <= LOCK_NAME_MAX ? name : LOCK_PREFIX + ngx.md5(database);
}

/** A quoted node id, or an error for an id that could not have come from a node. */
export function quoteNodeId(id: string): string {
  if (!isValidNodeId(id)) throw `refusing node id ${string.format("%q", id)} in SQL`;
  return ngx.quote_sql_str(id);
}

function idList(ids: string[]): string {
  return ids.map((id) => quoteNodeId(id)).join(", ");
}

export function monitorIdList(ids: number[]): string {
  return ids.map((id) => string.format("%d", id)).join(", ");
}

/** 1 when this session took the lock (or already had it), 0 when another session holds it. */
export function acquireSql(lock: string): string {
  return `SELECT GET_LOCK(${ngx.quote_sql_str(lock)}, 0) AS got`;
}

/** Gives the lock back at once; closing the session alone frees it only once the server notices. */
export function releaseSql(lock: string): string {
  return `DO RELEASE_LOCK(${ngx.quote_sql_str(lock)})`;
}

export function stillMineSql(lock: string): string {
  return `SELECT COALESCE(IS_USED_LOCK(${ngx.quote_sql_str(lock)}) = CONNECTION_ID(), 0) AS mine`;
}

/**
 * A dead or partitioned writer's session (and with it the lock) lapses after idleS of silence;
 * lock waits stay shorter than the socket timeout, so a blocked statement fails as SQL.
 */
export function sessionSql(idleS: number, lockWaitS: number): string {
  return `SET SESSION wait_timeout = ${string.format("%d", idleS)}, innodb_lock_wait_timeout = ${string.format("%d", lockWaitS)}`;
}

/** The registry row after a transition; last_seen too when the node answered its probes. */
export function statusSql(id: string, status: RegistryStatus): string {
  if (status === "online") {
    return `UPDATE node SET status = 'online', modified_date = UTC_TIMESTAMP(), last_seen = UTC_TIMESTAMP() WHERE node_id = ${quoteNodeId(id)}`;
  }
  return `UPDATE node SET status = 'offline', modified_date = UTC_TIMESTAMP() WHERE node_id = ${quoteNodeId(id)} AND status <> 'offline'`;
}

const OWNER = "COALESCE(assigned_node, node_id)";

/** The source nodes' active monitors, locked until COMMIT. */
export function sourceMonitorsSql(sources: string[]): string {
  return `SELECT id, COALESCE(node_id, '') AS node_id, COALESCE(assigned_node, '') AS assigned_node FROM monitor WHERE active = 1 AND ${OWNER} IN (${idList(sources)}) ORDER BY id FOR UPDATE`;
}

/** Active monitors per target node (its load for the per-node limit). */
export function loadsSql(targets: string[]): string {
  return `SELECT ${OWNER} AS owner, COUNT(*) AS n FROM monitor WHERE active = 1 AND ${OWNER} IN (${idList(targets)}) GROUP BY ${OWNER}`;
}

/** Gives `ids` to `target`, each only while a source still owns it. */
export function assignSql(target: string, ids: number[], sources: string[]): string {
  return `UPDATE monitor SET assigned_node = ${quoteNodeId(target)} WHERE id IN (${monitorIdList(ids)}) AND active = 1 AND ${OWNER} IN (${idList(sources)})`;
}
