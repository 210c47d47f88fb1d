// Monitors the snapshot does not know yet (created since the last sync): at most one database
// lookup per key per sync interval. Concurrent requests for the same key wait for the first
// one's answer (single flight); the answer, found or not, is cached for one interval.
import * as config from "../runtime/config";
import { parseMonitorId } from "../core/keys";
import { Snapshot } from "../core/snapshot";
import { KEYS, locksDict, snapshotDict } from "../runtime/dicts";
import * as db from "./db";
import { monitorByIdSql, monitorByTokenSql, monitorRows } from "./queries";

/** How often a waiting request looks for the first request's answer (seconds). */
const WAIT_STEP_S = 0.005;

export interface MonitorRef {
  id: string;
  owner: string;
}

function cached(key: string): MonitorRef | undefined | false {
  const [v] = snapshotDict.get(key);
  if (typeof v !== "string") return false;
  if (v === "") return undefined;
  const space = v.indexOf(" ");
  return { id: v.substring(0, space), owner: v.substring(space + 1) };
}

function fetchOne(sql: string): MonitorRef | undefined {
  const rows = monitorRows(db.query(sql));
  if (rows === undefined || rows.length === 0) return undefined;
  return { id: `${rows[0].id}`, owner: rows[0].owner };
}

/** The cached answer for `key`, asking the database once per interval across all workers. */
function singleFlight(key: string, sql: string): MonitorRef | undefined {
  const hit = cached(key);
  if (hit !== false) return hit;
  const settings = config.get();
  const waitS = settings.db.timeoutMs / 1000;
  const [leader] = locksDict.add(key, 1, waitS);
  if (leader) {
    const ref = fetchOne(sql);
    snapshotDict.set(key, ref === undefined ? "" : `${ref.id} ${ref.owner}`, settings.router.syncIntervalS);
    locksDict.delete(key);
    return ref;
  }
  const deadline = ngx.now() + waitS;
  while (ngx.now() < deadline) {
    ngx.sleep(WAIT_STEP_S);
    const answer = cached(key);
    if (answer !== false) return answer;
  }
  return undefined;
}

/** Monitor by id (a path segment): from the snapshot, else one lookup per interval. */
export function monitorById(snapshot: Snapshot, rawId: string): MonitorRef | undefined {
  const id = parseMonitorId(rawId);
  if (id === undefined) return undefined;
  const key = `${id}`;
  const owner = snapshot.ownerOf[key];
  if (owner !== undefined) return { id: key, owner };
  return singleFlight(`${KEYS.snapshot.missById}${key}`, monitorByIdSql(id));
}

/** Monitor by push token: from the snapshot, else one lookup per interval. */
export function monitorByToken(snapshot: Snapshot, token: string): MonitorRef | undefined {
  const id = snapshot.monitorOfToken[token];
  if (id !== undefined) {
    const owner = snapshot.ownerOf[id];
    return owner !== undefined ? { id, owner } : undefined;
  }
  const sql = monitorByTokenSql(token);
  return sql === undefined ? undefined : singleFlight(`${KEYS.snapshot.missByToken}${token}`, sql);
}
