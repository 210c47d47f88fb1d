// Draining a node from the node side (docs/health.md, "Drain"): the same row in
// kuma_cluster_drain that the router's internal listener writes (core/router_tables.ts). The
// package writes the database directly because it runs in the node's pod (a preStop hook),
// where the router's internal listener is not reachable and the database is. Parameterized
// queries only.
import type { ResultSetHeader, RowDataPacket } from "mysql2/promise";
import { DrainRequester } from "../../src-lua-ts/core/drain";
import { isValidNodeId } from "../../src-lua-ts/core/node_id";
import { DRAIN_TABLE_DDL } from "../../src-lua-ts/core/router_tables";
import { ClusterEnvError } from "./cluster-env";
import type { Db } from "./registry";

const NO_SUCH_TABLE = "ER_NO_SUCH_TABLE";

function checkNodeId(nodeId: string): void {
  if (!isValidNodeId(nodeId)) throw new ClusterEnvError([`node id ${JSON.stringify(nodeId)} is not valid`]);
}

/** The statement, once more after creating the table when an older database lacks it. */
async function withTable<T>(db: Db, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if ((err as { code?: unknown }).code !== NO_SUCH_TABLE) throw err;
    await db.execute(DRAIN_TABLE_DDL);
    return work();
  }
}

/**
 * Drains the node. An operator's drain is never weakened into a shutdown drain (which the
 * node's next start would clear).
 */
export async function drainNode(db: Db, nodeId: string, by: DrainRequester): Promise<void> {
  checkNodeId(nodeId);
  await withTable(db, () =>
    db.execute<ResultSetHeader>(
      `INSERT INTO kuma_cluster_drain (node_id, requested_by, drained_at) VALUES (?, ?, UTC_TIMESTAMP(3))
       ON DUPLICATE KEY UPDATE requested_by = IF(requested_by = 'operator', requested_by, VALUES(requested_by))`,
      [nodeId, by],
    ),
  );
}

/** Ends the drain; `only` limits it to one requester (a start clears its own shutdown drain). True when a row went. */
export async function undrainNode(db: Db, nodeId: string, only?: DrainRequester): Promise<boolean> {
  checkNodeId(nodeId);
  try {
    const [result] =
      only === undefined
        ? await db.execute<ResultSetHeader>("DELETE FROM kuma_cluster_drain WHERE node_id = ?", [nodeId])
        : await db.execute<ResultSetHeader>("DELETE FROM kuma_cluster_drain WHERE node_id = ? AND requested_by = ?", [nodeId, only]);
    return result.affectedRows > 0;
  } catch (err) {
    if ((err as { code?: unknown }).code === NO_SUCH_TABLE) return false;
    throw err;
  }
}

/** Active monitors whose effective owner is the node: what it still runs. */
export async function ownedMonitors(db: Db, nodeId: string): Promise<number> {
  const [rows] = await db.execute<RowDataPacket[]>(
    "SELECT COUNT(*) AS n FROM monitor WHERE active = 1 AND COALESCE(assigned_node, node_id) = ?",
    [nodeId],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Waits until the node owns no active monitor, or `timeoutS`; then `graceS` more for the nodes
 * to reconcile (the hand-over trigger takes about a second). Returns what it still owns.
 */
export async function waitUntilHandedOver(db: Db, nodeId: string, timeoutS: number, graceS: number, pollMs = 250): Promise<number> {
  const deadline = Date.now() + timeoutS * 1000;
  let owned = await ownedMonitors(db, nodeId);
  while (owned > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, pollMs));
    owned = await ownedMonitors(db, nodeId);
  }
  if (owned === 0 && graceS > 0) await new Promise((r) => setTimeout(r, Math.min(graceS * 1000, Math.max(0, deadline - Date.now()))));
  return owned;
}
