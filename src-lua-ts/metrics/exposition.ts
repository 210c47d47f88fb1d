// GET /metrics on the internal listener: the counters every worker flushed into kuma_metrics,
// plus gauges read at scrape time from state the router already keeps (the snapshot, the
// health verdicts, the DNS cache, the agents' reports), which cost requests nothing.
import * as config from "../config";
import * as agents from "../cluster/agents";
import * as store from "../cluster/snapshot_store";
import { agentOf, handoverOf } from "../core/handover";
import {
  DNS_NAMES,
  EXPECTED_NODES,
  HANDOVER_TRIGGER,
  NODE_FOREIGN,
  IMBALANCE,
  MONITORS_AWAY,
  MONITOR_COUNT,
  NODE_REGISTRY_ONLINE,
  NODE_STATUS,
  SNAPSHOT_AGE,
  SNAPSHOT_VERSION,
  SYNC_FAILING,
  WEBSOCKETS,
} from "../core/metrics_catalog";
import { CONTENT_TYPE, Collected, addSample, collect, render } from "../core/metrics_text";
import { imbalance, servingLoads } from "../core/rebalance";
import { awayFrom } from "../core/snapshot";
import { metricsDict as dict } from "../dicts";
import { cacheEntries } from "../dns/resolve";
import { downSet } from "../health/view";
import * as respond from "../router/respond";
import { isAlive } from "./process";
import { flush } from "./record";
import { ENABLED } from "./settings";

/** The flushed counters of every worker; shares of workers that died are dropped for good. */
export function sharedSeries(): Collected {
  flush(ngx.now());
  const entries: [string, number][] = [];
  for (const key of dict.get_keys(0)) {
    const [v] = dict.get(key);
    if (typeof v === "number") entries.push([key, v]);
  }
  const outcome = collect(entries, isAlive);
  for (const key of outcome.deadKeys) dict.delete(key);
  return outcome.collected;
}

function addStateGauges(c: Collected): void {
  const snapshot = store.current();
  const nodes = snapshot === undefined ? [] : snapshot.nodes;
  const down = downSet(nodes);
  const reports = agents.current();
  const heartbeatS = config.get().cluster.heartbeatS;
  for (const n of nodes) {
    const labels = [n.id];
    addSample(c, NODE_STATUS, labels, n.address !== undefined && !n.foreign && down[n.id] !== true ? 1 : 0);
    addSample(c, NODE_FOREIGN, labels, n.foreign ? 1 : 0);
    addSample(c, NODE_REGISTRY_ONLINE, labels, n.online ? 1 : 0);
    addSample(c, MONITOR_COUNT, labels, n.owned);
    // Every registered node gets a series, so "no connections" reads 0 rather than absent.
    addSample(c, WEBSOCKETS, labels, 0);
    addSample(c, MONITORS_AWAY, labels, snapshot === undefined ? 0 : awayFrom(snapshot, n.id));
    const handover = handoverOf(agentOf(reports.byNode, n.id), reports.sinceReadS ?? 0, heartbeatS);
    addSample(c, HANDOVER_TRIGGER, labels, handover.mode === "trigger" ? 1 : 0);
  }
  addSample(c, IMBALANCE, [], imbalance(servingLoads(nodes, down)));
  const s = store.status();
  addSample(c, SNAPSHOT_AGE, [], s.ageS ?? -1);
  addSample(c, SNAPSHOT_VERSION, [], s.version);
  addSample(c, SYNC_FAILING, [], s.lastError !== undefined ? 1 : 0);
  for (const e of cacheEntries()) addSample(c, DNS_NAMES, [e.error !== undefined ? "failed" : e.stale ? "stale" : "fresh"], 1);
  addSample(c, EXPECTED_NODES, [], config.get().cluster.nodeCount);
}

export function serve(): void {
  if (!ENABLED) return respond.json(404, { error: "metrics_disabled", message: "ROUTER_METRICS=false" });
  const c = sharedSeries();
  addStateGauges(c);
  ngx.header["Content-Type"] = CONTENT_TYPE;
  ngx.header["Cache-Control"] = "no-store";
  ngx.print(render(c));
}
