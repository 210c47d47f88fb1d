// What the nodes' agents report in kuma_cluster_agent (core/handover.ts): read by the syncing
// worker every few seconds, not at every sync (it changes once per heartbeat), and kept in
// kuma_snapshot beside the snapshot for /lb/status and /metrics. Routing never reads it.
import * as cjson from "cjson.safe";
import { AgentRow, agentsByNode } from "../core/handover";
import { KEYS, snapshotDict as dict } from "../runtime/dicts";
import * as db from "./db";
import { AGENTS_SQL, agentRows } from "./queries";

/** Seconds between reads: agents report once per heartbeat (30 s by default). */
export const READ_EVERY_S = 5;

const ROWS = KEYS.snapshot.agents;
const READ_AT = KEYS.snapshot.agentsReadAt;
const TRIED_AT = KEYS.snapshot.agentsTriedAt;
const LAST_ERROR = KEYS.snapshot.agentsError;

/** Reads the agents' rows when the last try is READ_EVERY_S old (by the syncing worker). */
export function refresh(): void {
  const now = ngx.now();
  const [triedAt] = dict.get(TRIED_AT);
  if (typeof triedAt === "number" && now - triedAt < READ_EVERY_S) return;
  dict.set(TRIED_AT, now);
  const res = db.query(AGENTS_SQL);
  const rows = agentRows(res);
  let json: string | undefined;
  let err = res.error ?? "no rows";
  if (rows !== undefined) {
    const [encoded, encErr] = cjson.encode(rows);
    json = encoded;
    err = encErr ?? err;
  }
  if (json === undefined) {
    const [previous] = dict.get(LAST_ERROR);
    if (previous !== err) ngx.log(ngx.WARN, `reading kuma_cluster_agent failed, /lb/status keeps the last rows: ${err}`);
    dict.set(LAST_ERROR, err);
    return;
  }
  ngx.update_time();
  dict.set(ROWS, json);
  dict.set(READ_AT, ngx.now());
  dict.delete(LAST_ERROR);
}

export interface Agents {
  /** node id -> the agent's row (core/handover.ts agentOf). */
  byNode: Record<string, AgentRow>;
  /** Seconds since the rows were read; undefined before the first read. */
  sinceReadS: number | undefined;
  lastError: string | undefined;
}

/** The last rows read (decoded per call: for /lb/status and /metrics, never per request). */
export function current(): Agents {
  const [json] = dict.get(ROWS);
  const [readAt] = dict.get(READ_AT);
  const [lastError] = dict.get(LAST_ERROR);
  let rows: AgentRow[] = [];
  if (typeof json === "string") {
    const [decoded] = cjson.decode(json);
    if (typeof decoded === "object") rows = decoded as AgentRow[];
  }
  return {
    byNode: agentsByNode(rows),
    sinceReadS: typeof readAt === "number" ? Math.max(0, ngx.now() - readAt) : undefined,
    lastError: typeof lastError === "string" ? lastError : undefined,
  };
}
