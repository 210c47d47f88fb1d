// Who owns a monitor, and what the router may change (docs/health.md, "Ownership"). node_id is
// the creator's node; assigned_node overrides it, written by an operator (the fork's Edit
// Monitor page) or by the router's failover. The router tells its own writes from an
// operator's by its move record (core/router_tables.ts): it undoes only a write of its own that
// is still in place, so an operator's override, or an operator's edit of a moved monitor, wins.
// Pure: the writer (health/monitor_moves.ts) reads the records and applies these plans in SQL.

import { isStale } from "./health";

/** A move record read with its monitor's current row ("" stands for SQL NULL). */
export interface RecordedMove {
  monitorId: number;
  /** The monitor's effective owner before the router's first move: where it returns. */
  from: string;
  /** The assigned_node value the router wrote. */
  to: string;
  /** The monitor row still exists. */
  present: boolean;
  nodeId: string;
  assigned: string;
}

/**
 * The record still describes its monitor: the router's write is in place. Anything else means
 * someone else changed the owner since (or deleted the monitor), and the record is dropped.
 * A paused monitor keeps its record: pausing is no choice of owner, and it returns like any other.
 */
export function inForce(r: RecordedMove): boolean {
  return r.present && r.assigned === r.to;
}

/** assigned_node for a monitor going back to `from`: NULL ("") when that is its creator's node. */
export function returnValue(from: string, nodeId: string): string {
  return from === nodeId ? "" : from;
}

/** Monitors that get the same assigned_node back ("" = NULL), in id order. */
export interface ReturnGroup {
  value: string;
  ids: number[];
}

/** Groups (monitor id, value) pairs by value: one conditional UPDATE per group. */
export function groupReturns(items: { id: number; value: string }[]): ReturnGroup[] {
  const byValue: Record<string, number[]> = {};
  const values: string[] = [];
  for (const it of items) {
    if (byValue[it.value] === undefined) {
      byValue[it.value] = [];
      values.push(it.value);
    }
    byValue[it.value].push(it.id);
  }
  values.sort();
  return values.map((value) => ({ value, ids: byValue[value].sort((a, b) => a - b) }));
}

/** Moves grouped by (from, to, and `extra`), in first-seen order: one statement per group. */
export function groupMoves<M extends { id: number; from: string; to: string }>(
  moves: M[],
  extra: (m: M) => string = () => "",
): { first: M; ids: number[] }[] {
  const groups: Record<string, { first: M; ids: number[] }> = {};
  const out: { first: M; ids: number[] }[] = [];
  for (const m of moves) {
    const key = `${m.from} ${m.to} ${extra(m)}`;
    if (groups[key] === undefined) {
      groups[key] = { first: m, ids: [] };
      out.push(groups[key]);
    }
    groups[key].ids.push(m.id);
  }
  return out;
}

/** The monitor ids of some groups, in id order. */
export function idsOf(groups: ReturnGroup[]): number[] {
  const ids: number[] = [];
  for (const g of groups) for (const id of g.ids) ids.push(id);
  return ids.sort((a, b) => a - b);
}

export interface RecordPlan {
  /** Moved monitors whose from node is confirmed up: they go back (their records with them). */
  returns: ReturnGroup[];
  /**
   * Moved monitors whose from node is gone for good (see goneNodes): their temporary owner
   * becomes their node_id, assigned_node NULL, the record forgotten; the rebalance spreads them.
   */
  rehome: number[];
  /** Records no longer in force: dropped, never acted on. */
  drop: number[];
  /** monitor id (decimal string) -> from node, for the records in force that stay. */
  movedFrom: Record<string, string>;
}

/**
 * What the records ask for, given the nodes confirmed up (`returning`): each record in force
 * whose from node is among them returns; a record no longer in force is forgotten unacted.
 */
export function planRecords(records: RecordedMove[], returning: string[], gone: string[] = []): RecordPlan {
  const back: Record<string, boolean> = {};
  for (const id of returning) back[id] = true;
  const away: Record<string, boolean> = {};
  for (const id of gone) away[id] = true;
  const returns: { id: number; value: string }[] = [];
  const drop: number[] = [];
  const rehome: number[] = [];
  const movedFrom: Record<string, string> = {};
  for (const r of records) {
    if (!inForce(r)) {
      drop.push(r.monitorId);
    } else if (back[r.from] === true) {
      returns.push({ id: r.monitorId, value: returnValue(r.from, r.nodeId) });
    } else if (away[r.from] === true) {
      rehome.push(r.monitorId);
    } else {
      movedFrom[`${r.monitorId}`] = r.from;
    }
  }
  drop.sort((a, b) => a - b);
  rehome.sort((a, b) => a - b);
  return { returns: groupReturns(returns), rehome, drop, movedFrom };
}

/** A node as goneNodes sees it. */
export interface PresentNode {
  id: string;
  online: boolean;
  /** Seconds since last_seen; -1 when never seen. */
  lastSeenAge: number;
}

/**
 * The from nodes whose moved monitors are re-homed for good: offline in the registry and unseen
 * for longer than STALE_NODE_TIMEOUT, or no longer in the registry at all (`fromNodes`: the
 * from nodes of the records, e.g. the snapshot's awayFrom keys).
 */
export function goneNodes(nodes: PresentNode[], fromNodes: string[], staleAfterS: number): string[] {
  const byId: Record<string, PresentNode> = {};
  for (const n of nodes) byId[n.id] = n;
  const gone: string[] = [];
  for (const id of fromNodes) {
    const n = byId[id];
    if (n === undefined || (!n.online && isStale(n.lastSeenAge, staleAfterS))) gone.push(id);
  }
  return gone.sort();
}
