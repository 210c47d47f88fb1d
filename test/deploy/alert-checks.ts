// Checks of the observability objects k8s/ renders (PrometheusRule, Grafana dashboard ConfigMap):
// every PromQL expression parses (the Prometheus project's own grammar, @prometheus-io/lezer-promql)
// and names only series the router exports (src-lua-ts/core/metrics_catalog.ts) or the rules
// record; the four alerts of docs/observability.md are there with their thresholds.
import { parser } from "@prometheus-io/lezer-promql";
import { seriesNames } from "../../src-lua-ts/core/metrics_catalog";
import { Json, K8sObject } from "./support";

/** The alerts of docs/observability.md#alerts-prometheusruleyaml: name, a threshold its expression must hold, its `for`. */
export const REQUIRED_ALERTS: { alert: string; threshold: RegExp; for: string; uses: string }[] = [
  { alert: "UptimeKumaNodeOffline", threshold: /== 0\b/, for: "5m", uses: "uptime_kuma_node_status" },
  { alert: "UptimeKumaMonitorImbalance", threshold: /> 0\.2\b/, for: "30m", uses: "uptime_kuma_monitor_imbalance_ratio" },
  { alert: "UptimeKumaApiLatencyHigh", threshold: /> 1\b/, for: "10m", uses: "uptime_kuma_api_latency_seconds_bucket" },
  { alert: "UptimeKumaWebSocketsDropped", threshold: /0\.8 \*/, for: "15m", uses: "uptime_kuma_websocket_connections" },
];

/** What a dashboard must show (docs/observability.md#the-grafana-dashboard): node status, monitors per node, latency, connections. */
export const DASHBOARD_SERIES = [
  "uptime_kuma_node_status",
  "uptime_kuma_monitor_count",
  "uptime_kuma_api_latency_seconds_bucket",
  "uptime_kuma_websocket_connections",
];

/** Grafana's variables stand for a duration or a label value; the grammar knows neither. */
function withoutGrafanaVariables(expr: string): string {
  return expr.replace(/\$__(rate_)?interval/g, "5m").replace(/\$\{?\w+\}?/g, "x");
}

/** A syntax error (or undefined) and the metric names the expression selects. */
export function promqlFacts(expr: string): { error: string | undefined; metrics: string[] } {
  const tree = parser.parse(expr);
  let error: string | undefined;
  const metrics: string[] = [];
  tree.iterate({
    enter: (n) => {
      if (n.type.isError && error === undefined)
        error = `syntax error at ${n.from}: ${JSON.stringify(expr.slice(Math.max(0, n.from - 10), n.from + 10))}`;
      if (n.name === "Identifier" && n.node.parent?.name === "VectorSelector") metrics.push(expr.slice(n.from, n.to));
    },
  });
  return { error, metrics };
}

/** The recorded names of every PrometheusRule, and the names that chain back to router series. */
function recorded(rules: Json[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rules) if (typeof r.record === "string") out.set(r.record, promqlFacts(r.expr).metrics);
  return out;
}

/** The series an expression finally reads, recording rules expanded. */
function baseSeries(metric: string, records: Map<string, string[]>, seen = new Set<string>()): string[] {
  const uses = records.get(metric);
  if (uses === undefined || seen.has(metric)) return [metric];
  seen.add(metric);
  return uses.flatMap((m) => baseSeries(m, records, seen));
}

export function ruleProblems(objects: K8sObject[]): string[] {
  const p: string[] = [];
  const known = new Set(seriesNames());
  const ruleObjects = objects.filter((o) => o.kind === "PrometheusRule");
  if (ruleObjects.length === 0) return ["no PrometheusRule is rendered"];
  const rules: Json[] = ruleObjects.flatMap((o) => (o.spec.groups ?? []).flatMap((g: Json) => g.rules ?? []));
  const records = recorded(rules);
  for (const r of rules) {
    const name = r.alert ?? r.record ?? "?";
    const facts = promqlFacts(String(r.expr));
    if (facts.error !== undefined) p.push(`rule ${name}: ${facts.error}`);
    if (facts.metrics.length === 0) p.push(`rule ${name} selects no series`);
    for (const m of facts.metrics) if (!known.has(m) && !records.has(m)) p.push(`rule ${name} uses ${m}, which the router does not export`);
    if (r.alert !== undefined) {
      if (!["critical", "warning", "info"].includes(r.labels?.severity)) p.push(`alert ${name} has no severity label`);
      if (!r.annotations?.summary) p.push(`alert ${name} has no summary`);
    }
  }
  for (const want of REQUIRED_ALERTS) {
    const r = rules.find((x) => x.alert === want.alert);
    if (!r) {
      p.push(`the documented alert ${want.alert} is missing`);
      continue;
    }
    if (!want.threshold.test(String(r.expr))) p.push(`alert ${want.alert}: expression lacks its threshold ${want.threshold}`);
    if (r.for !== want.for) p.push(`alert ${want.alert} fires after ${r.for ?? "0s"}, expected ${want.for}`);
    const reads = promqlFacts(String(r.expr)).metrics.flatMap((m) => baseSeries(m, records));
    if (!reads.includes(want.uses)) p.push(`alert ${want.alert} does not read ${want.uses} (reads ${reads.join(", ")})`);
  }
  return p;
}

export function dashboardProblems(objects: K8sObject[]): string[] {
  const p: string[] = [];
  const known = new Set(seriesNames());
  const maps = objects.filter((o) => o.kind === "ConfigMap" && o.metadata.labels?.grafana_dashboard === "1");
  if (maps.length === 0) return ["no ConfigMap labelled grafana_dashboard=1 is rendered"];
  const shown = new Set<string>();
  for (const cm of maps) {
    for (const [file, text] of Object.entries<string>(cm.data ?? {})) {
      let dash: Json;
      try {
        dash = JSON.parse(text);
      } catch (e) {
        p.push(`${cm.metadata.name} ${file}: not JSON: ${(e as Error).message}`);
        continue;
      }
      if (!dash.uid || !dash.title) p.push(`${file}: a dashboard needs a uid and a title`);
      for (const panel of dash.panels ?? []) {
        for (const t of panel.targets ?? []) {
          const expr = String(t.expr ?? "");
          const facts = promqlFacts(withoutGrafanaVariables(expr));
          if (facts.error !== undefined) p.push(`panel "${panel.title}": ${facts.error}`);
          for (const m of facts.metrics) {
            if (!known.has(m)) p.push(`panel "${panel.title}" uses ${m}, which the router does not export`);
            shown.add(m);
          }
          if (facts.metrics.length > 0 && !expr.includes('namespace="$namespace"'))
            p.push(`panel "${panel.title}": ${expr} is not limited to $namespace`);
        }
      }
    }
  }
  for (const m of DASHBOARD_SERIES) if (!shown.has(m)) p.push(`no dashboard panel shows ${m}`);
  return p;
}
