// The MariaDB connection of a node-side process, with failures turned into one-line messages
// that name host:port (never the password, never a stack trace).
import { createPool, Pool, type ConnectionOptions } from "mysql2/promise";
import { DbSettings, loadDbSettings } from "../../src-lua-ts/core/node_settings";
import { formatHostPort } from "../../src-lua-ts/core/host";
import { Env, getenvOf, unwrap } from "./cluster-env";

export type { DbSettings };

export class DbError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "DbError";
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ETIMEDOUT: "timed out",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ECONNRESET: "connection reset",
  PROTOCOL_CONNECTION_LOST: "connection lost",
};

export function where(settings: DbSettings): string {
  return `${formatHostPort({ host: settings.host, port: settings.port })}/${settings.database}`;
}

/** A DbError naming the server, from whatever mysql2 or the socket threw. */
export function describeDbError(err: unknown, settings: DbSettings): DbError {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : undefined;
  const detail = code !== undefined && REASONS[code] !== undefined ? REASONS[code] : String(e?.message ?? err);
  const unreachable = code !== undefined && REASONS[code] !== undefined;
  const prefix = unreachable ? "cannot reach MariaDB at" : "MariaDB error at";
  return new DbError(`${prefix} ${where(settings)}: ${detail}${code !== undefined ? ` (${code})` : ""}`, code);
}

/**
 * A small pool (reconnects by itself between heartbeats), checked with one ping so an
 * unreachable or misconfigured server fails here, at start, with a DbError.
 * DATETIMEs are read as UTC because every write uses UTC_TIMESTAMP().
 */
export async function openDb(settings: DbSettings): Promise<Pool> {
  const pool = createDbPool(settings);
  try {
    const conn = await pool.getConnection();
    try {
      await conn.ping();
    } finally {
      conn.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw describeDbError(err, settings);
  }
  return pool;
}

/** mysql2's options for one connection to the configured database. */
export function connectionOptions(settings: DbSettings): ConnectionOptions {
  return {
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    database: settings.database,
    connectTimeout: settings.timeoutMs,
    timezone: "Z",
  };
}

/** The same pool without the check: it connects when first used (a supervisor must not wait for it). */
export function createDbPool(settings: DbSettings): Pool {
  return createPool({ ...connectionOptions(settings), connectionLimit: 2 });
}

/** openDb with the settings of an environment (DB_HOST/UPTIME_KUMA_DB_HOSTNAME, ...). */
export function openDbFromEnv(env: Env = process.env): Promise<Pool> {
  return openDb(unwrap(loadDbSettings(getenvOf(env))));
}
