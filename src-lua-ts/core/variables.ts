// Every environment variable the router and the nodes read, in one table. The loaders in
// settings.ts read through it; nginx/env.conf, the README's env table and the deployment
// checks are all checked against it, so a variable cannot be read without being declared.

export type Kind =
  | "int" // non-negative decimal integer, within [min, max]
  | "seconds" // decimal seconds, up to 3 fractional digits ("0.5", "30")
  | "bool" // true/false, 1/0, yes/no (any case)
  | "string"
  | "dns_label" // a Kubernetes name: lowercase letters, digits, '-'
  | "listen" // host:port or port, for nginx `listen`
  | "ip_list" // ip[:port],ip[:port]
  | "path" // an absolute URL path
  | "log_level" // debug|info|notice|warn|error
  | "statuses" // HTTP status codes and ranges: "200-299,301"
  | "cidr_list" // addresses or CIDRs: "10.0.0.0/8,192.168.1.5"
  | "node_id"
  | "node_patterns"; // node id patterns with `*`: "node*,edge-1"

export type Side = "router" | "node" | "both";

export interface VariableSpec {
  name: string;
  /** Also accepted, in this order, when `name` is unset or empty. */
  aliases: string[];
  kind: Kind;
  /** Default as it would be written in the environment; "" means "none". */
  fallback: string;
  /** Kubernetes default when it differs from `fallback`. */
  k8sFallback?: string;
  min?: number;
  max?: number;
  secret?: boolean;
  side: Side;
  doc: string;
}

// One row per entry, read as a table.
// prettier-ignore
export const VARIABLES: VariableSpec[] = [
  // Environment detection (see environment.ts).
  { name: "K8S_MODE", aliases: [], kind: "bool", fallback: "", side: "both", doc: "Force Kubernetes mode on (true) or off (false); unset means detect" },
  { name: "KUBERNETES_SERVICE_HOST", aliases: [], kind: "string", fallback: "", side: "both", doc: "Injected by Kubernetes into every pod; its presence means Kubernetes" },
  { name: "COMPOSE_PROJECT_NAME", aliases: [], kind: "string", fallback: "", side: "both", doc: "Set by Docker Compose deployments; its presence means Compose" },
  // Database.
  { name: "DB_HOST", aliases: ["UPTIME_KUMA_DB_HOSTNAME"], kind: "string", fallback: "mariadb", side: "both", doc: "MariaDB host" },
  { name: "DB_PORT", aliases: ["UPTIME_KUMA_DB_PORT"], kind: "int", fallback: "3306", min: 1, max: 65535, side: "both", doc: "MariaDB port" },
  { name: "DB_USER", aliases: ["UPTIME_KUMA_DB_USERNAME"], kind: "string", fallback: "kuma", side: "both", doc: "MariaDB user" },
  { name: "DB_PASSWORD", aliases: ["UPTIME_KUMA_DB_PASSWORD"], kind: "string", fallback: "", secret: true, side: "both", doc: "MariaDB password (never logged)" },
  { name: "DB_NAME", aliases: ["UPTIME_KUMA_DB_NAME"], kind: "string", fallback: "kuma", side: "both", doc: "MariaDB database" },
  { name: "DB_TIMEOUT", aliases: [], kind: "int", fallback: "5000", min: 100, max: 600000, side: "both", doc: "Database connect/query timeout (ms)" },
  // Kubernetes naming.
  { name: "K8S_NAMESPACE", aliases: ["NAMESPACE"], kind: "dns_label", fallback: "default", side: "both", doc: "Namespace of the node pods (Downward API `NAMESPACE` on nodes)" },
  { name: "K8S_HEADLESS_SERVICE", aliases: ["K8S_SERVICE_NAME", "HEADLESS_SERVICE_NAME"], kind: "dns_label", fallback: "uptime-kuma-headless", side: "both", doc: "Headless Service that gives each node pod its DNS name" },
  { name: "K8S_CLUSTER_DOMAIN", aliases: [], kind: "string", fallback: "cluster.local", side: "both", doc: "Cluster DNS domain" },
  // DNS.
  { name: "DNS_SERVERS", aliases: [], kind: "ip_list", fallback: "", side: "router", doc: "Resolvers as ip[:port],...; first choice" },
  { name: "K8S_DNS_SERVER", aliases: [], kind: "ip_list", fallback: "", side: "router", doc: "One resolver ip[:port]; used when DNS_SERVERS is unset. Else /etc/resolv.conf" },
  // Cluster.
  { name: "CLUSTER_NODE_COUNT", aliases: [], kind: "int", fallback: "3", k8sFallback: "5", min: 1, max: 1000, side: "router", doc: "Expected number of nodes (for alerts and the status page)" },
  { name: "MONITOR_LIMIT_PER_NODE", aliases: [], kind: "int", fallback: "1000", min: 1, max: 10000000, side: "router", doc: "Most monitors failover may give one node" },
  { name: "CLUSTER_DEFAULT_PORT", aliases: [], kind: "int", fallback: "3001", min: 1, max: 65535, side: "router", doc: "Node port when a host has none" },
  { name: "NODE_HOST_PREFIX", aliases: [], kind: "string", fallback: "uptime-kuma-", k8sFallback: "", side: "router", doc: "Compose: prefix that turns node1 into uptime-kuma-node1" },
  // Health checks.
  { name: "HEALTH_CHECK_INTERVAL", aliases: [], kind: "seconds", fallback: "30", min: 0.1, max: 3600, side: "router", doc: "Seconds between active probes of each node" },
  { name: "HEALTH_CHECK_TIMEOUT", aliases: [], kind: "int", fallback: "5000", min: 10, max: 600000, side: "router", doc: "Probe timeout (ms)" },
  { name: "HEALTH_CHECK_FAILURES", aliases: [], kind: "int", fallback: "3", min: 1, max: 100, side: "router", doc: "Consecutive failures that mark a node down" },
  { name: "HEALTH_CHECK_SUCCESSES", aliases: [], kind: "int", fallback: "3", min: 1, max: 100, side: "router", doc: "Consecutive successes that mark a node up" },
  { name: "HEALTH_CHECK_PATH", aliases: [], kind: "path", fallback: "/api/v1/health", side: "router", doc: "Probe path (stock Uptime Kuma: /api/entry-page)" },
  { name: "HEALTH_CHECK_STATUSES", aliases: [], kind: "statuses", fallback: "200-299", side: "router", doc: "Probe statuses that count as healthy" },
  { name: "STALE_NODE_TIMEOUT", aliases: [], kind: "seconds", fallback: "600", min: 1, max: 86400 * 30, side: "both", doc: "A node unseen this long (and failing probes) is marked offline" },
  // Rebalance (docs/health.md, "Rebalance").
  { name: "REBALANCE", aliases: [], kind: "bool", fallback: "true", side: "router", doc: "Move monitors from the most- to the least-loaded healthy nodes when imbalanced; false turns it off" },
  { name: "REBALANCE_THRESHOLD", aliases: [], kind: "int", fallback: "20", min: 1, max: 1000, side: "router", doc: "Imbalance ((max - min) / mean of owned active monitors) in percent at or above which a pass moves monitors" },
  { name: "REBALANCE_SETTLE", aliases: [], kind: "seconds", fallback: "60", min: 0, max: 86400, side: "router", doc: "Seconds every healthy node must have been confirmed up before a pass" },
  { name: "REBALANCE_BATCH", aliases: [], kind: "int", fallback: "50", min: 1, max: 100000, side: "router", doc: "Most monitors one pass moves" },
  { name: "REBALANCE_INTERVAL", aliases: [], kind: "seconds", fallback: "5", min: 0.1, max: 3600, side: "router", doc: "Seconds between passes that moved monitors" },
  { name: "REBALANCE_COOLDOWN", aliases: [], kind: "seconds", fallback: "600", min: 0, max: 2592000, side: "router", doc: "A monitor is never rebalanced twice within this many seconds" },
  // Router process.
  { name: "ROUTER_LISTEN", aliases: [], kind: "listen", fallback: "127.0.0.1:8084", side: "router", doc: "Public listener (user traffic)" },
  { name: "ROUTER_STATUS_LISTEN", aliases: [], kind: "listen", fallback: "127.0.0.1:9145", side: "router", doc: "Internal listener: status, config, metrics; never exposed" },
  { name: "ROUTER_SYNC_INTERVAL", aliases: [], kind: "seconds", fallback: "1", min: 0.1, max: 60, side: "router", doc: "Seconds between snapshot reads of MariaDB" },
  { name: "ROUTER_TRUSTED_PROXIES", aliases: [], kind: "cidr_list", fallback: "", side: "router", doc: "Proxies in front of the router (addresses or CIDRs) whose X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host, X-Forwarded-Port and Forwarded are kept; anyone else's are replaced or removed" },
  { name: "ROUTER_LOOKUP_CONNECTIONS", aliases: [], kind: "int", fallback: "2", min: 1, max: 16, side: "router", doc: "Most database connections that requests (lookups of monitors newer than the snapshot) may use at once, router-wide; the sync and the health writer have their own" },
  { name: "ROUTER_LOOKUP_RATE", aliases: [], kind: "int", fallback: "50", min: 1, max: 100000, side: "router", doc: "Most such lookups per second, router-wide; past the budget a request is routed without one (X-Routed-Via: <reason>,lookup-skipped)" },
  { name: "ROUTER_LOOKUP_NEGATIVE_TTL", aliases: [], kind: "seconds", fallback: "10", min: 0.1, max: 3600, side: "router", doc: "Seconds a key the database does not know is remembered as unknown (a push token or monitor id looked up once)" },
  { name: "ROUTER_WORKER_SHUTDOWN_TIMEOUT", aliases: [], kind: "seconds", fallback: "30", min: 1, max: 3600, side: "router", doc: "Seconds an old nginx worker may keep its connections after a reload or stop; then its WebSockets are closed and socket.io clients reconnect to the new workers" },
  { name: "ROUTER_MANAGED_NODES", aliases: [], kind: "node_patterns", fallback: "", side: "router", doc: "Node id patterns (`*` any run) of the nodes this router probes, marks offline and fails over; unset means its own world's nodes (docs/deployment.md, cut-over), `*` every node" },
  { name: "ROUTER_METRICS", aliases: [], kind: "bool", fallback: "true", side: "router", doc: "Count requests for /metrics and the status page; false turns the per-request work off" },
  { name: "DEBUG_LOG_LEVEL", aliases: [], kind: "log_level", fallback: "info", side: "both", doc: "Log level of the router's own messages" },
  // Node side.
  { name: "UPTIME_KUMA_NODE_ID", aliases: ["NODE_ID"], kind: "node_id", fallback: "", side: "node", doc: "This node's id (Kubernetes: the pod name via the Downward API)" },
  { name: "HOSTNAME", aliases: [], kind: "node_id", fallback: "", side: "node", doc: "Kubernetes sets it to the pod name: the node id there when UPTIME_KUMA_NODE_ID is unset; ignored elsewhere" },
  { name: "UPTIME_KUMA_NODE_NAME", aliases: [], kind: "string", fallback: "", side: "node", doc: "Display name; defaults to the node id" },
  { name: "UPTIME_KUMA_NODE_HOST", aliases: [], kind: "string", fallback: "", side: "node", doc: "host:port the router uses; built from the id when unset" },
  { name: "UPTIME_KUMA_PRIMARY", aliases: [], kind: "bool", fallback: "", side: "node", doc: "Mark this node primary; unset means index 0 is primary" },
  { name: "UPTIME_KUMA_HOST", aliases: [], kind: "string", fallback: "", side: "node", doc: "Address the node listens on (Uptime Kuma's own setting); `kuma-cluster-node exec` calls the node there, at 127.0.0.1 when unset or a wildcard" },
  { name: "UPTIME_KUMA_PORT", aliases: [], kind: "int", fallback: "3001", min: 1, max: 65535, side: "node", doc: "Port the node listens on" },
  { name: "HEARTBEAT_INTERVAL", aliases: [], kind: "seconds", fallback: "30", min: 1, max: 3600, side: "both", doc: "Seconds between node heartbeats (last_seen, and the agent's kuma_cluster_agent.seen_at); the router counts an agent unseen for 3 of them as gone" },
];

export function variableSpec(name: string): VariableSpec | undefined {
  for (const v of VARIABLES) if (v.name === name) return v;
  return undefined;
}

/** Every name a side reads, aliases included: what nginx/env.conf must declare. */
export function variableNames(side: Side): string[] {
  const names: string[] = [];
  for (const v of VARIABLES) {
    if (v.side === side || v.side === "both" || side === "both") {
      names.push(v.name);
      for (const a of v.aliases) names.push(a);
    }
  }
  return names;
}
