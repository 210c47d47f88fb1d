// The health verdicts every worker routes by. The prober (one worker) and the passive checks
// write verdicts to the shared dict and bump a version; each worker keeps a decoded down-set
// and re-reads it only when the version moved, so a request costs one dict get.
import { DownSet } from "../core/route";
import { healthDict as dict } from "../dicts";

const VERSION = "verdicts:version";
const DOWN_PREFIX = "down:";

let localVersion = -1;
let localDown: DownSet = {};
let knownNodes: { id: string }[] = [];

/** The down-set over `nodes` (the snapshot's list: the same array until the snapshot changes). */
export function downSet(nodes: { id: string }[]): DownSet {
  const [version] = dict.get(VERSION);
  const v = typeof version === "number" ? version : 0;
  if (v !== localVersion || nodes !== knownNodes) {
    const down: DownSet = {};
    for (const n of nodes) {
      const [flag] = dict.get(DOWN_PREFIX + n.id);
      if (flag === true) down[n.id] = true;
    }
    localDown = down;
    localVersion = v;
    knownNodes = nodes;
  }
  return localDown;
}

/** Records a verdict; returns true when it changed. */
export function setDown(nodeId: string, down: boolean): boolean {
  const [current] = dict.get(DOWN_PREFIX + nodeId);
  if ((current === true) === down) return false;
  if (down) dict.set(DOWN_PREFIX + nodeId, true);
  else dict.delete(DOWN_PREFIX + nodeId);
  dict.incr(VERSION, 1, 0);
  return true;
}

export function isDown(nodeId: string): boolean {
  const [flag] = dict.get(DOWN_PREFIX + nodeId);
  return flag === true;
}
