// What a node-side process (the kuma-cluster-node package) reads besides its identity: the
// database, its heartbeat and stale-node timings, and the DNS servers. Pure like settings.ts and
// read through the same Reader and variable table, so aliases, defaults and error messages are
// the router's own.
import { detectEnvironment, dnsServers, Getenv, Loaded, nodeIdVariable, Reader, RouterSettings, readDb } from "./settings";

export type DbSettings = RouterSettings["db"];
export type DnsSettings = RouterSettings["dns"];

export interface NodeAgentSettings {
  db: DbSettings;
  /** HEARTBEAT_INTERVAL: seconds between last_seen updates. */
  heartbeatIntervalS: number;
  /** STALE_NODE_TIMEOUT: a node unseen this long is stale (the `cleanup` default). */
  staleAfterS: number;
  /** UPTIME_KUMA_HOST and UPTIME_KUMA_PORT: where the node listens (exec calls it there). */
  nodeListen: { host: string; port: number };
}

/** Reads through a Reader for the detected environment (Kubernetes has its own defaults). */
function load<T>(get: Getenv, read: (r: Reader) => T): Loaded<T> {
  const env = detectEnvironment(get);
  if (!env.ok) return env;
  const r = new Reader(get, env.value === "kubernetes");
  const value = read(r);
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, value };
}

/** DB_HOST, DB_PORT, ... (and their UPTIME_KUMA_DB_* aliases) without the router's variables. */
export function loadDbSettings(get: Getenv): Loaded<DbSettings> {
  return load(get, readDb);
}

export function loadNodeAgentSettings(get: Getenv): Loaded<NodeAgentSettings> {
  return load(get, (r) => ({
    db: readDb(r),
    heartbeatIntervalS: r.seconds("HEARTBEAT_INTERVAL"),
    staleAfterS: r.seconds("STALE_NODE_TIMEOUT"),
    nodeListen: { host: r.string("UPTIME_KUMA_HOST"), port: r.int("UPTIME_KUMA_PORT") },
  }));
}

/** DNS_SERVERS, else K8S_DNS_SERVER, else the nameservers in `resolvConf`: the router's rule. */
export function loadDnsServers(get: Getenv, resolvConf: string): Loaded<DnsSettings> {
  return load(get, (r) => dnsServers(r, resolvConf));
}

/**
 * Whether the environment names this node (UPTIME_KUMA_NODE_ID or its alias NODE_ID; in
 * Kubernetes also the pod name in HOSTNAME). Without one, loadNodeIdentity describes the default
 * local node, which is registered only into an empty node table.
 */
export function hasNodeId(get: Getenv): boolean {
  const env = detectEnvironment(get);
  return nodeIdVariable(get, env.ok ? env.value : "local") !== undefined;
}
