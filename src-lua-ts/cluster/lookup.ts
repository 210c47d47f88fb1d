// Monitors the snapshot does not know yet (created since the last sync): at most one database
// lookup per key, within the router-wide budget of request-caused lookups (lookup_budget.ts).
// Concurrent requests for the same key wait for the first one's answer (single flight). A
// monitor found is remembered for one sync interval (the next snapshot has it); a key the
// database does not know, for ROUTER_LOOKUP_NEGATIVE_TTL. When the budget is spent the key is
// not looked up: the caller routes without an owner and says so (SKIPPED). A lookup never
// waits for the budget, so a flood of unknown keys costs the database a bounded amount and
// slows no request for a known key.
import * as config from "../runtime/config";
import { parseMonitorId } from "../core/keys";
import { Snapshot } from "../core/snapshot";
import { KEYS, lookupsDict } from "../runtime/dicts";
import * as budget from "./lookup_budget";
import * as db from "./db";
import { monitorByIdSql, monitorByTokenSql, monitorRows } from "./queries";

/** How often a waiting request looks for the first request's answer (seconds). */
const WAIT_STEP_S = 0.005;

export interface MonitorRef {
  id: string;
  owner: string;
}

/** The key was not looked up: the budget was spent, or the database did not answer. */
export const SKIPPED: MonitorRef = { id: "", owner: "" };

function cached(key: string): MonitorRef | undefined | false {
  const [v] = lookupsDict.get(key);
  if (typeof v !== "string") return false;
  if (v === "") return undefined;
  const space = v.indexOf(" ");
  return { id: v.substring(0, space), owner: v.substring(space + 1) };
}

/** The monitor, undefined when the database has none, SKIPPED when it did not answer. */
function fetchOne(sql: string): MonitorRef | undefined {
  const rows = monitorRows(db.query(sql, true));
  if (rows === undefined) return SKIPPED;
  if (rows.length === 0) return undefined;
  return { id: `${rows[0].id}`, owner: rows[0].owner };
}

/** Asks the database for `key` within the budget; remembers the answer. */
function lookUp(key: string, sql: string): MonitorRef | undefined {
  const slot = budget.acquire();
  if (slot === undefined) return SKIPPED;
  const ref = fetchOne(sql);
  budget.release(slot);
  if (ref === SKIPPED) return SKIPPED;
  const settings = config.get();
  if (ref === undefined) lookupsDict.set(key, "", settings.lookups.negativeTtlS);
  else lookupsDict.set(key, `${ref.id} ${ref.owner}`, settings.router.syncIntervalS);
  return ref;
}

/** The remembered answer for `key`, else one lookup across all workers, else SKIPPED. */
function singleFlight(key: string, sql: string): MonitorRef | undefined {
  const hit = cached(key);
  if (hit !== false) return hit;
  const waitS = (2 * config.get().db.timeoutMs) / 1000;
  const lock = `${KEYS.lookups.lock}${key}`;
  const [leader] = lookupsDict.add(lock, 1, waitS);
  if (leader) {
    const ref = lookUp(key, sql);
    lookupsDict.delete(lock);
    return ref;
  }
  const deadline = ngx.now() + waitS;
  while (ngx.now() < deadline) {
    ngx.sleep(WAIT_STEP_S);
    const answer = cached(key);
    if (answer !== false) return answer;
    // The first request gave up (budget spent, database silent): so does this one.
    const [held] = lookupsDict.get(lock);
    if (held === undefined) return SKIPPED;
  }
  return SKIPPED;
}

/** Monitor by id (a path segment): from the snapshot, else one lookup within the budget. */
export function monitorById(snapshot: Snapshot, rawId: string): MonitorRef | undefined {
  const id = parseMonitorId(rawId);
  if (id === undefined) return undefined;
  const key = `${id}`;
  const owner = snapshot.ownerOf[key];
  if (owner !== undefined) return { id: key, owner };
  return singleFlight(`${KEYS.lookups.byId}${key}`, monitorByIdSql(id));
}

/** Monitor by push token: from the snapshot, else one lookup within the budget. */
export function monitorByToken(snapshot: Snapshot, token: string): MonitorRef | undefined {
  const id = snapshot.monitorOfToken[token];
  if (id !== undefined) {
    const owner = snapshot.ownerOf[id];
    return owner !== undefined ? { id, owner } : undefined;
  }
  const sql = monitorByTokenSql(token);
  return sql === undefined ? undefined : singleFlight(`${KEYS.lookups.byToken}${token}`, sql);
}
