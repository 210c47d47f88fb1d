// Every SQL statement the router sends, and the decoding of its rows. The sync statements are constants; the two lookups
// take a monitor id that parsed as an integer, or a push token that passed its charset check
// and is quoted by ngx.quote_sql_str on top of it.
import { isValidPushToken } from "../core/keys";
import { MonitorGroup, MonitorRow, NodeRow } from "../core/snapshot";
import type { MysqlRow } from "resty.mysql";
import * as db from "./db";

/** last_seen_age uses the database clock, like the nodes that write last_seen. */
export const NODES_SQL =
  "SELECT node_id, node_name, COALESCE(host, '') AS host, COALESCE(status, 'offline') AS status, " +
  "COALESCE(is_primary, 0) AS is_primary, " +
  "COALESCE(TIMESTAMPDIFF(SECOND, last_seen, UTC_TIMESTAMP()), -1) AS last_seen_age FROM node";

export const MONITORS_SQL =
  "SELECT id, COALESCE(assigned_node, node_id, '') AS owner, COALESCE(push_token, '') AS push_token " +
  "FROM monitor WHERE active = 1";

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

/** Setup is complete once the user table has a row. */
export function setupComplete(rows: db.Result): boolean | undefined {
  if (rows.rows === undefined) return undefined;
  return rows.rows.length > 0 && db.num(rows.rows[0].setup_complete, 0) === 1;
}
