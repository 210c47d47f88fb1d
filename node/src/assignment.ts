// What the supervisor reads about its node's work: the monitors assigned to it, as the fork's
// reconciler selects them, and the credentials for a token its REST API accepts.
import type { RowDataPacket } from "mysql2/promise";
import type { Db } from "./registry";

// The fork's own condition (server/monitor-reconciler.js): the operator's or the router's
// assigned_node wins, else the creator's node_id.
const ASSIGNED = "active = 1 AND (assigned_node = ? OR (assigned_node IS NULL AND node_id = ?))";

/**
 * One cheap row that changes whenever the assigned set does: the count and the XOR of a 64-bit
 * hash of each id. MD5's first 16 hex digits, not CRC32: CRC32 is linear, so two swapped pairs
 * of ids (a failover and a return in one poll) could leave its XOR unchanged. Also the largest
 * monitor id of the table, which tells a monitor created since from one moved.
 */
export async function assignmentFingerprint(db: Db, nodeId: string): Promise<{ fingerprint: string; maxId: number }> {
  const [rows] = await db.execute<RowDataPacket[]>(
    `SELECT COUNT(*) AS n, COALESCE(HEX(BIT_XOR(CAST(CONV(LEFT(MD5(id), 16), 16, 10) AS UNSIGNED))), '0') AS x,
       (SELECT COALESCE(MAX(id), 0) FROM monitor) AS max_id
     FROM monitor WHERE ${ASSIGNED}`,
    [nodeId, nodeId],
  );
  return { fingerprint: `${rows[0].n}/${rows[0].x}`, maxId: Number(rows[0].max_id) };
}

export async function assignedMonitors(db: Db, nodeId: string): Promise<Set<number>> {
  const [rows] = await db.execute<RowDataPacket[]>(`SELECT id FROM monitor WHERE ${ASSIGNED}`, [nodeId, nodeId]);
  return new Set(rows.map((r) => Number(r.id)));
}

export interface Credentials {
  secret: string;
  username: string;
}

/**
 * The jwtSecret the nodes loaded at start and the first active user, or why there are none yet
 * (a new cluster before first-time setup, or Uptime Kuma's tables not created yet).
 */
export async function readCredentials(db: Db): Promise<Credentials | string> {
  let secretRows: RowDataPacket[];
  let userRows: RowDataPacket[];
  try {
    [secretRows] = await db.execute<RowDataPacket[]>("SELECT `value` FROM setting WHERE `key` = 'jwtSecret' LIMIT 1");
    [userRows] = await db.execute<RowDataPacket[]>("SELECT username FROM `user` WHERE active = 1 ORDER BY id LIMIT 1");
  } catch (err) {
    if ((err as { code?: string }).code === "ER_NO_SUCH_TABLE") return "Uptime Kuma's tables do not exist yet";
    throw err;
  }
  const secret = secretRows[0]?.value;
  if (typeof secret !== "string" || secret === "") return "no jwtSecret in the setting table yet";
  const username = userRows[0]?.username;
  if (typeof username !== "string" || username === "") return "no active user yet (first-time setup not done)";
  return { secret, username };
}
