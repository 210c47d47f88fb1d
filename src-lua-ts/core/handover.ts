// How a node takes up a change of owner (docs/health.md, "Hand-over"): its agent
// (`kuma-cluster-node exec`) reports in kuma_cluster_agent whether it can trigger the node's
// reconcile at once ('trigger'), or cannot ('timer': the fork's one-minute reconcile timer
// applies). No agent seen lately means the timer. Pure, for /lb/status and the metrics.

/** A kuma_cluster_agent row as the sync reads it (ages by the database clock, at the read). */
export interface AgentRow {
  node_id: string;
  handover: string;
  detail: string;
  agent_version: string;
  /** Seconds since seen_at when read. */
  seen_age: number;
  /** Seconds since last_reconcile_at when read; -1 when never. */
  reconcile_age: number;
  /** Duration of the last reconcile (ms); -1 when never. */
  reconcile_ms: number;
}

export type HandoverMode = "trigger" | "timer";

export interface Handover {
  mode: HandoverMode;
  reason: string;
  /** What the agent last said, when there is a row (ages at the time of the question). */
  agent?: {
    version: string;
    seenAgeS: number;
    lastReconcileAgeS: number | undefined;
    lastReconcileMs: number | undefined;
  };
}

export const NO_AGENT = "no kuma-cluster-node agent seen";

/** An agent is current while it was seen within this many of its heartbeats. */
export const AGENT_HEARTBEATS = 3;

/**
 * The node's hand-over: the agent's word while it is current (seen within AGENT_HEARTBEATS
 * heartbeats), else the timer. `sinceReadS` is how long ago the row was read.
 */
export function handoverOf(row: AgentRow | undefined, sinceReadS: number, heartbeatS: number): Handover {
  if (row === undefined) return { mode: "timer", reason: NO_AGENT };
  const seenAgeS = Math.max(0, row.seen_age) + sinceReadS;
  const agent = {
    version: row.agent_version,
    seenAgeS,
    lastReconcileAgeS: row.reconcile_age < 0 ? undefined : row.reconcile_age + sinceReadS,
    lastReconcileMs: row.reconcile_ms < 0 ? undefined : row.reconcile_ms,
  };
  if (seenAgeS > AGENT_HEARTBEATS * heartbeatS) return { mode: "timer", reason: `${NO_AGENT} for ${Math.floor(seenAgeS)} s`, agent };
  if (row.handover === "trigger")
    return { mode: "trigger", reason: row.detail !== "" ? row.detail : "the agent triggers the node's reconcile", agent };
  if (row.handover === "timer")
    return { mode: "timer", reason: row.detail !== "" ? row.detail : "the agent cannot trigger the node's reconcile", agent };
  return { mode: "timer", reason: `unknown hand-over mode ${row.handover}`, agent };
}

/** node id -> its row. */
export function agentsByNode(rows: AgentRow[]): Record<string, AgentRow> {
  const out: Record<string, AgentRow> = {};
  for (const r of rows) out[r.node_id] = r;
  return out;
}

/** The node's row, if any (a node id such as "constructor" finds nothing but its own row in JS). */
export function agentOf(byNode: Record<string, AgentRow>, nodeId: string): AgentRow | undefined {
  const r = byNode[nodeId];
  return r !== undefined && r.node_id === nodeId ? r : undefined;
}
