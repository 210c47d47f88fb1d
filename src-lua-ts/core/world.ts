// Which registry nodes a router manages. During a cut-over two deployments (Compose and
// Kubernetes) share one database, each with its own router that can reach only its own
// world's names (docs/deployment.md). A router probes, writes node.status for and fails over
// only the nodes it manages; the others are foreign: never probed, never marked offline,
// their monitors never moved by health, and no request is sent to them.
import { Environment, isIpLiteral, parseHostPort } from "./host";
import { NODE_ID_MAX_LENGTH, isValidNodeId, nodeIdFormat } from "./node_id";
import { Char, allChars, isAlnum, splitOn, trim } from "./text";

/** The deployment a node's registry row places it in; "unknown" when neither form fits. */
export type NodeWorld = "kubernetes" | "docker-compose" | "unknown";

export type ManagedNodes =
  /** Every node: a local router, or ROUTER_MANAGED_NODES=*. */
  | { kind: "all" }
  /** The router's own world, plus nodes of no recognisable world (as before worlds existed). */
  | { kind: "world"; world: "kubernetes" | "docker-compose"; clusterDomain: string }
  /** ROUTER_MANAGED_NODES: node id patterns, `*` matching any run of characters. */
  | { kind: "pattern"; patterns: string[] };

function lower(s: string): string {
  return s.toLowerCase();
}

function endsWith(s: string, suffix: string): boolean {
  return s.length >= suffix.length && s.substring(s.length - suffix.length) === suffix;
}

/**
 * The host's form decides first: `<pod>.<service>.<ns>.svc.<domain>` is Kubernetes, a single
 * label (a Compose service name such as uptime-kuma-node1) is Compose. Without a host the id's
 * format decides (node1 or uptime-kuma-0). An IP literal or another dotted name says nothing.
 */
export function nodeWorld(id: string, host: string, clusterDomain: string): NodeWorld {
  if (host !== "") {
    const parsed = parseHostPort(host, 1);
    if (!parsed.ok) return "unknown";
    let name = lower(parsed.value.host);
    if (endsWith(name, ".")) name = name.substring(0, name.length - 1);
    if (endsWith(name, `.svc.${lower(clusterDomain)}`)) return "kubernetes";
    if (isIpLiteral(name) || name.indexOf(".") >= 0) return "unknown";
    return "docker-compose";
  }
  const format = nodeIdFormat(id);
  return format === "k8s-statefulset" ? "kubernetes" : format === "docker-compose" ? "docker-compose" : "unknown";
}

/** `*` matches any run of characters (also none); everything else matches itself. */
export function matchesPattern(id: string, pattern: string): boolean {
  const parts = splitOn(pattern, "*");
  if (parts.length === 1) return id === pattern;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (id.length < first.length + last.length) return false;
  if (id.substring(0, first.length) !== first || !endsWith(id, last)) return false;
  let at = first.length;
  const end = id.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i];
    if (part === "") continue;
    const found = id.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

function isPatternChar(c: number): boolean {
  return isAlnum(c) || c === Char.Dash || c === Char.Underscore || c === Char.Dot || c === Char.Star;
}

/**
 * ROUTER_MANAGED_NODES: comma-separated node id patterns ("node*", "uptime-kuma-*,edge-1").
 * undefined for an empty item, a character a node id cannot hold, or an item too long.
 */
export function parseNodePatterns(s: string): string[] | undefined {
  const out: string[] = [];
  for (const raw of splitOn(s, ",")) {
    const item = trim(raw);
    if (item.length > NODE_ID_MAX_LENGTH || !allChars(item, isPatternChar)) return undefined;
    out.push(item);
  }
  return out;
}

/** What a router manages when ROUTER_MANAGED_NODES is unset (patterns undefined) or set. */
export function managedNodes(environment: Environment, clusterDomain: string, patterns: string[] | undefined): ManagedNodes {
  if (patterns !== undefined) {
    for (const p of patterns) if (p === "*") return { kind: "all" };
    return { kind: "pattern", patterns };
  }
  if (environment === "local") return { kind: "all" };
  return { kind: "world", world: environment, clusterDomain };
}

/** Whether the router manages the node with this id and registry host (NULL host as ""). */
export function isManaged(id: string, host: string, managed: ManagedNodes): boolean {
  if (managed.kind === "all") return true;
  if (managed.kind === "pattern") {
    if (!isValidNodeId(id)) return false;
    for (const p of managed.patterns) if (matchesPattern(id, p)) return true;
    return false;
  }
  const world = nodeWorld(id, host, managed.clusterDomain);
  return world === managed.world || world === "unknown";
}
