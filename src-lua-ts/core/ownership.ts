// Who owns a monitor, and what the router may change (docs/health.md, "Ownership"). node_id is
// the creator's node; assigned_node overrides it, written by an operator (the fork's Edit
// Monitor page) or by the router's failover. The router tells its own writes from an
// operator's by its move record (core/router_tables.ts): it undoes only a write of its own that
// is still in place, so an operator's override, or an operator's edit of a moved monitor, wins.
// Pure: the writer (health/monitor_moves.ts) reads the records and applies these plans in SQL.

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

/** The monitor ids of some groups, in id order. */
export function idsOf(groups: ReturnGroup[]): number[] {
  const ids: number[] = [];
  for (const g of groups) for (const id of g.ids) ids.push(id);
  return ids.sort((a, b) => a - b);
}

export interface RecordPlan {
  /** Moved monitors whose from node is confirmed up: they go back (their records with them). */
  returns: ReturnGroup[];
  /** Records no longer in force: dropped, never acted on. */
  drop: number[];
  /** monitor id (decimal string) -> from node, for the records in force that stay. */
  movedFrom: Record<string, string>;
}

/**
 * What the records ask for, given the nodes confirmed up (`returning`): each record in force
 * whose from node is among them returns; a record no longer in force is forgotten unacted.
 */
export function planRecords(records: RecordedMove[], returning: string[]): RecordPlan {
  const back: Record<string, boolean> = {};
  for (const id of returning) back[id] = true;
  const returns: { id: number; value: string }[] = [];
  const drop: number[] = [];
  const movedFrom: Record<string, string> = {};
  for (const r of records) {
    if (!inForce(r)) {
      drop.push(r.monitorId);
    } else if (back[r.from] === true) {
      returns.push({ id: r.monitorId, value: returnValue(r.from, r.nodeId) });
    } else {
      movedFrom[`${r.monitorId}`] = r.from;
    }
  }
  drop.sort((a, b) => a - b);
  return { returns: groupReturns(returns), drop, movedFrom };
}
