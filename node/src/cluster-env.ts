// A drop-in for the fork's ClusterEnv helper (server/util/cluster-env.js; docs/node-package.md) as a thin wrapper over
// src-lua-ts/core: every rule (environment detection, node id formats, indexes, primary, hosts,
// DNS) is the core's, compiled to Lua for the router and to JavaScript here, so the two sides
// cannot disagree. This file only adapts an env object and turns core errors into exceptions.
import { readFileSync } from "node:fs";
import { detectEnvironment, Getenv, Loaded, loadNodeIdentity, NodeIdentity } from "../../src-lua-ts/core/settings";
import { nodeIdFormat, nodeIndex, NodeIdFormat } from "../../src-lua-ts/core/node_id";
import { Environment, formatHostPort, HostPort } from "../../src-lua-ts/core/host";
import { DnsSettings, hasNodeId, loadDnsServers } from "../../src-lua-ts/core/node_settings";

export type { Environment, HostPort, NodeIdFormat, NodeIdentity };

/** process.env or any plain object of the same shape (tests pass their own). */
export type Env = Readonly<Record<string, string | undefined>>;

/** A bad environment: each problem names the variable and its value (secrets redacted). */
export class ClusterEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("; "));
    this.name = "ClusterEnvError";
  }
}

export function getenvOf(env: Env): Getenv {
  return (name) => env[name];
}

/** The value of a core loader, or a ClusterEnvError with its messages. */
export function unwrap<T>(loaded: Loaded<T>): T {
  if (!loaded.ok) throw new ClusterEnvError(loaded.errors);
  return loaded.value;
}

export const RESOLV_CONF = "/etc/resolv.conf";

/** An unreadable resolv.conf means "no servers", never a guessed public resolver. */
function readResolvConf(): string {
  try {
    return readFileSync(RESOLV_CONF, "utf8");
  } catch {
    return "";
  }
}

export class ClusterEnv {
  readonly environment: Environment;
  readonly isK8s: boolean;
  readonly isDockerCompose: boolean;
  readonly isLocal: boolean;
  private readonly get: Getenv;

  /**
   * @param env read on every call, so later changes to it are seen; the environment kind is
   *   detected once, here (as the fork's helper does). Throws ClusterEnvError for a bad K8S_MODE.
   * @param resolvConf the text of resolv.conf, for getDnsServers (tests inject it).
   */
  constructor(
    env: Env = process.env,
    private readonly resolvConf: () => string = readResolvConf,
  ) {
    this.get = getenvOf(env);
    this.environment = unwrap(detectEnvironment(this.get));
    this.isK8s = this.environment === "kubernetes";
    this.isDockerCompose = this.environment === "docker-compose";
    this.isLocal = this.environment === "local";
  }

  getEnvironmentName(): Environment {
    return this.environment;
  }

  detectNodeIdFormat(nodeId: string | null | undefined): NodeIdFormat {
    return nodeIdFormat(nodeId ?? undefined);
  }

  /** 0-based: node1 -> 0, uptime-kuma-2 -> 2; null for a custom or invalid id (docs/node-package.md). */
  extractNodeIndex(nodeId: string | null | undefined): number | null {
    return nodeIndex(nodeId ?? undefined) ?? null;
  }

  /** Whether this environment names a node id (UPTIME_KUMA_NODE_ID or NODE_ID). */
  hasNodeId(): boolean {
    return hasNodeId(this.get);
  }

  /** This node as the environment describes it; the default local node when no id is set. */
  identity(): NodeIdentity {
    return unwrap(loadNodeIdentity(this.get));
  }

  /**
   * UPTIME_KUMA_PRIMARY when set (true or false), else index 0. `nodeId` is judged exactly as if
   * it were UPTIME_KUMA_NODE_ID, so errors name that variable.
   */
  isPrimaryNode(nodeId: string): boolean {
    return this.identityOf(nodeId).isPrimary;
  }

  /** UPTIME_KUMA_NODE_HOST when set, else the host built from `nodeId` for this environment. */
  buildNodeHost(nodeId: string): string {
    return this.identityOf(nodeId).host;
  }

  /** DNS_SERVERS, else K8S_DNS_SERVER, else resolv.conf; "ip" or "ip:port" when not 53. */
  getDnsServers(): string[] {
    return this.dnsSettings().servers.map((s) => (s.port === 53 ? s.host : formatHostPort(s)));
  }

  /** The same servers with their source ("DNS_SERVERS", "K8S_DNS_SERVER", "/etc/resolv.conf"). */
  dnsSettings(): DnsSettings {
    return unwrap(loadDnsServers(this.get, this.resolvConf()));
  }

  private identityOf(nodeId: string): NodeIdentity {
    if (nodeId === "") throw new ClusterEnvError(["node id is empty"]);
    const get = this.get;
    return unwrap(loadNodeIdentity((name) => (name === "UPTIME_KUMA_NODE_ID" ? nodeId : get(name))));
  }
}
