// What /lb/status shows of the health checks: who probes and writes, counters, last probes.
import { NodeInfo } from "../core/snapshot";
import { leaseHolder } from "../runtime/lease";
import { LEASE } from "./prober";
import * as verdicts from "./verdicts";
import { writerPid, writes } from "./writer";

export interface NodeCheck {
  down: boolean;
  successes: number;
  failures: number;
  lastProbe: string | undefined;
}

export interface HealthDetails {
  /** pid of this router's probing worker. */
  prober: number | undefined;
  /** True when this router holds the cluster's writer lock. */
  writer: boolean;
  /** Registry writes and monitor moves this router made since it started. */
  writes: number;
  pendingWrites: Record<string, string>;
  nodes: Record<string, NodeCheck>;
}

export function details(nodes: NodeInfo[]): HealthDetails {
  const out: Record<string, NodeCheck> = {};
  for (const n of nodes) {
    const h = verdicts.read(n.id);
    out[n.id] = { down: h?.down === true, successes: h?.successes ?? 0, failures: h?.failures ?? 0, lastProbe: verdicts.lastProbe(n.id) };
  }
  return { prober: leaseHolder(LEASE), writer: writerPid() !== undefined, writes: writes(), pendingWrites: verdicts.pending(), nodes: out };
}
