// The real-node suite's results: each step per world and fork commit, the failover figures,
// and the hand-over figures (handover.ts: gap and overlap per moved monitor, median / p95 /
// max, moves at the minute apart), printed as tables when the suite ends.
import { atTheMinute, type Sample, type Samples } from "./handover";

export type Outcome = "pass" | "FAIL" | "skipped";

export interface Figures extends Samples {
  /** Kill until a browser pinned to the dead node is served by another. */
  trafficAwayMs?: number;
  /** Kill until a push for one of its monitors is accepted by another node. */
  pushElsewhereMs?: number;
  /** Kill until every one of its monitors is assigned elsewhere. */
  movedMs?: number;
  /** Restart until the router counts the node up again. */
  backUpMs?: number;
  /** Restart until every monitor is home (assigned_node cleared). */
  homeMs?: number;
  /** Edits through a node that does not own the monitor: its start there until it stops there. */
  editOverlap: Sample[];
}

export function emptyFigures(): Figures {
  return { failoverGap: [], returnGap: [], returnOverlap: [], editOverlap: [] };
}

export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (v: number | undefined): string => (v === undefined ? "-" : `${Math.round(v)}`);

/** Median, 95th percentile and maximum of the samples (ms), with their count. */
export function spread(samples: readonly Sample[]): { n: number; median?: number; p95?: number; max?: number } {
  const v = samples.map((s) => s.ms);
  return { n: v.length, median: percentile(v, 50), p95: percentile(v, 95), max: v.length === 0 ? undefined : Math.max(...v) };
}

const cell = (samples: readonly Sample[]): string => {
  const s = spread(samples);
  return s.n === 0 ? "-" : `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.max)} (${s.n})`;
};

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
    const steps = table(
      ["step", ...worlds],
      this.steps.map((s) => [s, ...worlds.map((w) => this.outcomes.get(w)?.get(s) ?? "not run")]),
    );
    const first = table(
      ["world / fork", "traffic away", "push elsewhere", "monitors moved", "node back up", "monitors home"],
      [...this.figures].map(([w, f]) => [w, ms(f.trafficAwayMs), ms(f.pushElsewhereMs), ms(f.movedMs), ms(f.backUpMs), ms(f.homeMs)]),
    );
    const off = (v: readonly Sample[]): Sample[] => v.filter((s) => !atTheMinute(s));
    const on = (v: readonly Sample[]): Sample[] => v.filter(atTheMinute);
    const handover = table(
      ["world / fork", "moves", "failover gap", "return gap", "return overlap", "edit overlap"],
      [...this.figures].flatMap(([w, f]) => [
        [w, "off the minute", cell(off(f.failoverGap)), cell(off(f.returnGap)), cell(off(f.returnOverlap)), cell(f.editOverlap)],
        [w, "at the minute", cell(on(f.failoverGap)), cell(on(f.returnGap)), cell(on(f.returnOverlap)), "-"],
      ]),
    );
    return [
      "Real fork nodes behind the router:",
      steps,
      "",
      "First round (ms, from SIGKILL of a node and from its restart):",
      first,
      "",
      "Hand-over (ms, median / p95 / max (samples); gap: move until the new owner runs it; overlap: both nodes run it, negative a gap;",
      `"at the minute": moves seen from second 55 to 02, where the fork's own minute run takes over):`,
      handover,
    ].join("\n");
  }
}
