// The Prometheus text exposition format (version 0.0.4), pure: shared-dict keys for samples,
// histogram bucket selection, escaping, number formatting, and the rendering of collected
// samples. Compiled to Lua for /metrics and to JavaScript for the tests, which compare both
// builds' output on one fixture (spec/metrics/render_cases.json).
import { FAMILIES, Family, LATENCY_BUCKETS, familyOf, labelName } from "./metrics_catalog";
import { parseDecimal, splitOn } from "./text";

/** Separates a key's family name, label values and part. Node ids and enums never contain it. */
const SEP = "|";
/** Key parts: a histogram bucket ("b3"), a histogram sum, a per-process gauge share ("p1234"). */
const BUCKET_PART = "b";
const SUM_PART = "sum";
const PROCESS_PART = "p";

// ---------------------------------------------------------------------------------------------
// Keys of the shared dict: "<family>|<label values...>[|<part>]"

function joinKey(name: string, values: string[], part: string | undefined): string | undefined {
  for (const v of values) if (v.indexOf(SEP) >= 0) return undefined;
  let key = name;
  for (const v of values) key = key + SEP + v;
  return part === undefined ? key : key + SEP + part;
}

/** A counter or gauge sample; undefined when a label value could not be stored safely. */
export function sampleKey(name: string, values: string[]): string | undefined {
  return joinKey(name, values, undefined);
}

/** Bucket `index` of a histogram (LATENCY_BUCKETS.length is the +Inf overflow). */
export function bucketKey(name: string, values: string[], index: number): string | undefined {
  return joinKey(name, values, `${BUCKET_PART}${index}`);
}

export function sumKey(name: string, values: string[]): string | undefined {
  return joinKey(name, values, SUM_PART);
}

/**
 * One worker's share of a gauge (open WebSockets): a worker that dies takes its connections with
 * it, so its share must be dropped rather than left counted (see collect()).
 */
export function processKey(name: string, values: string[], pid: number): string | undefined {
  return joinKey(name, values, `${PROCESS_PART}${pid}`);
}

// ---------------------------------------------------------------------------------------------
// Values

/** The bucket of a duration: the first bound >= seconds; bounds.length means +Inf. */
export function bucketIndex(seconds: number, bounds: number[] = LATENCY_BUCKETS): number {
  for (let i = 0; i < bounds.length; i++) {
    if (seconds <= bounds[i]) return i;
  }
  return bounds.length;
}

/**
 * bucketIndex as a lookup, for the request path (a loop there keeps LuaJIT from compiling the
 * log phase): the bucket of every whole millisecond up to the largest bound. The bounds must
 * be whole milliseconds, as LATENCY_BUCKETS are.
 */
export function millisecondBuckets(bounds: number[] = LATENCY_BUCKETS): number[] {
  const byMs: number[] = [];
  const top = Math.round(bounds[bounds.length - 1] * 1000);
  for (let ms = 0; ms <= top; ms++) byMs.push(bucketIndex(ms / 1000, bounds));
  return byMs;
}

/** bucketIndex(seconds, bounds) through the table of millisecondBuckets(bounds). */
export function bucketOf(seconds: number, byMs: number[], bounds: number[] = LATENCY_BUCKETS): number {
  const ms = Math.floor(seconds * 1000);
  if (!(ms >= 0)) return bucketIndex(seconds, bounds);
  if (ms >= byMs.length) return bounds.length;
  // Within [ms, ms + 1) only a bound at ms itself can lie below `seconds`.
  const i = byMs[ms];
  return i < bounds.length && seconds > bounds[i] ? i + 1 : i;
}

/** Integers in full, other values with at most 6 decimals: the same text from Lua and from JS. */
export function formatValue(v: number): string {
  if (v !== v) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  if (v === 0) return "0";
  if (Math.floor(v) === v) return v.toFixed(0);
  let s = v.toFixed(6);
  while (s.charAt(s.length - 1) === "0") s = s.substring(0, s.length - 1);
  if (s.charAt(s.length - 1) === ".") s = s.substring(0, s.length - 1);
  return s === "-0" ? "0" : s;
}

function replaceAll(s: string, from: string, to: string): string {
  if (s.indexOf(from) < 0) return s;
  return splitOn(s, from).join(to);
}

/** Label values: backslash, double quote and line feed are escaped. */
export function escapeLabelValue(s: string): string {
  return replaceAll(replaceAll(replaceAll(s, "\\", "\\\\"), '"', '\\"'), "\n", "\\n");
}

/** HELP text: backslash and line feed are escaped. */
export function escapeHelp(s: string): string {
  return replaceAll(replaceAll(s, "\\", "\\\\"), "\n", "\\n");
}

// ---------------------------------------------------------------------------------------------
// Collecting samples

export interface Series {
  values: string[];
  /** Counter or gauge value. */
  value: number;
  /** Histogram: per-bucket (not cumulative) counts, LATENCY_BUCKETS.length + 1 of them. */
  buckets: number[] | undefined;
  sum: number;
}

/** family name -> label values joined -> series */
export type Collected = Record<string, Record<string, Series>>;

export function newCollected(): Collected {
  const c: Collected = {};
  for (const f of FAMILIES) c[f.name] = {};
  return c;
}

function seriesOf(c: Collected, family: Family, values: string[]): Series {
  const byLabels = c[family.name];
  const id = values.join(SEP);
  let s = byLabels[id];
  if (s === undefined) {
    s = { values, value: 0, buckets: undefined, sum: 0 };
    if (family.type === "histogram") {
      const buckets: number[] = [];
      for (let i = 0; i <= LATENCY_BUCKETS.length; i++) buckets.push(0);
      s.buckets = buckets;
    }
    byLabels[id] = s;
  }
  return s;
}

/** Adds `value` to a counter or gauge series (created at 0). Unknown families are ignored. */
export function addSample(c: Collected, name: string, values: string[], value: number): void {
  const family = familyOf(name);
  if (family === undefined || family.type === "histogram" || values.length !== family.labels.length) return;
  seriesOf(c, family, values).value += value;
}

/** Adds a whole series of values to a histogram (counts per bucket, and their sum). */
export function addHistogram(c: Collected, name: string, values: string[], buckets: number[], sum: number): void {
  const family = familyOf(name);
  if (family === undefined || family.type !== "histogram" || values.length !== family.labels.length) return;
  const s = seriesOf(c, family, values);
  const own = s.buckets as number[];
  for (let i = 0; i < own.length && i < buckets.length; i++) own[i] += buckets[i];
  s.sum += sum;
}

export interface CollectOutcome {
  collected: Collected;
  /** Keys of processes that are gone: the caller deletes them. */
  deadKeys: string[];
}

/**
 * Turns shared-dict entries into series. Keys of unknown families are skipped (the dict holds
 * other bookkeeping too); a per-process share counts only while `alive(pid)` says so.
 */
export function collect(entries: [string, number][], alive: (this: void, pid: number) => boolean): CollectOutcome {
  const c = newCollected();
  const deadKeys: string[] = [];
  const liveness: Record<string, boolean> = {};
  for (const [key, value] of entries) {
    const fields = splitOn(key, SEP);
    const family = familyOf(fields[0]);
    if (family === undefined) continue;
    const n = family.labels.length;
    const values = fields.slice(1, 1 + n);
    if (values.length !== n) continue;
    const part = fields.length === n + 2 ? fields[n + 1] : undefined;
    if (fields.length > n + 2) continue;
    if (family.type === "histogram") {
      if (part === SUM_PART) {
        seriesOf(c, family, values).sum += value;
      } else if (part !== undefined && part.substring(0, 1) === BUCKET_PART) {
        const index = parseDecimal(part.substring(1));
        const buckets = seriesOf(c, family, values).buckets as number[];
        if (index !== undefined && index < buckets.length) buckets[index] += value;
      }
    } else if (part === undefined) {
      seriesOf(c, family, values).value += value;
    } else if (part.substring(0, 1) === PROCESS_PART) {
      const pid = part.substring(1);
      if (liveness[pid] === undefined) {
        const parsed = parseDecimal(pid);
        liveness[pid] = parsed !== undefined && alive(parsed);
      }
      if (liveness[pid]) seriesOf(c, family, values).value += value;
      else deadKeys.push(key);
    }
  }
  return { collected: c, deadKeys };
}

// ---------------------------------------------------------------------------------------------
// Rendering

function labelText(family: Family, values: string[], extra: string | undefined): string {
  const parts: string[] = [];
  for (let i = 0; i < family.labels.length; i++) parts.push(`${labelName(family.labels[i])}="${escapeLabelValue(values[i])}"`);
  if (extra !== undefined) parts.push(extra);
  return parts.length === 0 ? "" : `{${parts.join(",")}}`;
}

function sortedSeries(c: Collected, family: Family): Series[] {
  const byLabels = c[family.name] ?? {};
  // Enum families show every value, and label-free counters and gauges show 0, from the start.
  if (family.zeroes !== undefined && family.labels.length === 1) {
    for (const z of family.zeroes) if (byLabels[z] === undefined) byLabels[z] = { values: [z], value: 0, buckets: undefined, sum: 0 };
  }
  if (family.labels.length === 0 && family.type !== "histogram" && byLabels[""] === undefined) {
    byLabels[""] = { values: [], value: 0, buckets: undefined, sum: 0 };
  }
  const ids: string[] = [];
  for (const id in byLabels) ids.push(id);
  ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((id) => byLabels[id]);
}

/** The exposition text of every family, in catalog order, series sorted by label values. */
export function render(c: Collected): string {
  const lines: string[] = [];
  for (const family of FAMILIES) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`);
    lines.push(`# TYPE ${family.name} ${family.type}`);
    for (const s of sortedSeries(c, family)) {
      if (family.type !== "histogram") {
        lines.push(`${family.name}${labelText(family, s.values, undefined)} ${formatValue(s.value)}`);
        continue;
      }
      // Cumulative by construction, and +Inf is the total: _count can never disagree with it.
      const buckets = s.buckets as number[];
      let total = 0;
      for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
        total += buckets[i];
        lines.push(`${family.name}_bucket${labelText(family, s.values, `le="${formatValue(LATENCY_BUCKETS[i])}"`)} ${formatValue(total)}`);
      }
      total += buckets[LATENCY_BUCKETS.length];
      lines.push(`${family.name}_bucket${labelText(family, s.values, 'le="+Inf"')} ${formatValue(total)}`);
      lines.push(`${family.name}_sum${labelText(family, s.values, undefined)} ${formatValue(s.sum)}`);
      lines.push(`${family.name}_count${labelText(family, s.values, undefined)} ${formatValue(total)}`);
    }
  }
  lines.push("");
  return lines.join("\n");
}

export const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
