// Failover of monitors (ROUTING §1: assigned_node is a temporary owner while the real one is
// down): which nodes give their monitors away, which take them, which get theirs back, and the
// assignment itself. Pure; the writer runs it inside one transaction.
import { RegistryNode, Thresholds } from "./health";

export interface FailoverNode extends RegistryNode {
  /** Active monitors whose effective owner is this node (from the snapshot). */
  owned: number;
}

export interface FailoverWork {
  /** Down nodes that still own active monitors. */
  sources: string[];
  /** Nodes that may take monitors: online in the registry, addressable, up. */
  targets: string[];
  /** Up nodes confirmed by the success threshold: their own monitors come home. */
  returning: string[];
}

export function failoverWork(nodes: FailoverNode[], t: Thresholds): FailoverWork {
  const work: FailoverWork = { sources: [], targets: [], returning: [] };
  for (const n of nodes) {
    if (n.online && n.addressable && !n.health.down) {
      work.targets.push(n.id);
      // Confirmed by probes, not merely "not known to be down" (a router that just started).
      if (n.health.successes >= t.successes) work.returning.push(n.id);
    }
  }
  if (work.targets.length === 0) return work;
  // By the probes' verdict only: a node offline in the registry is already no candidate for
  // routing (its pushes go to a healthy node at once), and moving its monitors before the
  // probes confirm it would let a quick restart take them back before it is reachable again.
  for (const n of nodes) if (n.health.down && n.owned > 0) work.sources.push(n.id);
  return work;
}

/** A monitor owned by a source node; "" stands for SQL NULL. */
export interface SourceMonitor {
  id: number;
  nodeId: string;
  assigned: string;
}

export interface FailoverPlan {
  /** target node id -> monitor ids to assign to it, in id order. */
  assign: Record<string, number[]>;
  /** Monitors whose real owner is a target: assigned_node is cleared instead. */
  home: number[];
  /** Monitors no target can take within the per-node limit: left where they are. */
  stranded: number[];
}

/**
 * Each monitor, in id order, goes to the least-loaded target (ties by node id) that is below
 * `limit`; `loads` are the targets' current active monitors. A monitor whose real owner is a
 * target goes home, whatever the limit.
 */
export function planFailover(monitors: SourceMonitor[], targets: string[], loads: Record<string, number>, limit: number): FailoverPlan {
  const plan: FailoverPlan = { assign: {}, home: [], stranded: [] };
  const load: Record<string, number> = {};
  const isTarget: Record<string, boolean> = {};
  const sortedTargets = [...targets].sort();
  for (const id of sortedTargets) {
    load[id] = loads[id] ?? 0;
    isTarget[id] = true;
  }
  const ordered = [...monitors].sort((a, b) => a.id - b.id);
  for (const m of ordered) {
    if (m.nodeId !== "" && isTarget[m.nodeId] === true) {
      plan.home.push(m.id);
      load[m.nodeId]++;
      continue;
    }
    let best: string | undefined;
    for (const id of sortedTargets) {
      if (load[id] < limit && (best === undefined || load[id] < load[best])) best = id;
    }
    if (best === undefined) {
      plan.stranded.push(m.id);
      continue;
    }
    load[best]++;
    if (plan.assign[best] === undefined) plan.assign[best] = [];
    plan.assign[best].push(m.id);
  }
  return plan;
}
