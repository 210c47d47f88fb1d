// A whole cluster on loopback for end-to-end tests: a private MariaDB database and user, the
// test DNS server, stand-in nodes on their own 127.x addresses (registered the way real nodes
// register, through the node package), and the real router in front.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Pool } from "mysql2/promise";
import { loadNodeIdentity } from "../src-lua-ts/core/settings";
import { openDb, type DbSettings } from "../node/src/db";
import { deregisterNode, registerNode } from "../node/src/registry";
import { DnsServer } from "./dns-server";
import { applyTestSchema } from "./schema";
import { StandInNode, startStandInNode } from "./stand-in-node";
import { ROOT, Router, startRouter } from "./router";

export type World = "compose" | "kubernetes";

export const NODE_PORT = 3001;
export const NAMESPACE = "kuma-test";
export const HEADLESS = "uptime-kuma-headless";

/** A third octet per test process, so parallel runs do not share node addresses. */
const OCTET = 20 + (process.pid % 200);
let nextHost = 10;

export interface ClusterOptions {
  world: World;
  nodes: number;
  /** Extra router environment (health thresholds, sync interval ...). */
  routerEnv?: Record<string, string>;
  /** Mark setup complete (a row in `user`); default true. */
  setupComplete?: boolean;
  /** Use this database (schema applied) instead of a private one created for the run. */
  database?: DbSettings;
  /** Address of node i; default a free-standing 127.1.x.y per test process. */
  nodeAddress?: (i: number) => string;
}

export interface Cluster {
  world: World;
  db: Pool;
  dbName: string;
  /** How to reach the cluster's database (for processes of the node package). */
  dbSettings: DbSettings;
  dns: DnsServer;
  router: Router;
  /** The environment the router was started with: a second router on the same cluster takes it too. */
  routerEnvironment: Record<string, string>;
  nodes: Map<string, StandInNode>;
  nodeId(i: number): string;
  /** Starts (or restarts) node i under its id, registers it and makes its name resolve. */
  startNode(i: number): Promise<StandInNode>;
  /** Stops node i; `deregister` marks it offline at once as a SIGTERM'd node does. */
  stopNode(i: number, deregister?: boolean): Promise<void>;
  addMonitor(id: number, owner: string, token?: string): Promise<void>;
  /** Waits until the router's snapshot reflects what the database held at the call. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

function nodeEnv(world: World, i: number): Record<string, string> {
  if (world === "compose") {
    const id = `node${i + 1}`;
    return {
      UPTIME_KUMA_NODE_ID: id,
      UPTIME_KUMA_NODE_NAME: id,
      UPTIME_KUMA_NODE_HOST: `uptime-kuma-${id}:${NODE_PORT}`,
      ...(i === 0 ? { UPTIME_KUMA_PRIMARY: "true" } : {}),
    };
  }
  // Downward API: the pod name is the node id; Kubernetes injects KUBERNETES_SERVICE_HOST.
  return { UPTIME_KUMA_NODE_ID: `uptime-kuma-${i}`, NAMESPACE, KUBERNETES_SERVICE_HOST: "10.0.0.1", HEADLESS_SERVICE_NAME: HEADLESS };
}

/** The DNS name a node's registered host points at. */
function dnsName(host: string): string {
  return host.substring(0, host.lastIndexOf(":"));
}

/**
 * Router environment for suites about routing rules rather than health checks: no node is taken
 * down by the checks. A suite that stops a node's process for a moment would otherwise race its
 * restart: two failed tries and the urgent probe between them reach the default 3 failures on a
 * slow machine, and the node stays down for three 30 s rounds. The outage suite tests the checks.
 */
export const CHECKS_NEVER_DOWN: Record<string, string> = { HEALTH_CHECK_FAILURES: "100" };

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const own = options.database === undefined;
  const dbName = options.database?.database ?? `kuma_e2e_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const dbSettings: DbSettings = options.database ?? {
    host: process.env.TEST_DB_HOST ?? "127.0.0.1",
    port: Number(process.env.TEST_DB_PORT ?? 3306),
    user: dbName,
    password: execFileSync(join(ROOT, "scripts", "test-db.sh"), ["create", dbName], { encoding: "utf8" }).trim(),
    database: dbName,
    timeoutMs: 5000,
  };
  const db = await openDb(dbSettings);
  if (!own) await applyTestSchema(dbSettings, db);
  if (options.setupComplete !== false)
    await db.execute("INSERT INTO `user` (username) SELECT 'admin' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM `user`)");

  const dns = new DnsServer();
  const dnsPort = (await dns.start({ host: "127.0.0.1", port: 0 })).port;

  const nodes = new Map<string, StandInNode>();
  const addresses = new Map<number, string>();
  const identity = (i: number) => {
    const loaded = loadNodeIdentity((name) => nodeEnv(options.world, i)[name]);
    if (!loaded.ok) throw new Error(loaded.errors.join("; "));
    return loaded.value;
  };

  const startNode = async (i: number): Promise<StandInNode> => {
    const id = identity(i);
    const address = addresses.get(i) ?? options.nodeAddress?.(i) ?? `127.1.${OCTET}.${nextHost++}`;
    addresses.set(i, address);
    const node = await startStandInNode({ nodeId: id.nodeId, host: address, port: NODE_PORT });
    nodes.set(id.nodeId, node);
    dns.setRecord(dnsName(id.host), address, 30);
    await registerNode(db, id);
    return node;
  };
  for (let i = 0; i < options.nodes; i++) await startNode(i);

  const syncInterval = options.routerEnv?.ROUTER_SYNC_INTERVAL ?? "0.2";
  const routerEnvironment: Record<string, string> = {
    DB_HOST: dbSettings.host,
    DB_PORT: String(dbSettings.port),
    DB_USER: dbSettings.user,
    DB_PASSWORD: dbSettings.password,
    DB_NAME: dbSettings.database,
    DNS_SERVERS: `127.0.0.1:${dnsPort}`,
    ROUTER_SYNC_INTERVAL: syncInterval,
    ...(options.world === "compose"
      ? { COMPOSE_PROJECT_NAME: "kuma-e2e" }
      : { K8S_MODE: "true", K8S_NAMESPACE: NAMESPACE, K8S_HEADLESS_SERVICE: HEADLESS }),
    ...options.routerEnv,
  };
  const router = await startRouter(routerEnvironment);

  const cluster: Cluster = {
    world: options.world,
    db,
    dbName,
    dbSettings,
    dns,
    router,
    routerEnvironment,
    nodes,
    nodeId: (i) => identity(i).nodeId,
    startNode,
    stopNode: async (i, deregister = false) => {
      const id = identity(i).nodeId;
      await nodes.get(id)?.stop();
      if (deregister) await deregisterNode(db, id);
    },
    addMonitor: async (id, owner, token) => {
      await db.execute("INSERT INTO monitor (id, name, active, type, push_token, node_id) VALUES (?, 'm', 1, 'push', ?, ?)", [
        id,
        token ?? null,
        owner,
      ]);
    },
    settle: () => untilSynced(router),
    stop: async () => {
      await router.stop();
      for (const n of nodes.values()) if (n.running) await n.stop();
      await dns.stop();
      await db.end();
      if (own) execFileSync(join(ROOT, "scripts", "test-db.sh"), ["drop", dbName]);
    },
  };
  await untilReady(router, [...nodes.keys()]);
  return cluster;
}

/** The router's /lb/status JSON, or why there is none (yet). */
async function routerStatus(router: Router): Promise<{ code: number; body: string; json?: RouterStatus }> {
  const res = await fetch(`${router.statusUrl}/lb/status.json`);
  const body = await res.text();
  return { code: res.status, body, json: res.status === 200 ? (JSON.parse(body) as RouterStatus) : undefined };
}

interface RouterStatus {
  snapshot: { syncedAt?: number };
  checks: { nodes: Record<string, { lastProbe?: string }> };
}

/** Polls `probe` until it returns true; past the deadline, fails with what it last described. */
async function until(what: string, timeoutMs: number, probe: () => Promise<true | string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last: true | string;
    try {
      last = await probe();
    } catch (e) {
      last = String(e);
    }
    if (last === true) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; last: ${last}`);
    await sleep(20);
  }
}

/**
 * Until a sync that began after the call is published. Two syncs seen to finish after the call
 * make one that began after it: the second began once the first had finished (one worker syncs
 * at a time). Router and test read the same clock.
 */
async function untilSynced(router: Router, timeoutMs = 15_000): Promise<void> {
  const calledAt = Date.now() / 1000;
  const finishes = new Set<number>();
  await until("the router's next two syncs", timeoutMs, async () => {
    const s = await routerStatus(router);
    const syncedAt = s.json?.snapshot.syncedAt;
    if (syncedAt === undefined) return `${s.code} ${s.body.slice(0, 400)}`;
    if (syncedAt > calledAt) finishes.add(syncedAt);
    return finishes.size >= 2 ? true : `${finishes.size} sync(s) since the call; the last at ${syncedAt}`;
  });
}

/**
 * Until the router has read the registry and probed every started node once. A fixed pause is
 * not enough on a loaded machine: a test's first step would race the first sync or the first
 * probe round (a round that meets a node the test just stopped forgets its name's answer).
 */
async function untilReady(router: Router, nodeIds: string[], timeoutMs = 15_000): Promise<void> {
  await until("the router's first sync and probe round", timeoutMs, async () => {
    const s = await routerStatus(router);
    if (s.json === undefined) return `${s.code} ${s.body.slice(0, 400)}`;
    const checks = s.json.checks.nodes;
    const unprobed = nodeIds.filter((id) => checks[id]?.lastProbe === undefined);
    return unprobed.length === 0 ? true : `not probed yet: ${unprobed.join(", ")}`;
  });
}
