// The benchmark's numbers: what one wrk run reports, and the tables `make bench` prints from the
// runs (docs/benchmarks.md explains the columns). Pure functions, so they are tested without a
// benchmark (test/bench/stats.test.ts).

/** One measured wrk run of one setup and request class. */
export interface Run {
  klass: string;
  setup: string;
  /** "1", "2", ... for the main rounds; "metrics-N" and "profile-<variant>" for the later parts. */
  round: string;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx/3xx answers. */
  bad: number;
  /** utime + stime of the proxy's workers during the run, in clock ticks. */
  ticks: number;
  comSelect: number;
  /** Statements the tap saw, by kind (only the router's runs have meaningful ones). */
  lookups: number;
  sync: number;
  background: number;
}

export type WrkFigures = Pick<Run, "requests" | "rps" | "p50Ms" | "p99Ms" | "bad">;

/** wrk prints latencies as 812.00us, 1.20ms or 1.05s. */
export function latencyMs(text: string): number {
  const match = /^([0-9.]+)(us|ms|s)?$/.exec(text.trim());
  if (match === null) throw new Error(`wrk latency "${text}" is not a number with us, ms or s`);
  const value = Number(match[1]);
  if (match[2] === "us") return value / 1000;
  if (match[2] === "s") return value * 1000;
  return value;
}

/** The figures of wrk's `--latency` report; fails when the report has no request count. */
export function parseWrk(output: string): WrkFigures {
  const figures: WrkFigures = { requests: NaN, rps: NaN, p50Ms: NaN, p99Ms: NaN, bad: 0 };
  for (const line of output.split("\n")) {
    const requests = /^\s*(\d+) requests in /.exec(line);
    if (requests) figures.requests = Number(requests[1]);
    const rps = /^Requests\/sec:\s+([0-9.]+)/.exec(line);
    if (rps) figures.rps = Number(rps[1]);
    const percentile = /^\s+(50|99)%\s+(\S+)/.exec(line);
    if (percentile) figures[percentile[1] === "50" ? "p50Ms" : "p99Ms"] = latencyMs(percentile[2]);
    const bad = /Non-2xx or 3xx responses:\s+(\d+)/.exec(line);
    if (bad) figures.bad = Number(bad[1]);
  }
  if (Number.isNaN(figures.requests) || Number.isNaN(figures.rps)) throw new Error(`not a wrk report:\n${output}`);
  return figures;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Worker CPU in microseconds per request over a set of runs. */
export function cpuPerRequestUs(runs: readonly Run[], clockTicks: number): number {
  return ((sum(runs.map((run) => run.ticks)) / clockTicks) * 1e6) / sum(runs.map((run) => run.requests));
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function signed(value: number, digits: number): string {
  return (value >= 0 ? "+" : "") + value.toFixed(digits);
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  return [row(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(row)];
}

/** Classes in the order they were first measured. */
function classesOf(runs: readonly Run[]): string[] {
  return [...new Set(runs.map((run) => run.klass))];
}

export interface MainTableOptions {
  clockTicks: number;
  durationS: number;
  workers: number;
  /** Row label of each class. */
  labels: Record<string, string>;
}

/** Plain against router for each class, over the main rounds; then each round's ratio and their median. */
export function mainTables(allRuns: readonly Run[], options: MainTableOptions): string[] {
  const runs = allRuns.filter((run) => /^\d+$/.test(run.round) && (run.setup === "plain" || run.setup === "router"));
  const { clockTicks, durationS, workers, labels } = options;
  const rows: string[][] = [];
  const roundRows: string[][] = [];
  for (const klass of classesOf(runs)) {
    const plain = runs.filter((run) => run.klass === klass && run.setup === "plain");
    const router = runs.filter((run) => run.klass === klass && run.setup === "router");
    const avg = (list: Run[], field: keyof Run): number => mean(list.map((run) => run[field] as number));
    const total = (list: Run[], field: keyof Run): number => sum(list.map((run) => run[field] as number));
    const cpuPlain = cpuPerRequestUs(plain, clockTicks);
    const cpuRouter = cpuPerRequestUs(router, clockTicks);
    const busy = (list: Run[]): number => (100 * total(list, "ticks")) / clockTicks / (list.length * durationS * workers);
    rows.push([
      labels[klass] ?? klass,
      `${fixed(avg(plain, "rps"), 0)} / ${fixed(avg(router, "rps"), 0)}`,
      fixed(avg(router, "rps") / avg(plain, "rps"), 2),
      `${fixed(cpuPlain, 1)} / ${fixed(cpuRouter, 1)}`,
      fixed(cpuPlain / cpuRouter, 2),
      `${fixed(avg(plain, "p50Ms"), 2)} / ${fixed(avg(router, "p50Ms"), 2)}`,
      `${fixed(avg(plain, "p99Ms"), 2)} / ${fixed(avg(router, "p99Ms"), 2)}`,
      `${fixed(busy(plain), 0)} / ${fixed(busy(router), 0)}`,
      `${fixed(total(plain, "comSelect") / total(plain, "requests"), 5)} / ${fixed(total(router, "comSelect") / total(router, "requests"), 5)}`,
      fixed(total(router, "lookups") / total(router, "requests"), 5),
      fixed((total(router, "sync") + total(router, "background")) / (router.length * durationS), 1),
      `${total(plain, "bad")} / ${total(router, "bad")}`,
    ]);
    // Each round runs plain and router back to back: its ratio is the least disturbed by a
    // neighbour that comes and goes, so the median of the rounds is printed as well.
    const ratios = [...new Set(plain.map((run) => run.round))].flatMap((round) => {
      const p = plain.find((run) => run.round === round);
      const r = router.find((run) => run.round === round);
      return p && r ? [r.rps / p.rps] : [];
    });
    roundRows.push([labels[klass] ?? klass, ratios.map((ratio) => fixed(ratio, 2)).join(" "), fixed(median(ratios), 2)]);
  }
  return [
    ...table(
      [
        "class",
        "req/s plain / router",
        "throughput ratio",
        "worker CPU us/req plain / router",
        "capacity ratio",
        "p50 ms plain / router",
        "p99 ms plain / router",
        "worker busy % plain / router",
        "Com_select/req plain / router",
        "router lookups/req",
        "router sync+background stmts/s",
        "non-2xx",
      ],
      rows,
    ),
    "",
    ...table(["class", "throughput ratio per round (plain and router back to back)", "median"], roundRows),
  ];
}

/** The router with ROUTER_METRICS=false against the same router with metrics on. */
export function metricsTable(allRuns: readonly Run[], clockTicks: number): string[] {
  const runs = allRuns.filter((run) => run.round.startsWith("metrics-"));
  const rows = classesOf(runs).map((klass) => {
    const off = runs.filter((run) => run.klass === klass && run.setup === "metrics-off");
    const on = runs.filter((run) => run.klass === klass && run.setup === "router");
    const rpsOff = mean(off.map((run) => run.rps));
    const rpsOn = mean(on.map((run) => run.rps));
    const usOff = cpuPerRequestUs(off, clockTicks);
    const usOn = cpuPerRequestUs(on, clockTicks);
    return [
      klass,
      `${fixed(rpsOff, 0)} / ${fixed(rpsOn, 0)}`,
      `${signed((100 * (rpsOff - rpsOn)) / rpsOff, 1)} %`,
      `${fixed(usOff, 1)} / ${fixed(usOn, 1)}`,
      `${signed((100 * (usOn - usOff)) / usOff, 1)} %`,
    ];
  });
  return table(["metrics cost (class)", "req/s off / on", "throughput cost", "worker CPU us/req off / on", "CPU cost"], rows);
}

/**
 * One run per router variant of the pinned class. The variant with no Lua at all is the ceiling
 * of any router built on these phases: a row's capacity against it is the most that row could reach.
 */
export function profileTable(allRuns: readonly Run[], clockTicks: number, noLuaVariant: string): string[] {
  const profile = allRuns.filter((run) => run.round.startsWith("profile-"));
  const us = new Map(profile.map((run) => [run.round.slice("profile-".length), cpuPerRequestUs([run], clockTicks)]));
  const full = us.get("full") ?? NaN;
  const noLua = us.get(noLuaVariant);
  const rows = profile.map((run) => {
    const variant = run.round.slice("profile-".length);
    const cost = us.get(variant) as number;
    return [variant, fixed(run.rps, 0), fixed(cost, 1), signed(cost - full, 1), noLua === undefined ? "-" : fixed(noLua / cost, 2)];
  });
  const plainPinned = allRuns.filter((run) => run.klass === "pinned" && run.setup === "plain" && /^\d+$/.test(run.round));
  const plainUs = cpuPerRequestUs(plainPinned, clockTicks);
  rows.push(["plain proxy_pass (the pinned runs above)", "", fixed(plainUs, 1), signed(plainUs - full, 1), ""]);
  return table(["router variant (pinned class, one run each)", "req/s", "worker CPU us/req", "vs full", "capacity vs no Lua"], rows);
}

/** Instructions per request under callgrind, one row per setup. */
export interface CallgrindCount {
  setup: string;
  klass: string;
  requests: number;
  instructions: number;
  /** Instructions of the same setup over as long without requests: its background work. */
  idle: number;
}

/** Per request, as counted (`withoutIdle` false) or less the idle background work. */
export function callgrindTable(counts: readonly CallgrindCount[], classes: readonly string[], withoutIdle: boolean): string[] {
  const setups = [...new Set(counts.map((count) => count.setup))];
  const rows = setups.map((setup) => [
    setup,
    ...classes.map((klass) => {
      const count = counts.find((c) => c.setup === setup && c.klass === klass);
      if (count === undefined) return "-";
      return fixed((count.instructions - (withoutIdle ? count.idle : 0)) / count.requests, 0);
    }),
  ]);
  const title = withoutIdle ? "instructions per request, idle background subtracted" : "instructions per request (callgrind)";
  return table([title, "pinned", "push", "new session"], rows);
}

/**
 * LuaJIT's trace aborts in a jit.v log (lines "[TRACE --- where -- reason at file:line]"): the
 * reasons with their counts, most frequent first, without the position, so the same reason from
 * different lines counts once.
 */
export function traceAborts(log: string, limit = 8): Array<{ count: number; reason: string }> {
  const counts = new Map<string, number>();
  for (const line of log.split("\n")) {
    const abort = /TRACE --- .*? -- (.*?)\]?$/.exec(line);
    if (abort === null) continue;
    const reason = abort[1].replace(/ at [^ ]+:\d+$/, "");
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts]
    .map(([reason, count]) => ({ count, reason }))
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** The Max column of wrk's Latency line, in ms; NaN when the report has none. */
export function wrkMaxMs(output: string): number {
  const latency = /^[ \t]+Latency[ \t]+[0-9][^ \t]*[ \t]+[^ \t]+[ \t]+([^ \t\n]+)/m.exec(output);
  return latency === null ? NaN : latencyMs(latency[1]);
}

/** One run of the snapshot bench's change burst (make bench-snapshot). */
export interface BurstRun extends WrkFigures {
  /** none: no changes; changes: one monitor change a second; floor: the stand-in nginx alone. */
  setup: string;
  maxMs: number;
}

/** The line the snapshot bench prints for one burst run. */
export function burstLine(run: BurstRun): string {
  return `burst ${run.setup.padEnd(10)} requests ${run.requests}, p50 ${run.p50Ms.toFixed(2)} ms, p99 ${run.p99Ms.toFixed(2)} ms, max ${run.maxMs.toFixed(1)} ms, non-2xx ${run.bad}`;
}
