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

export interface HandOver {
  /** Active monitors the node still owns (0: all handed over). */
  left: number;
  /** The new owners whose agents can trigger a reconcile: waited for. */
  waitedFor: string[];
  /** Those of them that had not reconciled since the hand-over when the wait ended. */
  notReconciled: string[];
}

/** Rows of a statement, none when an older database lacks the agents' table. */
async function agentRows(db: Db, sql: string, params: unknown[]): Promise<RowDataPacket[]> {
  try {
    const [rows] = await db.execute<RowDataPacket[]>(sql, params as (string | number)[]);
    return rows;
  } catch (err) {
    if ((err as { code?: unknown }).code === NO_SUCH_TABLE) return [];
    throw err;
  }
}

/**
 * Waits until the node owns no active monitor, then until each new owner of its monitors whose
 * agent has the hand-over trigger (kuma_cluster_agent) has finished a reconcile begun after the
 * hand-over, all within `timeoutS`; then `graceS` more for this node's own agent to stop them.
 * The fork starts the monitors of one reconcile one by one with pauses (100 monitors take
 * 20-30 s), so a fixed grace alone would let SIGTERM stop them here before the new owners run
 * them. A new owner without a trigger (the fork's minute timer) is not waited for.
 */
export async function waitUntilHandedOver(db: Db, nodeId: string, timeoutS: number, graceS: number, pollMs = 250): Promise<HandOver> {
  const deadline = Date.now() + timeoutS * 1000;
  const [mine] = await db.execute<RowDataPacket[]>("SELECT id FROM monitor WHERE active = 1 AND COALESCE(assigned_node, node_id) = ?", [
    nodeId,
  ]);
  const ids = mine.map((r) => Number(r.id));
  /** The database's clock at the last reading that still found monitors here: the hand-over came after it. */
  let before: string | null = null;
  const read = async (): Promise<number> => {
    const [rows] = await db.execute<RowDataPacket[]>(
      "SELECT COUNT(*) AS n, DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%d %H:%i:%s.%f') AS now FROM monitor WHERE active = 1 AND COALESCE(assigned_node, node_id) = ?",
      [nodeId],
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) before = String(rows[0]?.now);
    return n;
  };
  let owned = await read();
  while (owned > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, pollMs));
    owned = await read();
  }
  if (owned > 0) return { left: owned, waitedFor: [], notReconciled: [] };
  let waitedFor: string[] = [];
  let notReconciled: string[] = [];
  if (ids.length > 0 && before !== null) {
    const marks = ids.map(() => "?").join(", ");
    const [owners] = await db.execute<RowDataPacket[]>(
      `SELECT DISTINCT COALESCE(assigned_node, node_id) AS o FROM monitor WHERE id IN (${marks})`,
      ids,
    );
    const newOwners = owners.map((r) => String(r.o)).filter((o) => o !== nodeId);
    if (newOwners.length > 0) {
      const ownerMarks = newOwners.map(() => "?").join(", ");
      waitedFor = (
        await agentRows(db, `SELECT node_id FROM kuma_cluster_agent WHERE handover = 'trigger' AND node_id IN (${ownerMarks})`, newOwners)
      ).map((r) => String(r.node_id));
      notReconciled = waitedFor;
      while (notReconciled.length > 0 && Date.now() < deadline) {
        const done = await agentRows(
          db,
          `SELECT node_id FROM kuma_cluster_agent WHERE node_id IN (${ownerMarks}) AND last_reconcile_at IS NOT NULL
             AND TIMESTAMPADD(MICROSECOND, -1000 * COALESCE(last_reconcile_ms, 0), last_reconcile_at) > ?`,
          [...newOwners, before as string],
        );
        const reconciled = new Set(done.map((r) => String(r.node_id)));
        notReconciled = waitedFor.filter((id) => !reconciled.has(id));
        if (notReconciled.length > 0) await new Promise((r) => setTimeout(r, pollMs));
      }
    }
  }
  if (graceS > 0) await new Promise((r) => setTimeout(r, Math.min(graceS * 1000, Math.max(0, deadline - Date.now()))));
  return { left: 0, waitedFor, notReconciled };
}
