// The real-node suite's results: each step per world and fork commit, the failover figures,
// and the hand-over latency (a moved monitor's move until its new owner's fork logs
// "Reconciling: starting"), printed as tables when the suite ends.

export type Outcome = "pass" | "FAIL" | "skipped";

export interface Figures {
  /** Kill until a browser pinned to the dead node is served by another. */
  trafficAwayMs?: number;
  /** Kill until a push for one of its monitors is accepted by another node. */
  pushElsewhereMs?: number;
  /** Kill until every one of its monitors is assigned elsewhere. */
  movedMs?: number;
  /** Per moved monitor: its move until the new owner's fork started it. */
  failoverRunMs: number[];
  /** Restart until the router counts the node up again. */
  backUpMs?: number;
  /** Restart until every monitor is home (assigned_node cleared). */
  homeMs?: number;
  /** Per monitor: back home until the home node's fork started it. */
  returnRunMs: number[];
  /** Per monitor: the home node started it until the temporary owner stopped it (negative: a gap). */
  returnOverlapMs: number[];
  /** An edit through a node that does not own the monitor: its start there until it stops there. */
  editOverlapMs?: number;
}

export function emptyFigures(): Figures {
  return { failoverRunMs: [], returnRunMs: [], returnOverlapMs: [] };
}

export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (v: number | undefined): string => (v === undefined ? "-" : `${Math.round(v)}`);
const spread = (values: readonly number[]): string =>
  values.length === 0 ? "-" : `${ms(percentile(values, 50))} / ${ms(Math.max(...values))}`;

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells: string[]): string => `| ${cells.map((t, c) => t + " ".repeat(widths[c] - t.length)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

export class Report {
  private readonly outcomes = new Map<string, Map<string, Outcome>>();
  readonly figures = new Map<string, Figures>();

  constructor(private readonly steps: readonly string[]) {}

  record(world: string, step: string, outcome: Outcome): void {
    let m = this.outcomes.get(world);
    if (!m) this.outcomes.set(world, (m = new Map()));
    if (m.get(step) !== "FAIL") m.set(step, outcome);
  }

  figuresOf(world: string): Figures {
    let f = this.figures.get(world);
    if (!f) this.figures.set(world, (f = emptyFigures()));
    return f;
  }

  render(): string {
    const worlds = [...this.outcomes.keys()];
    const steps = table(["step", ...worlds], this.steps.map((s) => [s, ...worlds.map((w) => this.outcomes.get(w)?.get(s) ?? "not run")]));
    const figures = table(
      ["world / fork", "traffic away", "push elsewhere", "monitors moved", "new owner runs them (median / max)", "node back up", "monitors home", "home node runs them (median / max)", "overlap on return (median / max)", "edit on a non-owner: overlap"],
      [...this.figures].map(([w, f]) => [w, ms(f.trafficAwayMs), ms(f.pushElsewhereMs), ms(f.movedMs), spread(f.failoverRunMs), ms(f.backUpMs), ms(f.homeMs), spread(f.returnRunMs), spread(f.returnOverlapMs), ms(f.editOverlapMs)]),
    );
    const all = [...this.figures.values()].flatMap((f) => [...f.failoverRunMs, ...f.returnRunMs]);
    const handover =
      all.length === 0
        ? "hand-over latency: no samples"
        : `hand-over latency (move -> "Reconciling: starting" on the new owner), ${all.length} moves: median ${ms(percentile(all, 50))} ms, p95 ${ms(percentile(all, 95))} ms, max ${ms(Math.max(...all))} ms`;
    return ["Real fork nodes behind the router:", steps, "", "Failover figures (ms, from SIGKILL of a node and from its restart):", figures, handover].join("\n");
  }
}
