// /metrics output read back with a real parser of the text format (parse-prometheus-text-format),
// plus the checks it does not make. The package folds a labelled histogram into one label-less
// sample, so histogram families are parsed a second time with their TYPE line made "untyped":
// then _bucket, _sum and _count come back as plain families, every sample with its labels.
import parse from "parse-prometheus-text-format";

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  type: string;
  help: string;
  samples: Sample[];
}

function number(text: string | undefined, where: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  if (text === undefined || !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text))
    throw new Error(`${where}: value ${JSON.stringify(text)} is not a number`);
  return Number(text);
}

/** Every series by name (histograms as name_bucket, name_sum, name_count), each value a number. */
export function parseExposition(text: string): Map<string, Family> {
  if (!text.endsWith("\n")) throw new Error("the exposition must end with a line feed");
  const out = new Map<string, Family>();
  const histograms = new Set<string>();
  for (const f of parse(text)) {
    if (f.type === "HISTOGRAM") histograms.add(f.name);
    out.set(f.name, {
      type: f.type.toLowerCase(),
      help: f.help,
      samples: f.type === "HISTOGRAM" ? [] : f.metrics.map((m) => ({ labels: m.labels ?? {}, value: number(m.value, f.name) })),
    });
  }
  const untyped = text.replace(/^# TYPE (\S+) histogram$/gm, "# TYPE $1 untyped");
  for (const f of parse(untyped)) {
    const base = f.name.replace(/_(bucket|sum|count)$/, "");
    if (f.name === base || !histograms.has(base)) continue;
    // Series of one histogram interleave (_bucket, _sum, _count per label set): gather them.
    const part = out.get(f.name) ?? { type: "histogram-part", help: "", samples: [] };
    part.samples.push(...f.metrics.map((m) => ({ labels: m.labels ?? {}, value: number(m.value, f.name) })));
    out.set(f.name, part);
  }
  return out;
}

/** One sample's value by exact labels, or undefined. */
export function valueOf(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  const f = families.get(name);
  const s = f?.samples.find((x) => JSON.stringify(Object.entries(x.labels).sort()) === JSON.stringify(Object.entries(labels).sort()));
  return s?.value;
}

/**
 * What the parser accepts but Prometheus would reject or misread: a histogram series whose
 * buckets are not cumulative, lack +Inf, or whose +Inf differs from _count; a family without
 * HELP or TYPE. Returns problems as sentences.
 */
export function expositionProblems(families: Map<string, Family>): string[] {
  const problems: string[] = [];
  for (const [name, f] of families) {
    if (f.type === "histogram-part") continue;
    if (f.help === "") problems.push(`${name}: no HELP`);
    if (f.type === "untyped") problems.push(`${name}: no TYPE`);
    if (f.type !== "histogram") continue;
    const buckets = families.get(`${name}_bucket`)?.samples ?? [];
    const bySeries = new Map<string, Sample[]>();
    for (const b of buckets) {
      const { le, ...rest } = b.labels;
      if (le === undefined) problems.push(`${name}_bucket: a sample without le`);
      const id = JSON.stringify(Object.entries(rest).sort());
      bySeries.set(id, [...(bySeries.get(id) ?? []), b]);
    }
    for (const [id, series] of bySeries) {
      const ordered = series.map((s) => ({ le: number(s.labels.le, `${name} le`), value: s.value })).sort((a, b) => a.le - b.le);
      for (let i = 1; i < ordered.length; i++) {
        if (ordered[i].value < ordered[i - 1].value)
          problems.push(`${name} ${id}: bucket le=${ordered[i].le} (${ordered[i].value}) below le=${ordered[i - 1].le}`);
      }
      const inf = ordered[ordered.length - 1];
      if (inf === undefined || inf.le !== Infinity) problems.push(`${name} ${id}: no +Inf bucket`);
      const labels = Object.fromEntries(JSON.parse(id) as [string, string][]);
      const count = valueOf(families, `${name}_count`, labels);
      if (inf !== undefined && count !== inf.value) problems.push(`${name} ${id}: +Inf is ${inf.value}, _count is ${count}`);
      if (valueOf(families, `${name}_sum`, labels) === undefined) problems.push(`${name} ${id}: no _sum`);
    }
  }
  return problems;
}

/** Every label value of every sample. */
export function labelValues(families: Map<string, Family>): string[] {
  const out: string[] = [];
  for (const f of families.values()) for (const s of f.samples) for (const [k, v] of Object.entries(s.labels)) if (k !== "le") out.push(v);
  return out;
}
