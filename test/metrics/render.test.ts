// core/metrics_text.ts and core/metrics_catalog.ts, JavaScript build, on the case table shared
// with spec/metrics/render_spec.lua; the rendered fixture is read back with a real parser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FAMILIES, LATENCY_BUCKETS, seriesNames } from "../../src-lua-ts/core/metrics_catalog";
import * as text from "../../src-lua-ts/core/metrics_text";
import { expositionProblems, labelValues, parseExposition, valueOf } from "./prom-text";
import { golden, readFixture } from "./support";

interface Cases {
  buckets: { seconds: number; index: number }[];
  values: { value: number; text: string }[];
  escapes: { raw: string; label: string; help: string }[];
  keys: {
    fn: "sampleKey" | "bucketKey" | "sumKey" | "processKey";
    name: string;
    values: string[];
    index?: number;
    pid?: number;
    key: string | null;
  }[];
  render: { alivePids: number[]; entries: [string, number][]; gauges: [string, string[], number][]; deadKeys: string[]; expected: string };
}
const cases = JSON.parse(readFixture("render_cases.json")) as Cases;

/** The fixture rendered: what /metrics would print for those dict entries and gauges. */
export function renderFixture(): { output: string; deadKeys: string[] } {
  const r = cases.render;
  const outcome = text.collect(r.entries, (pid) => r.alivePids.includes(pid));
  for (const [name, labels, value] of r.gauges) text.addSample(outcome.collected, name, labels, value);
  return { output: text.render(outcome.collected), deadKeys: outcome.deadKeys };
}

test("bucket selection: the first bound at or above the duration, else +Inf", () => {
  assert.equal(LATENCY_BUCKETS.length, 11);
  for (const c of cases.buckets) assert.equal(text.bucketIndex(c.seconds), c.index, `${c.seconds}`);
});

test("the per-millisecond bucket table selects what bucketIndex selects", () => {
  const byMs = text.millisecondBuckets();
  for (const c of cases.buckets) assert.equal(text.bucketOf(c.seconds, byMs), c.index, `${c.seconds}`);
  for (let us = 0; us <= 12_000_000; us += 997) {
    const s = us / 1e6;
    assert.equal(text.bucketOf(s, byMs), text.bucketIndex(s), `${s}`);
  }
  for (const s of [0.005, 0.01, 0.25, 10, 10.0001, -1, NaN]) assert.equal(text.bucketOf(s, byMs), text.bucketIndex(s), `${s}`);
});

test("values format the same in both runtimes", () => {
  for (const c of cases.values) assert.equal(text.formatValue(c.value), c.text, `${c.value}`);
  assert.equal(text.formatValue(Infinity), "+Inf");
  assert.equal(text.formatValue(NaN), "NaN");
});

test("label values and HELP text are escaped", () => {
  for (const c of cases.escapes) {
    assert.equal(text.escapeLabelValue(c.raw), c.label);
    assert.equal(text.escapeHelp(c.raw), c.help);
  }
});

test("shared-dict keys, and no key for a value holding the separator", () => {
  for (const c of cases.keys) {
    const key =
      c.fn === "bucketKey"
        ? text.bucketKey(c.name, c.values, c.index as number)
        : c.fn === "processKey"
          ? text.processKey(c.name, c.values, c.pid as number)
          : text[c.fn](c.name, c.values);
    assert.equal(key, c.key ?? undefined, JSON.stringify(c));
  }
});

test("the fixture renders to the golden file, and a real parser reads it back", () => {
  const { output, deadKeys } = renderFixture();
  assert.equal(output, golden(cases.render.expected, output));
  assert.deepEqual(deadKeys.sort(), [...cases.render.deadKeys].sort());
  const families = parseExposition(output);
  assert.deepEqual(expositionProblems(families), []);
  // Every family of the catalog, with its type, in the output.
  for (const f of FAMILIES) assert.equal(families.get(f.name)?.type, f.type, f.name);
  for (const name of seriesNames()) assert.ok(families.has(name) || FAMILIES.some((f) => f.name === name), name);
  assert.equal(valueOf(families, "kuma_router_decisions_total", { reason: "owner" }), 20);
  assert.equal(valueOf(families, "kuma_router_decisions_total", { reason: "re-pin" }), 0, "enum values start at 0");
  assert.equal(valueOf(families, "kuma_router_all_down_fallback_total"), 0, "label-free counters start at 0");
  assert.equal(valueOf(families, "kuma_router_health_transitions_total", { node_id: "node2", to: "down" }), 1);
  // Only live workers' shares count: 3 + 2 open, the dead worker's 7 and 4 are gone.
  assert.equal(valueOf(families, "uptime_kuma_websocket_connections", { node_id: "node1" }), 5);
  assert.equal(valueOf(families, "uptime_kuma_websocket_connections", { node_id: "node2" }), undefined);
  // Cumulative buckets: 3 at le=0.005, 4 from le=1, +Inf = _count = 6.
  assert.equal(valueOf(families, "uptime_kuma_api_latency_seconds_bucket", { node_id: "node1", le: "0.005" }), 3);
  assert.equal(valueOf(families, "uptime_kuma_api_latency_seconds_bucket", { node_id: "node1", le: "0.5" }), 3);
  assert.equal(valueOf(families, "uptime_kuma_api_latency_seconds_bucket", { node_id: "node1", le: "1" }), 4);
  assert.equal(valueOf(families, "uptime_kuma_api_latency_seconds_bucket", { node_id: "node1", le: "+Inf" }), 6);
  assert.equal(valueOf(families, "uptime_kuma_api_latency_seconds_count", { node_id: "node1" }), 6);
  assert.equal(valueOf(families, "uptime_kuma_api_latency_seconds_sum", { node_id: "node1" }), 61.02);
  // A quote in a label value survives the round trip.
  assert.equal(valueOf(families, "uptime_kuma_api_latency_seconds_count", { node_id: 'node-"q"' }), 1);
  // Bookkeeping keys (pins, sampler) and malformed keys never become series.
  assert.ok(!labelValues(families).some((v) => v === "170000000" || v === "extra"));
  assert.ok(!families.has("no_such_family"));
});

test("the checks catch a non-cumulative histogram and a +Inf that is not the count", () => {
  const { output } = renderFixture();
  const broken = output
    .replace(
      'uptime_kuma_api_latency_seconds_bucket{node_id="node1",le="1"} 4',
      'uptime_kuma_api_latency_seconds_bucket{node_id="node1",le="1"} 2',
    )
    .replace('uptime_kuma_api_latency_seconds_count{node_id="node1"} 6', 'uptime_kuma_api_latency_seconds_count{node_id="node1"} 7');
  const problems = expositionProblems(parseExposition(broken));
  assert.ok(
    problems.some((p) => /le=1 \(2\) below/.test(p)),
    problems.join("\n"),
  );
  assert.ok(
    problems.some((p) => /\+Inf is 6, _count is 7/.test(p)),
    problems.join("\n"),
  );
  assert.throws(() => parseExposition(output.replace("kuma_router_expected_nodes 3", "kuma_router_expected_nodes three")), /not a number/);
});
