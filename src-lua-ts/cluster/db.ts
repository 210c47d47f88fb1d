// The router's only way to MariaDB: resty.mysql (OpenResty's lua-resty-mysql in production,
// the protocol-real stand-in on the test runtime). Connections come from the cosocket pool.
import * as mysql from "resty.mysql";
import * as config from "../runtime/config";
import { resolve } from "../dns/resolve";

/** Idle pooled connections live this long, so a 1 s sync reuses its connection. */
const KEEPALIVE_MS = 60_000;
/** Per worker: the sync, the prober and a few missing-key lookups at once. */
const POOL_SIZE = 8;

export type Result = MysqlResultOrError;
/** errno: the server's error number, when the server answered with an error. */
type MysqlResultOrError = { rows?: mysql.MysqlRow[]; ok?: mysql.MysqlOkPacket; error?: string; errno?: number };

/** MariaDB's "table doesn't exist" (ER_NO_SUCH_TABLE). */
export const NO_SUCH_TABLE = 1146;

/** The pool of request-caused lookups: never idle, so it never holds a connection it is not using. */
const LOOKUP_POOL = "kuma-lookup";

/**
 * A connection to the cluster's database, or why there is none. `pool` names a pool of its own
 * (the writer's session, never pooled back; the one-shot lookups, closed after one statement);
 * without it the connection may come from the shared cosocket pool.
 */
export function connect(pool?: string): mysql.MysqlConnection | string {
  const [conn, newErr] = mysql.new();
  if (conn === undefined) return `mysql.new: ${newErr}`;
  const db = config.get().db;
  // Through the router's own resolver: cosockets have no nginx `resolver`, and DB_HOST is a
  // name in both Compose and Kubernetes ("mariadb").
  const [address, dnsErr] = resolve(db.host);
  if (address === undefined) return `resolve ${db.host}: ${dnsErr}`;
  conn.set_timeout(db.timeoutMs);
  const [connected, connErr, connErrno] = conn.connect({
    host: address,
    port: db.port,
    user: db.user,
    password: db.password,
    database: db.database,
    charset: "utf8mb4",
    ...(pool === undefined ? { pool_size: POOL_SIZE } : { pool }),
  });
  if (connected === undefined) return `connect ${db.host}:${db.port}: ${connErr}${connErrno !== undefined ? ` (${connErrno})` : ""}`;
  return conn;
}

/** One statement's answer: rows, an OK packet, or the error (with the server's number when it sent one). */
export function resultOf(
  rows: mysql.MysqlResult | undefined,
  err: string | undefined,
  errno: number | undefined,
  sqlstate: string | undefined,
): Result {
  if (rows === undefined) return { error: `${err}${errno !== undefined ? ` (${errno} ${sqlstate})` : ""}`, errno };
  return "affected_rows" in rows ? { ok: rows as mysql.MysqlOkPacket } : { rows: rows as mysql.MysqlRow[] };
}

/**
 * Runs one statement on a pooled connection; `oneShot` (lookups, cluster/lookup_budget.ts): on a
 * connection of its own, closed afterwards, so the router holds only the ones in use. Never
 * throws: failures come back as `error`.
 */
export function query(sql: string, oneShot = false): Result {
  const conn = connect(oneShot ? LOOKUP_POOL : undefined);
  if (typeof conn === "string") return { error: conn };
  const [rows, err, errno, sqlstate] = conn.query(sql);
  const res = resultOf(rows, err, errno, sqlstate);
  if (res.error !== undefined) {
    conn.close();
    return { error: `query failed: ${res.error}`, errno: res.errno };
  }
  if (oneShot) conn.close();
  else conn.set_keepalive(KEEPALIVE_MS, POOL_SIZE);
  return res;
}

/** ngx.null and missing values become undefined; everything else is kept. */
export function value(v: mysql.MysqlValue | undefined): string | number | undefined {
  return v === undefined || v === ngx.null ? undefined : (v as string | number);
}

export function text(v: mysql.MysqlValue | undefined): string {
  const x = value(v);
  return x === undefined ? "" : `${x}`;
}

export function num(v: mysql.MysqlValue | undefined, fallback: number): number {
  const x = value(v);
  if (typeof x === "number") return x;
  const n = x === undefined ? undefined : tonumber(x);
  return n ?? fallback;
}
