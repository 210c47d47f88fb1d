// Turns the environment into typed settings. Pure: the caller passes a getter (os.getenv in
// nginx, process.env in Node) and the text of /etc/resolv.conf. Every malformed value is
// reported with the variable's name and value; nothing falls back silently to a default.
import { RebalanceSettings } from "./rebalance";
import { VARIABLES, VariableSpec, variableSpec, Side } from "./variables";
import { isDnsLabel, isValidNodeId, nodeIdFormat, nodeIndex, NodeIdFormat } from "./node_id";
import { buildNodeHost, Environment, HostPort, HostRules, isIpLiteral, parseHostPort } from "./host";
import { isDigits, parseDecimal, splitOn, trim } from "./text";
import { ManagedNodes, managedNodes, parseNodePatterns } from "./world";

export type Getenv = (name: string) => string | undefined;
export type LogLevel = "debug" | "info" | "notice" | "warn" | "error";

export interface RouterSettings {
  environment: Environment;
  db: { host: string; port: number; user: string; password: string; database: string; timeoutMs: number };
  hostRules: HostRules;
  dns: { servers: HostPort[]; source: string };
  /** heartbeatS: the nodes' HEARTBEAT_INTERVAL (their agents report that often). */
  cluster: { nodeCount: number; monitorLimitPerNode: number; heartbeatS: number };
  health: {
    intervalS: number;
    timeoutMs: number;
    failures: number;
    successes: number;
    path: string;
    healthyStatuses: StatusRange[];
    staleAfterS: number;
  };
  /** metrics: per-request counting for /metrics and the status page (false: /metrics answers 404). */
  router: {
    listen: string;
    statusListen: string;
    syncIntervalS: number;
    logLevel: LogLevel;
    trustedProxies: string[];
    workerShutdownTimeoutS: number;
    metrics: boolean;
  };
  /** The budget of request-caused lookups (cluster/lookup_budget.ts). */
  lookups: { connections: number; ratePerS: number; negativeTtlS: number };
  /** The nodes this router probes, writes status for and fails over; the others are foreign. */
  managed: ManagedNodes;
  rebalance: RebalanceSettings;
}

export interface NodeIdentity {
  environment: Environment;
  nodeId: string;
  nodeName: string;
  host: string;
  isPrimary: boolean;
  format: NodeIdFormat;
  index: number | undefined;
}

export interface StatusRange {
  from: number;
  to: number;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const LOG_LEVELS = ["debug", "info", "notice", "warn", "error"];

/** The variable (canonical name or alias) that is set and not empty, with its value. */
function lookup(get: Getenv, spec: VariableSpec): [string, string] | undefined {
  const v = get(spec.name);
  if (v !== undefined && v !== "") return [spec.name, v];
  for (const alias of spec.aliases) {
    const a = get(alias);
    if (a !== undefined && a !== "") return [alias, a];
  }
  return undefined;
}

/** true/false, 1/0, yes/no in any case; undefined for anything else. */
export function parseBool(s: string): boolean | undefined {
  const v = s.toLowerCase();
  if (v === "true" || v === "1" || v === "yes") return true;
  if (v === "false" || v === "0" || v === "no") return false;
  return undefined;
}

/** "30", "0.5", "1.250": seconds with up to 3 decimals; undefined otherwise. */
export function parseSeconds(s: string): number | undefined {
  const parts = splitOn(s, ".");
  if (parts.length > 2) return undefined;
  const whole = parseDecimal(parts[0]);
  if (whole === undefined) return undefined;
  if (parts.length === 1) return whole;
  const frac = parts[1];
  if (frac.length === 0 || frac.length > 3 || !isDigits(frac)) return undefined;
  const f = parseDecimal(frac) as number;
  return whole + f / (frac.length === 1 ? 10 : frac.length === 2 ? 100 : 1000);
}

/** "ip[:port],ip[:port]" with IP literals only (a resolver address cannot need DNS itself). */
export function parseIpList(s: string): HostPort[] | undefined {
  const out: HostPort[] = [];
  for (const raw of splitOn(s, ",")) {
    const item = trim(raw);
    const parsed = parseHostPort(item, 53);
    if (!parsed.ok || !isIpLiteral(parsed.value.host)) return undefined;
    out.push(parsed.value);
  }
  return out;
}

/** "200-299,301": inclusive ranges of HTTP statuses. */
export function parseStatuses(s: string): StatusRange[] | undefined {
  const out: StatusRange[] = [];
  for (const raw of splitOn(s, ",")) {
    const bounds = splitOn(trim(raw), "-");
    if (bounds.length > 2) return undefined;
    const from = parseDecimal(bounds[0]);
    const to = bounds.length === 2 ? parseDecimal(bounds[1]) : from;
    if (from === undefined || to === undefined || from < 100 || to > 599 || from > to) return undefined;
    out.push({ from, to });
  }
  return out;
}

/** `listen` for nginx: "port", "host:port" or "[v6]:port"; no other nginx parameters. */
export function parseListen(s: string): string | undefined {
  const portOnly = parseDecimal(s);
  if (portOnly !== undefined) return portOnly >= 1 && portOnly <= 65535 ? s : undefined;
  const parsed = parseHostPort(s, 0);
  if (!parsed.ok || parsed.value.port === 0) return undefined;
  return s;
}

/**
 * Addresses or CIDRs, comma-separated: "10.0.0.0/8,192.168.1.5,fd00::/8". nginx's `geo` reads
 * them (scripts/router-conf.sh renders it; this check names the variable first).
 */
export function parseCidrList(s: string): string[] | undefined {
  const out: string[] = [];
  for (const raw of splitOn(s, ",")) {
    const item = trim(raw);
    const parts = splitOn(item, "/");
    if (parts.length > 2 || !isIpLiteral(parts[0])) return undefined;
    if (parts.length === 2) {
      const bits = parseDecimal(parts[1]);
      if (bits === undefined || bits > (parts[0].indexOf(":") >= 0 ? 128 : 32)) return undefined;
    }
    out.push(item);
  }
  return out;
}

/** The nameservers of a resolv.conf text. */
export function parseResolvConf(text: string): HostPort[] {
  const out: HostPort[] = [];
  for (const line of splitOn(text, "\n")) {
    const words = splitOn(trim(line).split("\t").join(" "), " ").filter((w) => w !== "");
    if (words.length >= 2 && words[0] === "nameserver" && isIpLiteral(words[1])) {
      out.push({ host: words[1], port: 53 });
    }
  }
  return out;
}

const EXPECTED: Record<string, string> = {
  int: "a whole number",
  seconds: "seconds, like 30 or 0.5",
  bool: "true or false",
  dns_label: "a Kubernetes name (lowercase letters, digits, '-')",
  listen: "port, host:port or [ipv6]:port",
  ip_list: "ip[:port],ip[:port] with IP addresses",
  path: "an absolute path starting with '/'",
  log_level: "one of debug, info, notice, warn, error",
  statuses: "HTTP statuses like 200-299,301",
  cidr_list: "addresses or CIDRs like 10.0.0.0/8,192.168.1.5",
  node_id: "1-50 characters of A-Z a-z 0-9 . _ - starting with a letter or digit",
  node_patterns: "node id patterns like node*,uptime-kuma-* (A-Z a-z 0-9 . _ - and *)",
  string: "text",
};

/** Reads variables through the table, collecting one error per bad value. */
export class Reader {
  readonly errors: string[] = [];
  constructor(
    private readonly get: Getenv,
    private readonly kubernetes: boolean,
  ) {}

  private raw(name: string): [VariableSpec, string, string, boolean] {
    const spec = variableSpec(name);
    if (spec === undefined) throw new Error(`variable ${name} is not in the table`);
    const found = lookup(this.get, spec);
    if (found !== undefined) return [spec, found[0], found[1], true];
    const fallback = this.kubernetes && spec.k8sFallback !== undefined ? spec.k8sFallback : spec.fallback;
    return [spec, spec.name, fallback, false];
  }

  private bad(spec: VariableSpec, used: string, value: string, why?: string): void {
    const shown = spec.secret ? "<redacted>" : value;
    this.errors.push(`${used}=${shown}: expected ${why ?? EXPECTED[spec.kind]}`);
  }

  string(name: string): string {
    return this.raw(name)[2];
  }

  int(name: string): number {
    const [spec, used, value] = this.raw(name);
    const n = parseDecimal(value);
    if (n === undefined) {
      this.bad(spec, used, value);
      return 0;
    }
    return this.inRange(spec, used, value, n);
  }

  seconds(name: string): number {
    const [spec, used, value] = this.raw(name);
    const n = parseSeconds(value);
    if (n === undefined) {
      this.bad(spec, used, value);
      return 0;
    }
    return this.inRange(spec, used, value, n);
  }

  private inRange(spec: VariableSpec, used: string, value: string, n: number): number {
    if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
      this.bad(spec, used, value, `a value from ${spec.min} to ${spec.max}`);
    }
    return n;
  }

  /** undefined when unset and without default. */
  bool(name: string): boolean | undefined {
    const [spec, used, value] = this.raw(name);
    if (value === "") return undefined;
    const b = parseBool(value);
    if (b === undefined) this.bad(spec, used, value);
    return b;
  }

  checked<T>(name: string, parse: (s: string) => T | undefined, none: T): T {
    const [spec, used, value] = this.raw(name);
    if (value === "") return none;
    const v = parse(value);
    if (v === undefined) {
      this.bad(spec, used, value);
      return none;
    }
    return v;
  }

  isSet(name: string): boolean {
    return this.raw(name)[3];
  }
}

function parsePath(s: string): string | undefined {
  if (s.charAt(0) !== "/" || s.indexOf(" ") >= 0 || s.indexOf("..") >= 0) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127) return undefined;
  }
  return s;
}

function parseLogLevel(s: string): LogLevel | undefined {
  const v = s.toLowerCase();
  return LOG_LEVELS.indexOf(v) >= 0 ? (v as LogLevel) : undefined;
}

function parseDnsLabel(s: string): string | undefined {
  return isDnsLabel(s) ? s : undefined;
}

function parseNodeId(s: string): string | undefined {
  return isValidNodeId(s) ? s : undefined;
}

/**
 * kubernetes when K8S_MODE is true, or (unless K8S_MODE is false) KUBERNETES_SERVICE_HOST or
 * NAMESPACE is set; docker-compose when COMPOSE_PROJECT_NAME is set or UPTIME_KUMA_NODE_HOST
 * names an uptime-kuma-node host; otherwise local.
 */
export function detectEnvironment(get: Getenv): Loaded<Environment> {
  const r = new Reader(get, false);
  const forced = r.bool("K8S_MODE");
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  const marker = (name: string): boolean => {
    const v = get(name);
    return v !== undefined && v !== "";
  };
  if (forced === true) return { ok: true, value: "kubernetes" };
  if (forced === undefined && (marker("KUBERNETES_SERVICE_HOST") || marker("NAMESPACE"))) {
    return { ok: true, value: "kubernetes" };
  }
  const nodeHost = get("UPTIME_KUMA_NODE_HOST");
  if (marker("COMPOSE_PROJECT_NAME") || (nodeHost !== undefined && nodeHost.indexOf("uptime-kuma-node") >= 0)) {
    return { ok: true, value: "docker-compose" };
  }
  return { ok: true, value: "local" };
}

/** DB_* (and the UPTIME_KUMA_DB_* aliases): shared by the router and the node package. */
export function readDb(r: Reader): RouterSettings["db"] {
  return {
    host: r.string("DB_HOST"),
    port: r.int("DB_PORT"),
    user: r.string("DB_USER"),
    password: r.string("DB_PASSWORD"),
    database: r.string("DB_NAME"),
    timeoutMs: r.int("DB_TIMEOUT"),
  };
}

function hostRules(r: Reader, environment: Environment, portVariable: string): HostRules {
  return {
    environment,
    namespace: r.checked("K8S_NAMESPACE", parseDnsLabel, "default"),
    headlessService: r.checked("K8S_HEADLESS_SERVICE", parseDnsLabel, "uptime-kuma-headless"),
    clusterDomain: r.string("K8S_CLUSTER_DOMAIN"),
    port: r.int(portVariable),
    hostPrefix: r.string("NODE_HOST_PREFIX"),
  };
}

/** DNS_SERVERS, else K8S_DNS_SERVER, else the nameservers of resolv.conf. Never a guess. */
export function dnsServers(r: Reader, resolvConf: string): { servers: HostPort[]; source: string } {
  if (r.isSet("DNS_SERVERS")) return { servers: r.checked("DNS_SERVERS", parseIpList, []), source: "DNS_SERVERS" };
  if (r.isSet("K8S_DNS_SERVER")) return { servers: r.checked("K8S_DNS_SERVER", parseIpList, []), source: "K8S_DNS_SERVER" };
  return { servers: parseResolvConf(resolvConf), source: "/etc/resolv.conf" };
}

export function loadRouterSettings(get: Getenv, resolvConf: string): Loaded<RouterSettings> {
  const env = detectEnvironment(get);
  if (!env.ok) return env;
  const environment = env.value;
  const r = new Reader(get, environment === "kubernetes");
  const rules = hostRules(r, environment, "CLUSTER_DEFAULT_PORT");
  const patterns = r.isSet("ROUTER_MANAGED_NODES") ? r.checked("ROUTER_MANAGED_NODES", parseNodePatterns, []) : undefined;
  const settings: RouterSettings = {
    environment,
    db: readDb(r),
    hostRules: rules,
    dns: dnsServers(r, resolvConf),
    cluster: {
      nodeCount: r.int("CLUSTER_NODE_COUNT"),
      monitorLimitPerNode: r.int("MONITOR_LIMIT_PER_NODE"),
      heartbeatS: r.seconds("HEARTBEAT_INTERVAL"),
    },
    health: {
      intervalS: r.seconds("HEALTH_CHECK_INTERVAL"),
      timeoutMs: r.int("HEALTH_CHECK_TIMEOUT"),
      failures: r.int("HEALTH_CHECK_FAILURES"),
      successes: r.int("HEALTH_CHECK_SUCCESSES"),
      path: r.checked("HEALTH_CHECK_PATH", parsePath, "/"),
      healthyStatuses: r.checked("HEALTH_CHECK_STATUSES", parseStatuses, [{ from: 200, to: 299 }]),
      staleAfterS: r.seconds("STALE_NODE_TIMEOUT"),
    },
    router: {
      listen: r.checked("ROUTER_LISTEN", parseListen, ""),
      statusListen: r.checked("ROUTER_STATUS_LISTEN", parseListen, ""),
      syncIntervalS: r.seconds("ROUTER_SYNC_INTERVAL"),
      logLevel: r.checked("DEBUG_LOG_LEVEL", parseLogLevel, "info"),
      trustedProxies: r.checked("ROUTER_TRUSTED_PROXIES", parseCidrList, []),
      workerShutdownTimeoutS: r.seconds("ROUTER_WORKER_SHUTDOWN_TIMEOUT"),
      metrics: r.bool("ROUTER_METRICS") ?? true,
    },
    lookups: {
      connections: r.int("ROUTER_LOOKUP_CONNECTIONS"),
      ratePerS: r.int("ROUTER_LOOKUP_RATE"),
      negativeTtlS: r.seconds("ROUTER_LOOKUP_NEGATIVE_TTL"),
    },
    managed: managedNodes(environment, rules.clusterDomain, patterns),
    rebalance: {
      enabled: r.bool("REBALANCE") !== false,
      threshold: r.int("REBALANCE_THRESHOLD") / 100,
      settleS: r.seconds("REBALANCE_SETTLE"),
      batch: r.int("REBALANCE_BATCH"),
      intervalS: r.seconds("REBALANCE_INTERVAL"),
      cooldownS: r.seconds("REBALANCE_COOLDOWN"),
    },
  };
  if (settings.router.listen !== "" && settings.router.listen === settings.router.statusListen) {
    r.errors.push(`ROUTER_STATUS_LISTEN=${settings.router.statusListen}: must differ from ROUTER_LISTEN`);
  }
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, value: settings };
}

/**
 * The node's own identity (ClusterEnv and initializeFromEnv, docs/node-package.md): id, name,
 * host and primary flag. Without an id the node is the default local node.
 */
/**
 * Where this node's id comes from: UPTIME_KUMA_NODE_ID (or NODE_ID); in Kubernetes without it,
 * HOSTNAME, which Kubernetes sets to the pod name. undefined: no id (the default local node).
 */
export function nodeIdVariable(get: Getenv, environment: Environment): "UPTIME_KUMA_NODE_ID" | "HOSTNAME" | undefined {
  const r = new Reader(get, environment === "kubernetes");
  if (r.isSet("UPTIME_KUMA_NODE_ID")) return "UPTIME_KUMA_NODE_ID";
  if (environment === "kubernetes" && r.isSet("HOSTNAME")) return "HOSTNAME";
  return undefined;
}

export function loadNodeIdentity(get: Getenv): Loaded<NodeIdentity> {
  const env = detectEnvironment(get);
  if (!env.ok) return env;
  const environment = env.value;
  const r = new Reader(get, environment === "kubernetes");
  const idFrom = nodeIdVariable(get, environment);
  const named = idFrom !== undefined;
  const nodeId = r.checked(idFrom ?? "UPTIME_KUMA_NODE_ID", parseNodeId, "local-node");
  const primaryFlag = r.bool("UPTIME_KUMA_PRIMARY");
  const rules = hostRules(r, environment, "UPTIME_KUMA_PORT");
  const index = nodeIndex(nodeId);
  let host = r.string("UPTIME_KUMA_NODE_HOST");
  if (host !== "") {
    if (!parseHostPort(host, rules.port).ok) r.errors.push(`UPTIME_KUMA_NODE_HOST=${host}: expected host, host:port or [ipv6]:port`);
  } else {
    const built = named ? buildNodeHost(nodeId, rules) : `127.0.0.1:${rules.port}`;
    if (built === undefined) {
      r.errors.push(`${idFrom ?? "UPTIME_KUMA_NODE_ID"}=${nodeId}: cannot build a ${environment} host from it; set UPTIME_KUMA_NODE_HOST`);
    }
    host = built ?? "";
  }
  const name = r.string("UPTIME_KUMA_NODE_NAME");
  const identity: NodeIdentity = {
    environment,
    nodeId,
    nodeName: name !== "" ? name : named ? nodeId : "Local Node",
    host,
    // An explicit flag wins either way; without one, index 0 is the primary.
    isPrimary: primaryFlag !== undefined ? primaryFlag : named ? index === 0 : true,
    format: nodeIdFormat(nodeId),
    index,
  };
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, value: identity };
}

/** The effective settings as name -> value for logs and /lb/config, secrets redacted. */
export function describeEnvironment(get: Getenv, side: Side, environment: Environment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of VARIABLES) {
    if (side !== "both" && spec.side !== side && spec.side !== "both") continue;
    const found = lookup(get, spec);
    const fallback = environment === "kubernetes" && spec.k8sFallback !== undefined ? spec.k8sFallback : spec.fallback;
    const value = found !== undefined ? found[1] : fallback;
    out[spec.name] = spec.secret && value !== "" ? "<redacted>" : value;
  }
  return out;
}
