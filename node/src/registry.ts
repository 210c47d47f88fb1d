// The node registry in MariaDB (the `node` table the router reads). Every timestamp comes from
// the database clock, UTC_TIMESTAMP(), because the router compares last_seen with that same
// clock: node and database clocks may differ, and a JS ISO string compared with a DATETIME
// is compared as text (docs/node-package.md, the clock). Parameterized queries only.
//
// Primary: each registration writes only its own is_primary (the environment's answer) and
// never clears the flag on other rows. Several or no primaries are resolved by the router
// (docs/routing.md#primary: the lowest node index among healthy nodes), so a restarting node cannot take
// primacy from a healthy one and the outcome does not depend on start order.
import type { Connection, Pool, ResultSetHeader, RowDataPacket } from "mysql2/promise";
import { AGENT_TABLE, DRAIN_TABLE, MOVE_TABLE } from "../../src-lua-ts/core/router_tables";
import { isValidNodeId } from "../../src-lua-ts/core/node_id";
import type { NodeIdentity } from "../../src-lua-ts/core/settings";
import { ClusterEnv, ClusterEnvError } from "./cluster-env";

/** A mysql2/promise Connection or Pool (anything with its `execute`). */
export type Db = Pick<Connection, "execute">;

/** What a registration writes. */
export type NodeRegistration = Pick<NodeIdentity, "nodeId" | "nodeName" | "host" | "isPrimary">;

export interface NodeRow {
  nodeId: string;
  nodeName: string;
  host: string | null;
  /** 'online' or 'offline' when written by this package; other writers may use other words. */
  status: string;
  isPrimary: boolean;
  lastSeen: Date | null;
  modifiedDate: Date;
}

function checkNodeId(nodeId: string): void {
  if (!isValidNodeId(nodeId)) throw new ClusterEnvError([`node id ${JSON.stringify(nodeId)} is not valid`]);
}

/** Insert or update this node: online, seen now. created_date is kept on re-registration. */
export async function registerNode(db: Db, node: NodeRegistration): Promise<void> {
  checkNodeId(node.nodeId);
  await db.execute<ResultSetHeader>(
    `INSERT INTO node (node_id, node_name, host, is_primary, status, last_seen, created_date, modified_date)
     VALUES (?, ?, ?, ?, 'online', UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP())
     ON DUPLICATE KEY UPDATE node_name = VALUES(node_name), host = VALUES(host),
       is_primary = VALUES(is_primary), status = 'online',
       last_seen = UTC_TIMESTAMP(), modified_date = UTC_TIMESTAMP()`,
    [node.nodeId, node.nodeName, node.host, node.isPrimary ? 1 : 0],
  );
}

/**
 * The default local node for a process without a node id (docs/node-package.md): inserted only when the node
 * table is empty (in one statement, so two starting processes cannot both see it empty and
 * add different rows). True when it was inserted.
 */
export async function ensureDefaultNode(db: Db, node: NodeRegistration): Promise<boolean> {
  checkNodeId(node.nodeId);
  const [result] = await db.execute<ResultSetHeader>(
    `INSERT INTO node (node_id, node_name, host, is_primary, status, last_seen, created_date, modified_date)
     SELECT ?, ?, ?, ?, 'online', UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM DUAL
     WHERE NOT EXISTS (SELECT 1 FROM node)
     ON DUPLICATE KEY UPDATE node_id = node_id`,
    [node.nodeId, node.nodeName, node.host, node.isPrimary ? 1 : 0],
  );
  return result.affectedRows > 0;
}

export type InitAction = "registered" | "default-created" | "default-skipped";

export interface InitResult {
  identity: NodeIdentity;
  action: InitAction;
}

/**
 * A drop-in for the fork's Node.initializeFromEnv (docs/node-package.md): with a node id, register it; without one, add the default
 * local node ("local-node", "Local Node", 127.0.0.1:<UPTIME_KUMA_PORT>, primary) only into an
 * empty table. Throws ClusterEnvError for a bad environment (before touching the database).
 */
export async function initializeFromEnv(db: Db, env: ClusterEnv = new ClusterEnv()): Promise<InitResult> {
  const identity = env.identity();
  if (env.hasNodeId()) {
    await registerNode(db, identity);
    return { identity, action: "registered" };
  }
  const created = await ensureDefaultNode(db, identity);
  return { identity, action: created ? "default-created" : "default-skipped" };
}

/**
 * last_seen = now and status 'online'. False when no row has this id (the caller re-registers).
 * Relies on mysql2's default FOUND_ROWS flag: a second heartbeat within the same second
 * changes nothing but still matches the row.
 */
export async function heartbeat(db: Db, nodeId: string): Promise<boolean> {
  checkNodeId(nodeId);
  // modified_date first: MariaDB assigns left to right, so `status` is still the old value here.
  const [result] = await db.execute<ResultSetHeader>(
    `UPDATE node SET modified_date = IF(status = 'online', modified_date, UTC_TIMESTAMP()),
       last_seen = UTC_TIMESTAMP(), status = 'online'
     WHERE node_id = ?`,
    [nodeId],
  );
  return result.affectedRows > 0;
}

/**
 * Marks online nodes whose last_seen is more than `timeoutSeconds` behind the database clock
 * offline; returns how many. A NULL last_seen (a row written by a process that never heartbeats)
 * is unknown, not stale: the router's own probes judge such nodes.
 */
export async function cleanupStaleNodes(db: Db, timeoutSeconds: number): Promise<number> {
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new RangeError(`timeout must be a positive number of seconds, got ${timeoutSeconds}`);
  }
  // Microseconds keep a fractional STALE_NODE_TIMEOUT exact without float SQL parameters.
  const [result] = await db.execute<ResultSetHeader>(
    `UPDATE node SET status = 'offline', modified_date = UTC_TIMESTAMP()
     WHERE status = 'online' AND last_seen < UTC_TIMESTAMP() - INTERVAL ? MICROSECOND`,
    [Math.round(timeoutSeconds * 1e6)],
  );
  return result.affectedRows;
}

/**
 * Offline at once (a stopping node, e.g. a StatefulSet scale-down), so the router stops
 * routing to it without waiting for failed probes. False when no row has this id.
 */
export async function deregisterNode(db: Db, nodeId: string): Promise<boolean> {
  checkNodeId(nodeId);
  const [result] = await db.execute<ResultSetHeader>(
    "UPDATE node SET status = 'offline', modified_date = UTC_TIMESTAMP() WHERE node_id = ?",
    [nodeId],
  );
  return result.affectedRows > 0;
}

interface NodeRecord extends RowDataPacket {
  node_id: string;
  node_name: string;
  host: string | null;
  status: string;
  is_primary: number;
  last_seen: Date | null;
  modified_date: Date;
}

export async function getNode(db: Db, nodeId: string): Promise<NodeRow | undefined> {
  const [rows] = await db.execute<NodeRecord[]>(
    "SELECT node_id, node_name, host, status, is_primary, last_seen, modified_date FROM node WHERE node_id = ?",
    [nodeId],
  );
  const r = rows[0];
  if (r === undefined) return undefined;
  return {
    nodeId: r.node_id,
    nodeName: r.node_name,
    host: r.host,
    status: r.status,
    isPrimary: r.is_primary !== 0,
    lastSeen: r.last_seen,
    modifiedDate: r.modified_date,
  };
}

export type ForgetOutcome =
  | { done: true; adopted: number }
  | { done: false; reason: "unknown" }
  | { done: false; reason: "online" }
  | { done: false; reason: "owns-monitors"; monitors: number };

/** Runs a statement on one of the router's tables; an older database without it has nothing to clean. */
async function onRouterTable(conn: Db, sql: string, params: string[]): Promise<void> {
  await conn.execute(sql, params).catch((err: { code?: string }) => {
    if (err.code !== "ER_NO_SUCH_TABLE") throw err;
  });
}

/**
 * Deletes a node's registry row: the safe registry cleanup after a cut-over or a
 * rollback (docs/deployment.md). Refused while the node is online, or while any monitor, active
 * or not, has it as effective owner (assigned_node, else node_id): that monitor would be left to
 * a node that no longer exists. Monitors it created that another node holds now (a drain or a
 * failover) become that node's for good (node_id takes assigned_node), and the router's records
 * that would return them are dropped, as are its agent and drain rows. One transaction, the row
 * locked: a node that starts again meanwhile is not deleted.
 */
export async function forgetNode(pool: Pick<Pool, "getConnection">, nodeId: string): Promise<ForgetOutcome> {
  checkNodeId(nodeId);
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const outcome = await forgetLocked(conn, nodeId);
    if (outcome.done) await conn.commit();
    else await conn.rollback();
    return outcome;
  } catch (err) {
    await conn.rollback().catch(() => undefined);
    throw err;
  } finally {
    conn.release();
  }
}

async function forgetLocked(conn: Db, nodeId: string): Promise<ForgetOutcome> {
  const [nodes] = await conn.execute<RowDataPacket[]>("SELECT status FROM node WHERE node_id = ? FOR UPDATE", [nodeId]);
  if (nodes.length === 0) return { done: false, reason: "unknown" };
  if (nodes[0].status === "online") return { done: false, reason: "online" };
  const [counts] = await conn.execute<RowDataPacket[]>(
    `SELECT COUNT(*) AS n FROM monitor
      WHERE assigned_node = ? OR (node_id = ? AND (assigned_node IS NULL OR assigned_node = '')) FOR UPDATE`,
    [nodeId, nodeId],
  );
  const monitors = Number(counts[0].n);
  if (monitors > 0) return { done: false, reason: "owns-monitors", monitors };
  await onRouterTable(conn, `DELETE FROM ${MOVE_TABLE} WHERE from_node = ?`, [nodeId]);
  const [adopted] = await conn.execute<ResultSetHeader>(
    "UPDATE monitor SET node_id = assigned_node, assigned_node = NULL WHERE node_id = ?",
    [nodeId],
  );
  await conn.execute("DELETE FROM node WHERE node_id = ?", [nodeId]);
  await onRouterTable(conn, `DELETE FROM ${AGENT_TABLE} WHERE node_id = ?`, [nodeId]);
  await onRouterTable(conn, `DELETE FROM ${DRAIN_TABLE} WHERE node_id = ?`, [nodeId]);
  return { done: true, adopted: adopted.affectedRows };
}
