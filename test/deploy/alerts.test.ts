// The observability objects of k8s/components/prometheus-operator: schema-valid, PromQL that
// parses and reads only what the router exports, the alerts and dashboard panels of docs/observability.md. Each
// check is also shown to catch a manifest broken on purpose.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { K8sObject, K8sWorkspace, kustomize } from "./support";
import { schemaProblems, unknownFieldProblems } from "./k8s-checks";
import { dashboardProblems, promqlFacts, ruleProblems } from "./alert-checks";

const ws = new K8sWorkspace();
after(() => ws.remove());
const staging = kustomize(ws.path("overlays", "staging"));
const clone = (): K8sObject[] => JSON.parse(JSON.stringify(staging));
const rule = (o: K8sObject[], alert: string): any =>
  o
    .find((x) => x.kind === "PrometheusRule")!
    .spec.groups.flatMap((g: any) => g.rules)
    .find((r: any) => r.alert === alert);
const dashboardOf = (o: K8sObject[]): { cm: K8sObject; file: string; dash: any } => {
  const cm = o.find((x) => x.kind === "ConfigMap" && x.metadata.labels?.grafana_dashboard === "1")!;
  const file = Object.keys(cm.data)[0];
  return { cm, file, dash: JSON.parse(cm.data[file]) };
};

describe("k8s: alerts and dashboard", () => {
  test("the PrometheusRule and the dashboard ConfigMap validate against their schemas, no unknown field", () => {
    const objects = staging.filter((o) => o.kind === "PrometheusRule" || o.metadata.labels?.grafana_dashboard === "1");
    assert.equal(objects.length, 2);
    assert.deepEqual(schemaProblems(objects), []);
    assert.deepEqual(unknownFieldProblems(objects.map((object) => ({ label: `${object.kind}/${object.metadata.name}`, object }))), []);
  });

  test("every rule parses, reads only exported or recorded series; the documented alerts are there", () => {
    assert.deepEqual(ruleProblems(staging), []);
  });

  test("every dashboard query parses and reads exported series; node status, monitors, latency, connections are shown", () => {
    assert.deepEqual(dashboardProblems(staging), []);
  });

  test("the PromQL reader: names of selected series, and syntax errors", () => {
    assert.deepEqual(promqlFacts('max by (node_id) (rate(a_total{x="y"}[5m])) / b').metrics, ["a_total", "b"]);
    assert.match(promqlFacts("sum(rate(a[5m])").error ?? "", /syntax error/);
  });
});

describe("k8s: the alert and dashboard checks catch a manifest broken on purpose", () => {
  const cases: [string, (o: K8sObject[]) => void, (o: K8sObject[]) => string[], RegExp][] = [
    [
      "a misspelt metric in an alert",
      (o) => (rule(o, "UptimeKumaApiLatencyHigh").expr = "uptime_kuma_api_latency > 1"),
      ruleProblems,
      /uses uptime_kuma_api_latency, which the router does not export/,
    ],
    [
      "a PromQL syntax error",
      (o) => (rule(o, "UptimeKumaNodeOffline").expr = "max by (node_id (uptime_kuma_node_status) == 0"),
      ruleProblems,
      /UptimeKumaNodeOffline: syntax error/,
    ],
    [
      "a documented alert dropped",
      (o) => (rule(o, "UptimeKumaWebSocketsDropped").alert = "Renamed"),
      ruleProblems,
      /UptimeKumaWebSocketsDropped is missing/,
    ],
    ["the offline alert waits 1 minute", (o) => (rule(o, "UptimeKumaNodeOffline").for = "1m"), ruleProblems, /fires after 1m, expected 5m/],
    [
      "the imbalance threshold lost",
      (o) => (rule(o, "UptimeKumaMonitorImbalance").expr = "max(uptime_kuma_monitor_imbalance_ratio) > 100"),
      ruleProblems,
      /lacks its threshold/,
    ],
    ["an alert without severity", (o) => delete rule(o, "UptimeKumaApiLatencyHigh").labels, ruleProblems, /no severity/],
    [
      "a dashboard panel on a series nobody exports",
      (o) => {
        const d = dashboardOf(o);
        d.dash.panels[0].targets[0].expr = 'max by (node_id) (kuma_node_up{namespace="$namespace"})';
        d.cm.data[d.file] = JSON.stringify(d.dash);
      },
      dashboardProblems,
      /uses kuma_node_up, which the router does not export|no dashboard panel shows uptime_kuma_node_status/,
    ],
    [
      "a dashboard query across every namespace",
      (o) => {
        const d = dashboardOf(o);
        d.dash.panels[3].targets[0].expr = "max by (node_id) (uptime_kuma_monitor_count)";
        d.cm.data[d.file] = JSON.stringify(d.dash);
      },
      dashboardProblems,
      /not limited to \$namespace/,
    ],
    [
      "the sidecar label dropped",
      (o) => delete dashboardOf(o).cm.metadata.labels!.grafana_dashboard,
      dashboardProblems,
      /no ConfigMap labelled grafana_dashboard=1/,
    ],
  ];
  for (const [what, mutate, check, expected] of cases) {
    test(what, () => {
      const objects = clone();
      assert.deepEqual(check(objects), []);
      mutate(objects);
      const problems = check(objects);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `expected ${expected}, got:\n${problems.join("\n")}`,
      );
    });
  }
});
