// The router's own tables (core/router_tables.ts), created by the writer when missing: a
// database older than `kuma-cluster-node migrate`, or one the migration has not reached yet.
// Once per writer session, before its first transaction (DDL commits implicitly in MariaDB).
import { ROUTER_TABLES_DDL } from "../core/router_tables";
import * as session from "./writer_session";

let readyFor = 0;
let lastError: string | undefined;

/** True once the tables exist for this session; logs a failure once until it changes. */
export function ensure(): boolean {
  const current = session.sessionNumber();
  if (readyFor === current) return true;
  for (const ddl of ROUTER_TABLES_DDL) {
    const res = session.exec(ddl);
    if (res.error !== undefined) {
      if (res.error !== lastError) {
        ngx.log(ngx.ERR, `health writer: cannot create the router's tables (run kuma-cluster-node migrate, or grant CREATE): ${res.error}`);
      }
      lastError = res.error;
      return false;
    }
  }
  lastError = undefined;
  readyFor = current;
  return true;
}
