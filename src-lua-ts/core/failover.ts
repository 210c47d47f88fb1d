// Failover of monitors (docs/routing.md#the-cluster: assigned_node is a temporary owner while the real one is
// down or drained): which nodes give their monitors away, which take them, which get theirs back, and the
// assignment itself, with the record of each move (core/ownership.ts). Pure; the writer runs it
// inside one transaction.
import { RegistryNode, Thresholds } from "./health";
import { ReturnGroup, groupReturns, returnValue } from "./ownership";

export interface FailoverNode extends RegistryNode {
  /** Active monitors whose effective owner is this node (from the snapshot). */
  owned: number;
}

/**
 * Why the router moved a monitor (kuma_cluster_move.kind): its owner was down by the probes
 * (failover), drained (drain), offline by its own deregistration while its probes still passed
 * (leave), or rebalanced onto a less-loaded node (rebalance, a change of node_id that never
 * returns).
 */
export type MoveKind = "failover" | "drain" | "leave" | "rebalance";

export interface FailoverWork {
  /** Down, drained or departed nodes that still own active monitors. */
  sources: string[];
  /** source node id -> why its monitors move. */
  kinds: Record<string, MoveKind>;
  /** Nodes that may take monitors: online in the registry, addressable, up, not drained. */
  targets: string[];
  /** Targets confirmed by the success threshold: the monitors the router moved away from them come back. */
  returning: string[];
}

/**
 * Foreign nodes (core/world.ts) are never failed over nor get monitors back: this router does
 * not probe them. A drain is the operator's act, not a health verdict, so a drained foreign node
 * gives its monitors away, and when no own node is down, online foreign nodes take drained
 * monitors too: the cut-over's drain moves them to the other world (docs/deployment.md).
 */
export function failoverWork(nodes: FailoverNode[], t: Thresholds): FailoverWork {
  const work: FailoverWork = { sources: [], kinds: {}, targets: [], returning: [] };
  const foreignTargets: string[] = [];
  for (const n of nodes) {
    if (!n.online || !n.addressable || n.drained === true) continue;
    if (n.foreign === true) {
      foreignTargets.push(n.id);
    } else if (!n.health.down) {
      work.targets.push(n.id);
      // Confirmed by probes, not merely "not known to be down" (a router that just started).
      if (n.health.successes >= t.successes) work.returning.push(n.id);
    }
  }
  // A down node by the probes' verdict; a drained one at once (it still runs its monitors
  // until the targets have taken them over); one of this world offline in the registry while
  // its probes pass at once too: that is its own SIGTERM deregistration, and it is about to
  // stop. A quick restart cannot take them back early: its success count starts again while it
  // is away (core/health.ts whileAway). A foreign node is neither failed over nor left (this
  // router does not probe it, so its registry row alone says nothing it may act on), and a
  // failover or a leave never hands monitors to foreign nodes: only a drain does.
  let failover = false;
  for (const n of nodes) {
    if (n.owned === 0) continue;
    if (n.health.down && n.foreign !== true) {
      work.kinds[n.id] = "failover";
      failover = true;
    } else if (n.drained === true) work.kinds[n.id] = "drain";
    else if (!n.online && n.foreign !== true) {
      work.kinds[n.id] = "leave";
      failover = true;
    } else continue;
    work.sources.push(n.id);
  }
  if (!failover) for (const id of foreignTargets) work.targets.push(id);
  if (work.targets.length === 0) return { sources: [], kinds: {}, targets: [], returning: [] };
  return work;
}

/** A monitor owned by a source node; "" stands for SQL NULL. */
export interface SourceMonitor {
  id: number;
  nodeId: string;
  assigned: string;
  /**
   * Where the router's record in force says the monitor came from (core/ownership.ts); absent
   * or "" when the router never moved it (its current owner is the creator's or an operator's).
   */
  movedFrom?: string;
}

/** A failover write and its record: the monitor goes to `to`, and returns to `from` later. */
export interface MoveEntry {
  id: number;
  from: string;
  to: string;
  kind: MoveKind;
}

export interface FailoverPlan {
  /** target node id -> monitor ids to assign to it, in id order. */
  assign: Record<string, number[]>;
  /** The records to write for `assign`, in id order. */
  records: MoveEntry[];
  /** Moved monitors whose from node is a target: they go back there instead (records forgotten). */
  home: ReturnGroup[];
  /** Monitors no target can take within the per-node limit: left where they are. */
  stranded: number[];
}

/** The monitor's effective owner now: the source it moves from. */
function ownerOf(m: SourceMonitor): string {
  return m.assigned !== "" ? m.assigned : m.nodeId;
}

/** Where a source monitor returns to: its record's from node, else its owner now (the source). */
function homeOf(m: SourceMonitor): string {
  if (m.movedFrom !== undefined && m.movedFrom !== "") return m.movedFrom;
  return ownerOf(m);
}

/**
 * Each monitor, in id order, goes to the least-loaded target (ties by node id) that is below
 * `limit`; `loads` are the targets' current active monitors. A monitor the router moved before
 * whose from node is a target goes back there, whatever the limit. A monitor the router never
 * moved fails over from its owner now, creator's node or an operator's override alike: the
 * record remembers that owner, so it comes back to it.
 */
export function planFailover(
  monitors: SourceMonitor[],
  targets: string[],
  loads: Record<string, number>,
  limit: number,
  kinds: Record<string, MoveKind> = {},
): FailoverPlan {
  const plan: FailoverPlan = { assign: {}, records: [], home: [], stranded: [] };
  const load: Record<string, number> = {};
  const isTarget: Record<string, boolean> = {};
  const sortedTargets = [...targets].sort();
  for (const id of sortedTargets) {
    load[id] = loads[id] ?? 0;
    isTarget[id] = true;
  }
  const home: { id: number; value: string }[] = [];
  const ordered = [...monitors].sort((a, b) => a.id - b.id);
  for (const m of ordered) {
    const from = homeOf(m);
    if (isTarget[from] === true) {
      home.push({ id: m.id, value: returnValue(from, m.nodeId) });
      load[from]++;
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
    plan.records.push({ id: m.id, from, to: best, kind: kinds[ownerOf(m)] ?? "failover" });
  }
  plan.home = groupReturns(home);
  return plan;
}
