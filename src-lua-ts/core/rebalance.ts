// Rebalance (docs/health.md, "Rebalance"): once the cluster has been healthy for a settle time,
// the writer moves monitors from the most- to the least-loaded nodes until the imbalance is
// below a threshold. A rebalance changes a monitor's permanent owner (node_id): unlike a
// failover, nothing comes back. Pure: when a pass may run, and which monitors it moves.

export interface RebalanceSettings {
  enabled: boolean;
  /** (max - min) / mean below this is balanced (0.2 = 20%). */
  threshold: number;
  /** Every node must have been confirmed up this long before a pass. */
  settleS: number;
  /** At most this many monitors per pass. */
  batch: number;
  /** Passes at most this often (the nodes hand over between them). */
  intervalS: number;
  /** A monitor is never rebalanced twice within this many seconds. */
  cooldownS: number;
}

/** (max - min) / mean of the loads; 0 with fewer than two nodes or no monitors. */
export function imbalance(loads: number[]): number {
  if (loads.length < 2) return 0;
  let min = loads[0];
  let max = loads[0];
  let sum = 0;
  for (const l of loads) {
    if (l < min) min = l;
    if (l > max) max = l;
    sum += l;
  }
  if (sum === 0) return 0;
  return (max - min) / (sum / loads.length);
}

/** A node that may give or take monitors in a pass: healthy, confirmed, undrained. */
export interface BalanceNode {
  id: string;
  /** Active monitors it owns now (effective owner). */
  load: number;
  /**
   * Its monitors a rebalance may move, in id order: active, its own (node_id, no assigned_node:
   * never an operator's override nor a failover in force), not rebalanced within the cool-down.
   */
  movable: number[];
}

export interface RebalanceMove {
  id: number;
  from: string;
  to: string;
}

export interface RebalancePlan {
  moves: RebalanceMove[];
  /** The imbalance before and after the planned moves. */
  before: number;
  after: number;
}

/**
 * One pass: repeatedly moves one monitor from the most-loaded node that has a movable monitor
 * to the least-loaded node below `limit` (ties by node id), newest monitor first (older ones keep
 * their node), while the imbalance is at or above the threshold, at most `batch` moves, and
 * only while a move narrows the gap (from's load exceeds to's by at least 2).
 */
export function planRebalance(nodes: BalanceNode[], limit: number, threshold: number, batch: number): RebalancePlan {
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const load: Record<string, number> = {};
  const left: Record<string, number[]> = {};
  for (const n of sorted) {
    load[n.id] = n.load;
    left[n.id] = [...n.movable].sort((a, b) => a - b);
  }
  const loads = (): number[] => sorted.map((n) => load[n.id]);
  const before = imbalance(loads());
  const moves: RebalanceMove[] = [];
  while (moves.length < batch && imbalance(loads()) >= threshold) {
    let from: string | undefined;
    let to: string | undefined;
    for (const n of sorted) {
      if (left[n.id].length > 0 && (from === undefined || load[n.id] > load[from])) from = n.id;
      if (load[n.id] < limit && (to === undefined || load[n.id] < load[to])) to = n.id;
    }
    if (from === undefined || to === undefined || load[from] - load[to] < 2) break;
    const id = left[from].pop() as number;
    load[from]--;
    load[to]++;
    moves.push({ id, from, to });
  }
  return { moves, before, after: imbalance(loads()) };
}

/** Why no pass runs now ("" when one may). */
export function rebalanceBlocked(
  settings: RebalanceSettings,
  nodes: { healthyForS: number }[],
  failoverPending: boolean,
  sinceLastPassS: number,
): string {
  if (!settings.enabled) return "disabled";
  if (failoverPending) return "monitors are failing over or draining";
  if (nodes.length < 2) return "fewer than two healthy nodes";
  for (const n of nodes) if (n.healthyForS < settings.settleS) return "a node has not been healthy for the settle time";
  if (sinceLastPassS < settings.intervalS) return "the last pass was too recent";
  return "";
}

/** A snapshot node as the imbalance metric sees it. */
export interface LoadedNode {
  id: string;
  online: boolean;
  address?: unknown;
  drained?: boolean;
  /** Another world's node (core/world.ts): not this router's to balance. */
  foreign?: boolean;
  owned: number;
}

/**
 * The loads the imbalance is measured on: nodes that may take monitors (online, addressable,
 * up by the checks, undrained, of this router's world). A drained or down node's monitors are
 * leaving anyway.
 */
export function servingLoads(nodes: LoadedNode[], down: Record<string, boolean>): number[] {
  const loads: number[] = [];
  for (const n of nodes)
    if (n.online && n.address !== undefined && n.foreign !== true && down[n.id] !== true && n.drained !== true) loads.push(n.owned);
  return loads;
}
