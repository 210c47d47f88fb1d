// Every metric the router exports, once: the renderer, the docs, the alert rules and the
// dashboard checks (test/deploy) all read this list. Label values are only node ids from the
// registry and the fixed enums below: never a monitor id, a token or a value a client sent.
import { REASONS } from "./route";

export { REASONS };

export type MetricType = "counter" | "gauge" | "histogram";

/** Where a label's values come from; nothing else may fill a label. */
export type LabelSource = "node_id" | "reason" | "transition" | "dns_state";

export interface Family {
  name: string;
  type: MetricType;
  help: string;
  labels: LabelSource[];
  /** Enum label values rendered as 0 before the first event, so rate() works from the start. */
  zeroes?: string[];
}

export const TRANSITIONS = ["up", "down"];
export const DNS_STATES = ["fresh", "stale", "failed"];

/** Seconds. The 1 s bound is the latency alert's threshold (docs/observability.md#alerts-prometheusruleyaml). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const NODE_STATUS = "uptime_kuma_node_status";
export const NODE_REGISTRY_ONLINE = "uptime_kuma_node_registry_online";
export const MONITOR_COUNT = "uptime_kuma_monitor_count";
export const API_LATENCY = "uptime_kuma_api_latency_seconds";
export const WEBSOCKETS = "uptime_kuma_websocket_connections";
export const DECISIONS = "kuma_router_decisions_total";
export const FALLBACKS = "kuma_router_all_down_fallback_total";
export const REJECTED = "kuma_router_rejected_requests_total";
export const RETRIES = "kuma_router_retries_total";
export const TRANSITIONS_TOTAL = "kuma_router_health_transitions_total";
export const SNAPSHOT_AGE = "kuma_router_snapshot_age_seconds";
export const SNAPSHOT_VERSION = "kuma_router_snapshot_version";
export const SYNC_FAILING = "kuma_router_snapshot_sync_failing";
export const DNS_NAMES = "kuma_router_dns_names";
export const EXPECTED_NODES = "kuma_router_expected_nodes";
export const MONITORS_AWAY = "kuma_router_monitors_moved_away";
export const HANDOVER_TRIGGER = "kuma_router_node_handover_trigger";
export const NODE_FOREIGN = "kuma_router_node_foreign";
export const IMBALANCE = "uptime_kuma_monitor_imbalance_ratio";

// One row per entry, read as a table.
// prettier-ignore
export const FAMILIES: Family[] = [
  { name: NODE_STATUS, type: "gauge", help: "1 when the router's own health checks call the node up (and it has an address), 0 when down or foreign", labels: ["node_id"] },
  { name: NODE_REGISTRY_ONLINE, type: "gauge", help: "1 when the node is online in the registry (node.status), 0 when offline", labels: ["node_id"] },
  { name: MONITOR_COUNT, type: "gauge", help: "Active monitors the node owns (COALESCE(assigned_node, node_id)) in the router's snapshot", labels: ["node_id"] },
  { name: API_LATENCY, type: "histogram", help: "Response time of requests proxied to the node, from the request's arrival to its end, socket.io long-polls excluded", labels: ["node_id"] },
  { name: WEBSOCKETS, type: "gauge", help: "Upgraded (WebSocket) connections this router holds open to the node", labels: ["node_id"] },
  { name: DECISIONS, type: "counter", help: "Proxied requests by routing decision", labels: ["reason"], zeroes: REASONS },
  { name: FALLBACKS, type: "counter", help: "Requests routed by the registry alone because the health checks called every node down", labels: [] },
  { name: REJECTED, type: "counter", help: "Requests the router answered itself with an error (no snapshot, no node, unresolvable)", labels: [] },
  { name: RETRIES, type: "counter", help: "Requests retried on another node after the first try to this node failed", labels: ["node_id"] },
  { name: TRANSITIONS_TOTAL, type: "counter", help: "Health verdict changes of the node, by the state it changed to", labels: ["node_id", "transition"] },
  { name: SNAPSHOT_AGE, type: "gauge", help: "Seconds since the last successful read of the registry (-1 before the first)", labels: [] },
  { name: SNAPSHOT_VERSION, type: "gauge", help: "Version of the snapshot in shared memory (moves when the registry changed)", labels: [] },
  { name: SYNC_FAILING, type: "gauge", help: "1 while the latest registry read failed (routing continues from the last snapshot)", labels: [] },
  { name: DNS_NAMES, type: "gauge", help: "Host names (nodes, database) in the router's DNS cache by state: fresh answer, stale (resolver failing, last good address served), failed", labels: ["dns_state"], zeroes: DNS_STATES },
  { name: EXPECTED_NODES, type: "gauge", help: "CLUSTER_NODE_COUNT: the number of nodes the cluster is meant to run", labels: [] },
  { name: MONITORS_AWAY, type: "gauge", help: "Active monitors the router moved away from the node (failover); they return once it is confirmed up", labels: ["node_id"] },
  { name: IMBALANCE, type: "gauge", help: "(max - min) / mean of the active monitors owned by the healthy, undrained nodes (0 with fewer than two); the rebalance keeps it below REBALANCE_THRESHOLD", labels: [] },
  { name: HANDOVER_TRIGGER, type: "gauge", help: "1 when the node's agent triggers its reconcile after a change of owner, 0 when the node's one-minute reconcile timer applies", labels: ["node_id"] },
  { name: NODE_FOREIGN, type: "gauge", help: "1 when the node is another world's (not managed by this router: never probed, marked offline or routed to), 0 when this router manages it", labels: ["node_id"] },
];

/** The Prometheus label name of a source. */
export function labelName(source: LabelSource): string {
  return source === "dns_state" ? "state" : source === "transition" ? "to" : source;
}

export function familyOf(name: string): Family | undefined {
  for (const f of FAMILIES) if (f.name === name) return f;
  return undefined;
}

/** Every series name a query may use: histograms add _bucket, _sum and _count. */
export function seriesNames(): string[] {
  const out: string[] = [];
  for (const f of FAMILIES) {
    if (f.type === "histogram") {
      out.push(`${f.name}_bucket`, `${f.name}_sum`, `${f.name}_count`);
    } else {
      out.push(f.name);
    }
  }
  return out;
}
