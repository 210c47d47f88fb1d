// `make up`: a local Compose-style cluster on loopback for a newcomer. Three stand-in nodes
// (node1 primary) on 127.0.0.2-4:3001 found through a local DNS server, MariaDB (DB_* if given,
// else this machine's server, else a private one in a scratch folder) and the real router on
// 127.0.0.1:8084. Ctrl-C stops everything.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDbSettings } from "../src-lua-ts/core/node_settings";
import { Cluster, startCluster } from "../harness/cluster";
import { ROOT } from "../harness/router";
import type { DbSettings } from "../node/src/db";

const PRIVATE_DB_PORT = 3407;

function canReach(host: string, port: string): boolean {
  try {
    execFileSync("mariadb-admin", ["--protocol=tcp", `-h${host}`, `-P${port}`, "-uroot", "ping"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** DB_* as given; else a database on the machine's MariaDB; else a private server. */
function database(): { settings?: DbSettings; cleanup: () => void; where: string } {
  if (process.env.DB_HOST !== undefined) {
    const loaded = loadDbSettings((name) => process.env[name]);
    if (!loaded.ok) throw new Error(loaded.errors.join("; "));
    return {
      settings: loaded.value,
      cleanup: () => undefined,
      where: `${loaded.value.host}:${loaded.value.port}/${loaded.value.database} (from DB_*)`,
    };
  }
  if (canReach(process.env.TEST_DB_HOST ?? "127.0.0.1", process.env.TEST_DB_PORT ?? "3306")) {
    return { cleanup: () => undefined, where: "a scratch database on this machine's MariaDB" };
  }
  const dir = mkdtempSync(join(tmpdir(), "kuma-up-db-"));
  execFileSync(join(ROOT, "scripts", "private-mariadb.sh"), ["start", dir, String(PRIVATE_DB_PORT)], { stdio: "inherit" });
  process.env.TEST_DB_HOST = "127.0.0.1";
  process.env.TEST_DB_PORT = String(PRIVATE_DB_PORT);
  return {
    cleanup: () => execFileSync(join(ROOT, "scripts", "private-mariadb.sh"), ["stop", dir]),
    where: `a private MariaDB in ${dir} on 127.0.0.1:${PRIVATE_DB_PORT}`,
  };
}

async function seed(cluster: Cluster): Promise<void> {
  await cluster.addMonitor(1, "node1", "push-node1");
  await cluster.addMonitor(2, "node1");
  await cluster.addMonitor(3, "node2", "push-node2");
  await cluster.settle();
}

async function main(): Promise<void> {
  const db = database();
  const cluster = await startCluster({
    world: "compose",
    nodes: 3,
    database: db.settings,
    nodeAddress: (i) => `127.0.0.${i + 2}`,
    routerEnv: {
      ROUTER_LISTEN: process.env.ROUTER_LISTEN ?? "127.0.0.1:8084",
      ROUTER_STATUS_LISTEN: process.env.ROUTER_STATUS_LISTEN ?? "127.0.0.1:9145",
      HEALTH_CHECK_INTERVAL: "2",
      ERROR_LOG_LEVEL: "notice",
    },
  });
  await seed(cluster);
  const pub = cluster.router.publicUrl;
  const internal = cluster.router.statusUrl;
  console.log(`
kuma-cluster-router local cluster is up
  database: ${db.where}
  nodes:    node1 (primary) 127.0.0.2:3001, node2 127.0.0.3:3001, node3 127.0.0.4:3001 (stand-in nodes)
  router:   ${pub}   (internal: ${internal})
  router log: ${cluster.router.prefix}/logs/error.log

Try:
  curl -si ${pub}/                          # a new browser: least-loaded node, pinned by KUMA_FIXED_NODE
  curl -si ${pub}/api/push/push-node2       # a push: always the monitor's owner (node2)
  curl -si -b KUMA_FIXED_NODE=node1 ${pub}/ # a pinned browser
  curl -s  ${internal}/lb/status            # nodes, health, owned monitors, snapshot age
  open ${pub}/socket.io/?EIO=4&transport=polling in a browser twice: same node both times

Ctrl-C stops everything.`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping ...");
    await cluster.stop();
    db.cleanup();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((err: unknown) => {
  console.error(`make up failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
