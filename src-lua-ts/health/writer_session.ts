// The writer's own MariaDB session, holding the cluster's named lock (registry_sql.writerLock).
//
// GET_LOCK belongs to a session: the lock lives exactly as long as the connection that took it.
// A pooled connection would carry the lock back into the pool (where the sync could pick it up)
// and the next tick could get another connection that cannot take the lock its sibling holds.
// So the writer connects under a pool name of its own, never calls set_keepalive, and runs
// every write on this one connection. It is owned by the writer loop's timer (a cosocket cannot
// be shared between timers). A release gives the lock back before closing; a network error
// closes the session, which frees the lock once the server notices; a writer that dies or hangs
// loses it after wait_timeout of silence.
import * as mysql from "resty.mysql";
import * as config from "../runtime/config";
import * as db from "../cluster/db";
import { ROUTER_TABLES_DDL } from "../core/router_tables";
import { acquireSql, releaseSql, sessionSql, stillMineSql, writerLock } from "./registry_sql";

/** Seconds of silence after which the server ends a writer's session (and frees the lock). */
export const SESSION_IDLE_S = 30;

let conn: mysql.MysqlConnection | undefined;
/** The session holds the lock. A standby keeps its session open and asks again later. */
let held = false;
/** Counts the sessions opened: work done once per session compares it. */
let opened = 0;

export function holding(): boolean {
  return held;
}

/**
 * Gives the lock back, then closes the session. The server frees a closed session's lock only
 * once its thread notices the close, and a standby asking in between would be refused.
 */
export function release(): void {
  if (held && conn !== undefined) conn.query(releaseSql(writerLock(config.get().db.database)));
  drop();
}

/** Closes the session without a word: after a network error, or when the lock is no longer ours. */
function drop(): void {
  held = false;
  if (conn === undefined) return;
  conn.close();
  conn = undefined;
}

/** A SQL error keeps the session (and the lock); a network or protocol error ends it. */
function run(sql: string): db.Result {
  if (conn === undefined) return { error: "no writer session" };
  const [rows, err, errno, sqlstate] = conn.query(sql);
  if (rows === undefined && errno === undefined) drop();
  return db.resultOf(rows, err, errno, sqlstate);
}

/** Runs one statement as the writer; refused unless the session holds the lock. */
export function exec(sql: string): db.Result {
  return held ? run(sql) : { error: "not the writer" };
}

function firstNumber(res: db.Result, column: string): number | undefined {
  if (res.rows === undefined || res.rows.length === 0) return undefined;
  const v = db.value(res.rows[0][column]);
  return typeof v === "number" ? v : v === undefined ? undefined : tonumber(v);
}

/** Connects under a pool name of our own (never pooled back) and sets the session up. */
function open(): string | undefined {
  const c = db.connect(`kuma-router-writer:${ngx.worker.pid()}`);
  if (typeof c === "string") return c;
  const s = config.get().db;
  conn = c;
  opened++;
  const lockWaitS = Math.max(1, Math.floor(s.timeoutMs / 1000) - 1);
  const setup = run(sessionSql(SESSION_IDLE_S, lockWaitS));
  if (setup.error !== undefined) {
    drop();
    return setup.error;
  }
  return undefined;
}

/**
 * Tries the lock without waiting (opening the session first if needed). True when this router
 * is the writer; false with no error when another router's session holds the lock.
 */
export function acquire(): LuaMultiReturn<[boolean, string | undefined]> {
  if (held) return $multi(true, undefined);
  if (conn === undefined) {
    const err = open();
    if (err !== undefined) return $multi(false, err);
  }
  const res = run(acquireSql(writerLock(config.get().db.database)));
  const got = firstNumber(res, "got");
  if (got === 1) {
    held = true;
    return $multi(true, undefined);
  }
  return $multi(false, got === 0 ? undefined : `GET_LOCK: ${res.error ?? "no answer"}`);
}

/** True while the session is alive and still holds the lock (also keeps the session from idling out). */
export function confirm(): boolean {
  if (!held) return false;
  if (firstNumber(run(stillMineSql(writerLock(config.get().db.database))), "mine") === 1) return true;
  drop();
  return false;
}

// The router's own tables (core/router_tables.ts), created by the writer when missing: a
// database older than `kuma-cluster-node migrate`, or one the migration has not reached yet.
// Once per session, before its first transaction (DDL commits implicitly in MariaDB).
let tablesReadyFor = 0;
let lastTablesError: string | undefined;

/** True once the tables exist for this session; logs a failure once until it changes. */
export function ensureTables(): boolean {
  if (tablesReadyFor === opened) return true;
  for (const ddl of ROUTER_TABLES_DDL) {
    const res = exec(ddl);
    if (res.error !== undefined) {
      if (res.error !== lastTablesError) {
        ngx.log(ngx.ERR, `health writer: cannot create the router's tables (run kuma-cluster-node migrate, or grant CREATE): ${res.error}`);
      }
      lastTablesError = res.error;
      return false;
    }
  }
  lastTablesError = undefined;
  tablesReadyFor = opened;
  return true;
}
