// Nodes as each world deploys them: a stand-in Uptime Kuma server on its own loopback address,
// the DNS name the world gives it, and its registration by the node package with the
// environment that world sets (docker-compose-cluster.yaml; k8s/base/uptime-kuma).
//  - Compose: the fork's own code path, in process: openDbFromEnv + initializeFromEnv at start,
//    a heartbeat timer, deregisterNode in the SIGTERM handler (docs/node-package.md).
//  - Kubernetes: the `kuma-cluster-node run` sidecar, one child process per pod, with the
//    StatefulSet's Downward-API environment; SIGTERM is the real deregistration path.
import { join } from "node:path";
import type { Pool } from "mysql2/promise";
import { loadNodeAgentSettings } from "../../src-lua-ts/core/node_settings";
import { ClusterEnv, getenvOf, unwrap } from "../../node/src/cluster-env";
import { openDbFromEnv } from "../../node/src/db";
import { deregisterNode, heartbeat, initializeFromEnv } from "../../node/src/registry";
import { Cluster, HEADLESS, NAMESPACE, NODE_PORT, World } from "../../harness/cluster";
import { ROOT } from "../../harness/router";
import { startProcess, type ExitStatus, type ManagedProcess } from "../../harness/processes";
import { StandInNode, startStandInNode } from "../../harness/stand-in-node";

const BIN = join(ROOT, "node", "bin", "kuma-cluster-node");
/** The node package's minimum: a crashed node's last_seen stops moving within a second. */
export const HEARTBEAT_INTERVAL_S = 1;
/** TTLs the real resolvers answer with: Docker's embedded DNS 600 s, CoreDNS's kubernetes plugin 5 s. */
export const DNS_TTL_S: Record<World, number> = { compose: 600, kubernetes: 5 };
/** What Kubernetes injects into every pod; only read for detection, never dialled. */
const KUBERNETES_SERVICE_HOST = "10.96.0.1";
const COMPOSE_PROJECT = "uptime-kuma-cluster";

// Node addresses: 127.4.<pid>.<n>, apart from the other suites' ranges (127.1 cluster.ts,
// 127.3 hostile); a re-created pod gets the next one, as a real pod gets a new IP.
const OCTET = process.pid % 250;
let nextHost = 10;
function freshAddress(): string {
  if (nextHost > 254) throw new Error("lifecycle: out of loopback addresses");
  return `127.4.${OCTET}.${nextHost++}`;
}

export function nodeIdOf(world: World, i: number): string {
  return world === "compose" ? `node${i + 1}` : `uptime-kuma-${i}`;
}

/** The name a node's registered host carries: the Compose service, or the pod's FQDN. */
export function dnsNameOf(world: World, i: number): string {
  return world === "compose" ? `uptime-kuma-node${i + 1}` : `${nodeIdOf(world, i)}.${HEADLESS}.${NAMESPACE}.svc.cluster.local`;
}

export function hostOf(world: World, i: number): string {
  return `${dnsNameOf(world, i)}:${NODE_PORT}`;
}

/**
 * How a node's registration ends: on SIGTERM (deregisters) or killed (writes nothing). A child
 * process reports its exit status; the in-process registration has none.
 */
interface Registration {
  stop(graceful: boolean): Promise<ExitStatus | undefined>;
}

/** The fork's Node.initializeFromEnv, heartbeat timer and shutdown handler, in this process. */
class ForkRegistration implements Registration {
  private timer: NodeJS.Timeout | undefined;
  // A beat in flight must land before deregistering, or it would set the row online again.
  private inFlight: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly pool: Pool,
    private readonly nodeId: string,
    intervalS: number,
  ) {
    this.timer = setInterval(() => {
      this.inFlight = heartbeat(this.pool, this.nodeId).catch(() => undefined);
    }, intervalS * 1000);
  }

  static async start(env: Record<string, string>): Promise<ForkRegistration> {
    const settings = unwrap(loadNodeAgentSettings(getenvOf(env)));
    const pool = await openDbFromEnv(env);
    const { identity } = await initializeFromEnv(pool, new ClusterEnv(env));
    return new ForkRegistration(pool, identity.nodeId, settings.heartbeatIntervalS);
  }

  async stop(graceful: boolean): Promise<undefined> {
    clearInterval(this.timer);
    await this.inFlight;
    if (graceful) await deregisterNode(this.pool, this.nodeId);
    await this.pool.end();
    return undefined;
  }
}

/** The `kuma-cluster-node run` sidecar of one pod. */
class SidecarRegistration implements Registration {
  private constructor(readonly process: ManagedProcess) {}

  static async start(nodeId: string, env: Record<string, string>): Promise<SidecarRegistration> {
    const child = await startProcess(process.execPath, {
      args: [BIN, "run"],
      // Only the pod's environment: this machine's own variables must not leak in.
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env },
      readyLine: `${nodeId} online`,
      name: `kuma-cluster-node run (${nodeId})`,
    });
    return new SidecarRegistration(child);
  }

  stop(graceful: boolean): Promise<ExitStatus> {
    return this.process.stop({ signal: graceful ? "SIGTERM" : "SIGKILL", graceMs: 5_000 });
  }
}

export interface DeployedNode {
  index: number;
  id: string;
  address: string;
  server: StandInNode;
  env: Record<string, string>;
  registration: Registration | undefined;
}

export interface StopOptions {
  /** SIGTERM (the node deregisters) or a crash (nothing written). */
  graceful: boolean;
  /**
   * The node's name goes away with it: a deleted pod leaves the headless Service, a service
   * removed from the Compose file leaves Docker's DNS. Its next start gets a new address.
   */
  release: boolean;
}

/** The nodes of one world on a started cluster (the harness's router, DNS server and database). */
export class Deployment {
  readonly world: World;
  private readonly nodes = new Map<number, DeployedNode>();
  private readonly addresses = new Map<number, string>();

  constructor(readonly cluster: Cluster) {
    this.world = cluster.world;
  }

  nodeId(i: number): string {
    return nodeIdOf(this.world, i);
  }

  node(i: number): DeployedNode {
    const n = this.nodes.get(i);
    if (n === undefined) throw new Error(`${this.nodeId(i)} was never started`);
    return n;
  }

  /** Indexes of every node started so far, running or not. */
  known(): number[] {
    return [...this.nodes.keys()].sort((a, b) => a - b);
  }

  /** Indexes of nodes whose server runs. */
  running(): number[] {
    return [...this.nodes.values()]
      .filter((n) => n.server.running)
      .map((n) => n.index)
      .sort((a, b) => a - b);
  }

  /** The environment the world's manifests give node i, plus `extra` (an edited Compose file). */
  env(i: number, extra: Record<string, string> = {}): Record<string, string> {
    const db = this.cluster.routerEnvironment;
    // Both manifests name the database with the fork's UPTIME_KUMA_DB_* variables.
    const database = {
      UPTIME_KUMA_DB_TYPE: "mariadb",
      UPTIME_KUMA_DB_HOSTNAME: db.DB_HOST,
      UPTIME_KUMA_DB_PORT: db.DB_PORT,
      UPTIME_KUMA_DB_USERNAME: db.DB_USER,
      UPTIME_KUMA_DB_PASSWORD: db.DB_PASSWORD,
      UPTIME_KUMA_DB_NAME: db.DB_NAME,
      UPTIME_KUMA_PORT: String(NODE_PORT),
      HEARTBEAT_INTERVAL: String(HEARTBEAT_INTERVAL_S),
    };
    const id = this.nodeId(i);
    if (this.world === "compose") {
      return {
        ...database,
        COMPOSE_PROJECT_NAME: COMPOSE_PROJECT,
        UPTIME_KUMA_NODE_ID: id,
        UPTIME_KUMA_NODE_NAME: id,
        UPTIME_KUMA_NODE_HOST: hostOf(this.world, i),
        ...(i === 0 ? { UPTIME_KUMA_PRIMARY: "true" } : {}),
        ...extra,
      };
    }
    // statefulset.yaml: node.env, the Downward API, and what Kubernetes injects. No primary flag.
    return {
      ...database,
      K8S_MODE: "true",
      HEADLESS_SERVICE_NAME: HEADLESS,
      UPTIME_KUMA_NODE_ID: id,
      UPTIME_KUMA_NODE_NAME: id,
      NAMESPACE,
      POD_IP: this.addresses.get(i) ?? "",
      KUBERNETES_SERVICE_HOST,
      KUBERNETES_SERVICE_PORT: "443",
      ...extra,
    };
  }

  /**
   * Starts node i: its server on its address (a new one after a release), its DNS name, then its
   * registration, as the container starts the node process after the network is up.
   */
  async start(i: number, extra: Record<string, string> = {}): Promise<DeployedNode> {
    const id = this.nodeId(i);
    if (this.nodes.get(i)?.server.running) throw new Error(`${id} is already running`);
    const address = this.addresses.get(i) ?? freshAddress();
    this.addresses.set(i, address);
    const server = await startStandInNode({ nodeId: id, host: address, port: NODE_PORT });
    this.cluster.dns.setRecord(dnsNameOf(this.world, i), address, DNS_TTL_S[this.world]);
    const env = this.env(i, extra);
    const node: DeployedNode = { index: i, id, address, server, env, registration: undefined };
    this.nodes.set(i, node);
    node.registration = this.world === "compose" ? await ForkRegistration.start(env) : await SidecarRegistration.start(id, env);
    return node;
  }

  /** Ends node i's registration only (SIGTERM or kill); its server keeps answering. */
  async stopRegistration(i: number, graceful: boolean): Promise<ExitStatus | undefined> {
    const node = this.node(i);
    const registration = node.registration;
    node.registration = undefined;
    return registration?.stop(graceful);
  }

  /** Stops node i's server; with `release`, its name and address go too. */
  async stopServer(i: number, release: boolean): Promise<void> {
    const node = this.node(i);
    if (node.server.running) await node.server.stop();
    if (release) {
      this.cluster.dns.deleteRecord(dnsNameOf(this.world, i));
      this.addresses.delete(i);
    }
  }

  /** The whole node: registration first (what a SIGTERM'd node does first), then its server. */
  async stop(i: number, options: StopOptions): Promise<ExitStatus | undefined> {
    const exit = await this.stopRegistration(i, options.graceful);
    await this.stopServer(i, options.release);
    return exit;
  }

  /** A container re-created in place (`docker compose up -d` after an edit): same address. */
  async restart(i: number, extra: Record<string, string> = {}): Promise<DeployedNode> {
    await this.stop(i, { graceful: true, release: false });
    return this.start(i, extra);
  }

  async stopAll(): Promise<void> {
    for (const i of [...this.nodes.keys()]) await this.stop(i, { graceful: true, release: true }).catch(() => undefined);
  }
}
