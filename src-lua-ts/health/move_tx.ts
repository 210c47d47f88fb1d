// One transaction on the writer's session for the monitor moves (health/monitor_moves.ts,
// health/rebalance.ts): every statement must succeed, or the whole pass is rolled back (no
// move without its record, no record without its move) and retried later.
import * as db from "../cluster/db";
import * as session from "./writer_session";

/** A statement failed: the transaction is rolled back and the pass retried later. */
class MoveError {
  constructor(readonly why: string) {}
}

export function run(sql: string, what: string): db.Result {
  const res = session.exec(sql);
  if (res.error !== undefined || (res.ok === undefined && res.rows === undefined))
    throw new MoveError(`${what}: ${res.error ?? "no result"}`);
  return res;
}

export function affected(sql: string, what: string): number {
  return run(sql, what).ok?.affected_rows ?? 0;
}

/** `work` between BEGIN and COMMIT; undefined when anything failed (rolled back, logged as `what`). */
export function inTransaction<T>(what: string, work: () => T): T | undefined {
  if (!session.ensureTables()) return undefined;
  if (session.exec("BEGIN").error !== undefined) return undefined;
  try {
    const out = work();
    run("COMMIT", "commit");
    return out;
  } catch (e) {
    session.exec("ROLLBACK");
    ngx.log(ngx.WARN, `health writer: ${what} rolled back: ${e instanceof MoveError ? e.why : tostring(e)}`);
    return undefined;
  }
}
