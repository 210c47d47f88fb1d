// `kuma-cluster-node migrate`: the tables of node/src/schema.ts, before the first node starts.
// Creates what is missing and widens a narrow node.host; never drops, never rewrites a row,
// never touches a table it does not own (the fork's `monitor`, `user`, `setting` are Uptime
// Kuma's own migrations' business). Several may run at once (every pod's init container): a
// MariaDB named lock makes them take turns, and each one re-reads what exists under the lock.
import { createHash } from "node:crypto";
import { createConnection, type Connection, type RowDataPacket } from "mysql2/promise";
import type { DbSettings } from "./db";
import { connectionOptions, describeDbError, DbError } from "./db";
import { CHANGE_TRIGGERS } from "../../src-lua-ts/core/router_tables";
import { HOST_LENGTH, OWNED_TABLES, WIDEN_NODE_HOST } from "./schema";

/** Columns the router and this package read from `node`; a table without them is not a registry. */
const NODE_COLUMNS = ["node_id", "node_name", "host", "status", "is_primary", "last_seen", "modified_date"];
// GET_LOCK names are at most 64 characters and server-wide, so the database is part of the name.
const LOCK_NAME_LIMIT = 64;

export interface MigrateResult {
  /** Tables this run created. */
  created: string[];
  /** Triggers on `monitor` this run created (none when `monitor` does not exist yet). */
  triggers?: string[];
  /** node.host's declaration before, when this run widened it (e.g. "varchar(45)"). */
  widenedFrom?: string;
  /** How long this run waited for another migrate holding the lock. */
  waitedMs: number;
}

export function migrateLockName(database: string): string {
  const plain = `kuma-cluster-node-migrate:${database}`;
  if (plain.length <= LOCK_NAME_LIMIT) return plain;
  return `kuma-cluster-node-migrate:${createHash("sha256").update(database).digest("hex").slice(0, 32)}`;
}

async function existingTables(conn: Connection): Promise<Set<string>> {
  const [rows] = await conn.query<RowDataPacket[]>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
  );
  return new Set(rows.map((r) => String(r.name)));
}

interface ColumnInfo {
  name: string;
  dataType: string;
  length: number | null;
  columnType: string;
}

async function nodeColumns(conn: Connection): Promise<Map<string, ColumnInfo>> {
  const [rows] = await conn.query<RowDataPacket[]>(
    "SELECT COLUMN_NAME AS name, DATA_TYPE AS data_type, CHARACTER_MAXIMUM_LENGTH AS length, COLUMN_TYPE AS column_type " +
      "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'node'",
  );
  return new Map(
    rows.map((r) => [
      String(r.name),
      {
        name: String(r.name),
        dataType: String(r.data_type),
        length: r.length === null ? null : Number(r.length),
        columnType: String(r.column_type),
      },
    ]),
  );
}

/** The work under the lock: create the missing tables, widen host, check the registry's columns. */
async function apply(conn: Connection): Promise<Omit<MigrateResult, "waitedMs">> {
  const before = await existingTables(conn);
  const created: string[] = [];
  for (const table of OWNED_TABLES) {
    if (before.has(table.name)) continue;
    await conn.query(table.create);
    created.push(table.name);
  }
  const triggers = before.has("monitor") ? await createTriggers(conn) : [];
  const columns = await nodeColumns(conn);
  const missing = NODE_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    throw new DbError(`the existing node table lacks ${missing.join(", ")}: it is not the cluster's node registry`, undefined);
  }
  const host = columns.get("host") as ColumnInfo;
  if (host.dataType === "varchar" && host.length !== null && host.length < HOST_LENGTH) {
    await conn.query(WIDEN_NODE_HOST);
    return { created, triggers, widenedFrom: host.columnType };
  }
  return { created, triggers };
}

/** The change log's triggers on `monitor` that are missing; their names. */
async function createTriggers(conn: Connection): Promise<string[]> {
  const [rows] = await conn.query<RowDataPacket[]>(
    "SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 'monitor'",
  );
  const existing = new Set(rows.map((r) => String(r.name)));
  const created: string[] = [];
  for (const t of CHANGE_TRIGGERS) {
    if (existing.has(t.name)) continue;
    await conn.query(t.ddl);
    created.push(t.name);
  }
  return created;
}

/**
 * Creates the owned tables that are missing and widens node.host, under a named lock held for
 * at most `lockWaitS` seconds of waiting. Idempotent: a second run changes nothing.
 */
export async function migrate(settings: DbSettings, lockWaitS = 60): Promise<MigrateResult> {
  let conn: Connection;
  try {
    conn = await createConnection(connectionOptions(settings));
  } catch (err) {
    throw describeDbError(err, settings);
  }
  const lock = migrateLockName(settings.database);
  try {
    const started = Date.now();
    const [got] = await conn.query<RowDataPacket[]>("SELECT GET_LOCK(?, ?) AS got", [lock, lockWaitS]);
    if (Number(got[0].got) !== 1) {
      throw new DbError(`another migrate held the lock ${lock} for more than ${lockWaitS}s`, undefined);
    }
    const waitedMs = Date.now() - started;
    try {
      return { ...(await apply(conn)), waitedMs };
    } finally {
      await conn.query("SELECT RELEASE_LOCK(?)", [lock]).catch(() => undefined);
    }
  } catch (err) {
    if (err instanceof DbError) throw err;
    throw describeDbError(err, settings);
  } finally {
    await conn.end().catch(() => undefined);
  }
}

/** One line for the log: what a run did. */
export function describeMigrate(result: MigrateResult): string {
  const parts: string[] = [];
  if (result.created.length > 0) parts.push(`created ${result.created.join(", ")}`);
  if (result.triggers !== undefined && result.triggers.length > 0) parts.push(`added triggers ${result.triggers.join(", ")} on monitor`);
  if (result.widenedFrom !== undefined) parts.push(`widened node.host from ${result.widenedFrom} to varchar(${HOST_LENGTH})`);
  if (parts.length === 0) parts.push("schema up to date, nothing to do");
  if (result.waitedMs >= 1000) parts.push(`after waiting ${(result.waitedMs / 1000).toFixed(1)}s for another migrate`);
  return parts.join("; ");
}
