// A cluster of real fork nodes on loopback: a private MariaDB database and user with no table
// (the nodes' own migrations create Uptime Kuma's), the test DNS server answering the world's
// node names with each node's own loopback address, the nodes started in the manifests' order
// (migrate, the primary, then the others together) and the real router in front.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Pool, RowDataPacket } from "mysql2/promise";
import { openDb, type DbSettings } from "../../node/src/db";
import { startRouter, type Router } from "../../harness/router";
import { DnsServer } from "../../harness/dns-server";
import { ForkNode } from "./fork-node";
import { ROOT } from "./install";
import type { WorldPlan } from "./world";

export const NODE_PORT = 3001;
const HEALTH_PATH = "/api/v1/health";
/** Node addresses: 127.6.<pid>.<n>, apart from the other suites' ranges. */
const OCTET = process.pid % 250;
let nextHost = 10;

/** Fast probes so that the figures show the router, not its default 30 s interval. */
export const ROUTER_ENV = {
  HEALTH_CHECK_INTERVAL: "0.5",
  HEALTH_CHECK_TIMEOUT: "2000",
  ROUTER_SYNC_INTERVAL: "0.2",
  CLUSTER_NODE_COUNT: "3",
};

export interface ForkCluster {
  plan: WorldPlan;
  db: Pool;
  settings: DbSettings;
  dns: DnsServer;
  router: Router;
  nodes: ForkNode[];
  /** What each node's migrate printed. */
  migrations: string[];
  /** The router's whole environment, to start it again (a rollback). */
  routerEnv: Record<string, string>;
  /** Stops the router (if it runs) and starts a new one with the same environment; sets `router`. */
  restartRouter(): Promise<Router>;
  stop(): Promise<void>;
}

export async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms${last ? `; last error: ${last}` : ""}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function healthy(node: ForkNode): Promise<void> {
  await until(
    `${node.id} answering ${HEALTH_PATH}`,
    60_000,
    async () => ((await fetch(`${node.url}${HEALTH_PATH}`, { signal: AbortSignal.timeout(2000) })).status === 200 ? true : undefined),
    200,
  );
}

export interface LbNode {
  id: string;
  registry: string;
  health: string;
  primary: boolean;
  host: string | null;
}

export async function lbNodes(router: Router): Promise<LbNode[]> {
  const res = await fetch(`${router.statusUrl}/lb/status`, { signal: AbortSignal.timeout(5000) });
  return ((await res.json()) as { nodes: LbNode[] }).nodes;
}

export interface ClusterOptions {
  /** How many of the plan's nodes start now (the rest: startNode later, as a scale-up does); all by default. */
  running?: number;
  /** Router variables on top of ROUTER_ENV (e.g. the rebalance's). */
  routerEnv?: Record<string, string>;
  /**
   * Another cluster's database (two worlds on one database): its tables are there already, and
   * it is left to that cluster to drop.
   */
  shareDatabaseOf?: ForkCluster;
}

/** Starts a node of the plan that was not started yet (or was stopped): its init steps, then the node. */
export async function startNode(node: ForkNode): Promise<void> {
  node.runBefore();
  await node.start();
  await healthy(node);
}

export async function startForkCluster(plan: WorldPlan, forkDir: string, options: ClusterOptions = {}): Promise<ForkCluster> {
  const running = options.running ?? plan.nodes.length;
  const shared = options.shareDatabaseOf?.settings;
  const name = shared?.database ?? `kuma_fork_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const password =
    shared?.password ?? execFileSync(join(ROOT, "scripts", "test-db.sh"), ["create-empty", name], { encoding: "utf8" }).trim();
  const settings: DbSettings = {
    host: process.env.TEST_DB_HOST ?? "127.0.0.1",
    port: Number(process.env.TEST_DB_PORT ?? 3306),
    user: name,
    password,
    database: name,
    timeoutMs: 5000,
  };
  const db = await openDb(settings);
  const dns = new DnsServer();
  const dnsPort = (await dns.start({ host: "127.0.0.1", port: 0 })).port;
  const scratch = mkdtempSync(join(tmpdir(), "kuma-fork-"));
  const nodes = plan.nodes.map((p) => {
    const address = `127.6.${OCTET}.${nextHost++}`;
    dns.setRecord(p.dnsName, address, 5);
    return new ForkNode(
      p,
      {
        address,
        port: NODE_PORT,
        dataDir: join(scratch, p.id),
        database: { host: settings.host, port: settings.port, user: name, password, name },
      },
      forkDir,
    );
  });
  const routerEnv: Record<string, string> = {
    DB_HOST: settings.host,
    DB_PORT: String(settings.port),
    DB_USER: name,
    DB_PASSWORD: password,
    DB_NAME: name,
    DNS_SERVERS: `127.0.0.1:${dnsPort}`,
    ...plan.routerEnv,
    ...ROUTER_ENV,
    ...options.routerEnv,
  };
  let router: Router | undefined;
  const stop = async (): Promise<void> => {
    for (const n of nodes) n.kill();
    await router?.stop();
    await dns.stop();
    await db.end();
    if (shared === undefined) execFileSync(join(ROOT, "scripts", "test-db.sh"), ["drop", name]);
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    // The primary first: it runs Uptime Kuma's migrations and owns first-time setup.
    const migrations = [nodes[0].runBefore().join("\n")];
    await nodes[0].start();
    await healthy(nodes[0]);
    const routerStarted = startRouter(routerEnv);
    await Promise.all(
      nodes.slice(1, running).map(async (n) => {
        migrations.push(n.runBefore().join("\n"));
        await n.start();
        await healthy(n);
      }),
    );
    router = await routerStarted;
    const r = router;
    await until("the router listing every node online and up", 20_000, async () => {
      const listed = await lbNodes(r);
      return nodes.slice(0, running).every((n) => listed.some((l) => l.id === n.id && l.registry === "online" && l.health === "up"))
        ? true
        : undefined;
    });
    const cluster: ForkCluster = {
      plan,
      db,
      settings,
      dns,
      router: r,
      nodes,
      migrations,
      routerEnv,
      restartRouter: async () => {
        if (router?.process.exitStatus === undefined) await router?.stop();
        router = await startRouter(routerEnv);
        cluster.router = router;
        return router;
      },
      stop,
    };
    return cluster;
  } catch (err) {
    const tails = nodes.map((n) => `--- ${n.id} ---\n${n.tail(30)}`).join("\n");
    await stop().catch(() => undefined);
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${tails}`);
  }
}

export async function rows(db: Pool, sql: string, params: unknown[] = []): Promise<RowDataPacket[]> {
  const [result] = await db.query<RowDataPacket[]>(sql, params);
  return result;
}
