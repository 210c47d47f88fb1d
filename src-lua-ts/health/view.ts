// The health verdicts every worker routes by. The prober (one worker) and the passive checks
// (any worker) keep each node's state in kuma_health (health/state.ts) and bump a version when
// a verdict flips; each worker keeps a decoded down-set and re-reads it only when the version
// moved or the snapshot's node list changed (the version is read once per clock tick).
import { DownSet } from "../core/route";
import * as state from "./state";

let localVersion = -1;
let localDown: DownSet = {};
let knownNodes: { id: string }[] = [];

/** The down-set over `nodes` (the snapshot's list: the same array until the snapshot changes). */
export function downSet(nodes: { id: string }[]): DownSet {
  const v = state.routingVerdictVersion();
  if (v !== localVersion || nodes !== knownNodes) {
    const down: DownSet = {};
    for (const n of nodes) {
      if (state.read(n.id)?.down === true) down[n.id] = true;
    }
    localDown = down;
    localVersion = v;
    knownNodes = nodes;
  }
  return localDown;
}

/** Forces a verdict (counters restart); returns true when it changed. */
export function setDown(nodeId: string, down: boolean): boolean {
  return state.force(nodeId, down);
}

export function isDown(nodeId: string): boolean {
  return state.read(nodeId)?.down === true;
}
