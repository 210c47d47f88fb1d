// Which node ran which monitor when, read from the fork nodes' own logs, and from that each
// monitor's gap (no node ran it) and overlap (two or more did) over a scenario. A node starts a
// monitor by a reconcile ("Reconciling: starting"), by Uptime Kuma's add/edit/resume ("Resume
// Monitor") or at its own start ("Starting monitor: ... (ID: n, assigned_node: ...)"); it stops
// one by a reconcile, a pause or delete, or by ending (the suite records each exit).
import type { ForkNode } from "./fork-node";
import { percentile } from "./report";

const START = [
  /Reconciling: starting monitor .*\(ID: (\d+)\)\s*$/,
  /Resume Monitor: (\d+) User ID/,
  /Starting monitor: .*\(ID: (\d+), assigned_node/,
];
const STOP = [/Reconciling: stopping monitor .*\(ID: (\d+)\)\s*$/, /(?:Pause|Delete) Monitor: (\d+) User ID/];

interface Event {
  at: number;
  node: string;
  /** +1 start, -1 stop; exit: every monitor of the node stops. */
  kind: "start" | "stop" | "exit";
  id?: number;
}

function events(nodes: readonly ForkNode[]): Event[] {
  const out: Event[] = [];
  for (const n of nodes) {
    for (const l of n.lines) {
      for (const re of START) {
        const m = re.exec(l.text);
        if (m) out.push({ at: l.at, node: n.id, kind: "start", id: Number(m[1]) });
      }
      for (const re of STOP) {
        const m = re.exec(l.text);
        if (m) out.push({ at: l.at, node: n.id, kind: "stop", id: Number(m[1]) });
      }
    }
    for (const at of n.exits) out.push({ at, node: n.id, kind: "exit" });
  }
  // Exits after lines of the same millisecond; stable otherwise.
  return out.sort((a, b) => a.at - b.at || (a.kind === "exit" ? 1 : 0) - (b.kind === "exit" ? 1 : 0));
}

export interface MonitorCoverage {
  id: number;
  /** Longest time no node ran it within the window (ms). */
  gapMs: number;
  /** Longest time two or more nodes ran it within the window (ms). */
  overlapMs: number;
  /** The nodes running it at the window's end. */
  runningAtEnd: string[];
}

/** Each monitor's longest gap and overlap between `from` and `to`. */
export function coverage(nodes: readonly ForkNode[], ids: readonly number[], from: number, to: number): MonitorCoverage[] {
  const wanted = new Set(ids);
  const running = new Map<number, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  const result = new Map<number, MonitorCoverage>(ids.map((id) => [id, { id, gapMs: 0, overlapMs: 0, runningAtEnd: [] }]));
  /** When the current gap or overlap of each monitor began (within the window). */
  const since = new Map<number, { at: number; gap: boolean }>();
  const close = (id: number, at: number): void => {
    const began = since.get(id);
    if (began === undefined) return;
    since.delete(id);
    const r = result.get(id) as MonitorCoverage;
    if (began.gap) r.gapMs = Math.max(r.gapMs, at - began.at);
    else r.overlapMs = Math.max(r.overlapMs, at - began.at);
  };
  const open = (id: number, at: number): void => {
    const count = (running.get(id) as Set<string>).size;
    if (count === 0 || count >= 2) since.set(id, { at: Math.max(at, from), gap: count === 0 });
  };
  const change = (id: number, at: number, apply: (set: Set<string>) => void): void => {
    const set = running.get(id) as Set<string>;
    const before = set.size;
    apply(set);
    const after = set.size;
    const kind = (n: number): number => (n === 0 ? 0 : n === 1 ? 1 : 2);
    if (at < from || kind(before) === kind(after)) return;
    close(id, at);
    open(id, at);
  };
  let opened = false;
  for (const e of events(nodes)) {
    if (e.at > to) break;
    if (!opened && e.at >= from) {
      opened = true;
      for (const id of ids) open(id, from);
    }
    if (e.kind === "exit") {
      for (const [id, set] of running) if (set.has(e.node)) change(id, e.at, (s) => s.delete(e.node));
    } else if (e.id !== undefined && wanted.has(e.id)) {
      const node = e.node;
      change(e.id, e.at, (s) => (e.kind === "start" ? s.add(node) : s.delete(node)));
    }
  }
  if (!opened) for (const id of ids) open(id, from);
  for (const id of ids) {
    close(id, to);
    (result.get(id) as MonitorCoverage).runningAtEnd = [...(running.get(id) as Set<string>)].sort();
  }
  return [...result.values()];
}

export interface CoverageFigures {
  monitors: number;
  withGap: number;
  withOverlap: number;
  gapP95Ms: number;
  gapMaxMs: number;
  overlapP95Ms: number;
  overlapMaxMs: number;
}

/** p95 and maximum over the monitors (a monitor with none counts as 0 ms). */
export function summarize(cov: readonly MonitorCoverage[]): CoverageFigures {
  const gaps = cov.map((c) => c.gapMs);
  const overlaps = cov.map((c) => c.overlapMs);
  return {
    monitors: cov.length,
    withGap: gaps.filter((g) => g > 0).length,
    withOverlap: overlaps.filter((o) => o > 0).length,
    gapP95Ms: percentile(gaps, 95) ?? 0,
    gapMaxMs: Math.max(0, ...gaps),
    overlapP95Ms: percentile(overlaps, 95) ?? 0,
    overlapMaxMs: Math.max(0, ...overlaps),
  };
}
