// Requests never reach the database: while 10,000 mixed requests are routed, the server's
// Com_select grows only by the snapshot sync (5 statements per ROUTER_SYNC_INTERVAL, and the
// change log's trigger check every 30 s), the read
// of the agents' reports (one every 5 s) and the registry writer's lock check. The cluster runs on a private mariadbd (scripts/private-
// mariadb.sh), so no other test's statements land in its global counters.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection, type Connection, type RowDataPacket } from "mysql2/promise";
import { findFreePort, startProcess, type ManagedProcess } from "../../harness/processes";
import { Cluster, startCluster } from "../../harness/cluster";
import { ROOT, luaErrors } from "../../harness/router";

const REQUESTS = 10_000;
const CONCURRENCY = 8;
const SYNC_INTERVAL_S = 1;
/** cluster/sync.ts: nodes, setup, the drained nodes, the monitor change log since the cursor, the router's moves. */
const SYNC_STATEMENTS = 5;
/** cluster/changes.ts CHECK_EVERY_S: the syncing worker checks the change log's triggers this often. */
const TRIGGER_CHECK_EVERY_S = 30;
/**
 * health/writer.ts: the router holding the registry writer's MariaDB lock checks it with one
 * SELECT every CONFIRM_EVERY_S (5 s). The prober itself speaks HTTP to the nodes only.
 */
const WRITER_CONFIRM_EVERY_S = 5;
/** cluster/agents.ts READ_EVERY_S: the syncing worker reads kuma_cluster_agent this often. */
const AGENTS_EVERY_S = 5;
/**
 * Window edges: a sync or lock check already sent when the first counter was read, and one
 * whose statements are split by the second read.
 */
const EDGE_MARGIN = SYNC_STATEMENTS + 1;

function expected(p: { expect: string | string[] }, node: string | null): boolean {
  return typeof p.expect === "string" ? node === p.expect : p.expect.includes(node ?? "");
}

interface Probe {
  path: string;
  cookie?: string;
  /** The node that must serve it, or the nodes that may (a new session spreads over them). */
  expect: string | string[];
}

// node1 owns 3 monitors, node2 2, node3 1: new sessions go to node3 and the nodes within the
// margin of it (core/route.ts newSessionMargin: all three here).
const MONITORS = [
  { id: 1, owner: "node1", token: "q-tok1" },
  { id: 2, owner: "node1", token: "q-tok2" },
  { id: 3, owner: "node1", token: "q-tok3" },
  { id: 4, owner: "node2", token: "q-tok4" },
  { id: 5, owner: "node2", token: "q-tok5" },
  { id: 6, owner: "node3", token: "q-tok6" },
];

const PROBES: Probe[] = [
  ...["node1", "node2", "node3"].map((n) => ({ path: "/dashboard", cookie: `KUMA_FIXED_NODE=${n}`, expect: n })),
  ...MONITORS.map((m) => ({ path: `/api/push/${m.token}?status=up&msg=OK&ping=`, expect: m.owner })),
  ...MONITORS.map((m) => ({ path: `/api/badge/${m.id}/status`, expect: m.owner })),
  { path: "/", expect: ["node1", "node2", "node3"] },
  { path: "/manifest.json", expect: ["node1", "node2", "node3"] },
];

let server: ManagedProcess;
let serverDir: string;
let admin: Connection;
let c: Cluster;

async function comSelect(): Promise<number> {
  const [rows] = await admin.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Com_select'");
  return Number(rows[0].Value);
}

before(async () => {
  serverDir = mkdtempSync(join(tmpdir(), "kuma-queries-db-"));
  const port = await findFreePort("127.0.0.1");
  server = await startProcess(join(ROOT, "scripts", "private-mariadb.sh"), {
    name: "private mariadbd",
    args: ["serve", serverDir, String(port)],
    readyLine: "ready for connections",
    timeoutMs: 60_000,
  });
  // startCluster and scripts/test-db.sh create the cluster's database on this server.
  process.env.TEST_DB_HOST = "127.0.0.1";
  process.env.TEST_DB_PORT = String(port);
  process.env.TEST_DB_USER = "root";
  delete process.env.TEST_DB_PASSWORD;
  admin = await createConnection({ host: "127.0.0.1", port, user: "root" });
  // The loads are uneven on purpose (3/2/1) and each push must reach its owner: no rebalance.
  c = await startCluster({ world: "compose", nodes: 3, routerEnv: { ROUTER_SYNC_INTERVAL: String(SYNC_INTERVAL_S), REBALANCE: "false" } });
  for (const m of MONITORS) await c.addMonitor(m.id, m.owner, m.token);
  await c.settle();
});

after(async () => {
  await c?.stop();
  await admin?.end();
  await server?.stop();
  if (serverDir !== undefined) rmSync(serverDir, { recursive: true, force: true });
});

test("10,000 routed requests cost no SELECT beyond the sync's", async () => {
  for (const p of PROBES) {
    const res = await fetch(`${c.router.publicUrl}${p.path}`, { headers: p.cookie === undefined ? {} : { Cookie: p.cookie } });
    const to = res.headers.get("x-routed-to");
    assert.ok(expected(p, to), `${p.path}: ${to}`);
    await res.arrayBuffer();
  }

  const before = await comSelect();
  const started = performance.now();
  let sent = 0;
  let failures = 0;
  const samples: string[] = [];
  const client = async (): Promise<void> => {
    while (sent < REQUESTS) {
      const p = PROBES[sent++ % PROBES.length];
      const res = await fetch(`${c.router.publicUrl}${p.path}`, { headers: p.cookie === undefined ? {} : { Cookie: p.cookie } });
      await res.arrayBuffer();
      const routed = res.headers.get("x-routed-to");
      if (res.status !== 200 || !expected(p, routed)) {
        failures++;
        if (samples.length < 5) samples.push(`${p.path}: ${res.status} routed to ${routed}, expected ${p.expect}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const elapsedS = (performance.now() - started) / 1000;
  const delta = (await comSelect()) - before;

  const syncs = Math.floor(elapsedS / SYNC_INTERVAL_S) + 1;
  const writerChecks = Math.floor(elapsedS / WRITER_CONFIRM_EVERY_S) + 1;
  const agentReads = Math.floor(elapsedS / AGENTS_EVERY_S) + 1;
  const triggerChecks = Math.floor(elapsedS / TRIGGER_CHECK_EVERY_S) + 1;
  const allowed = SYNC_STATEMENTS * syncs + writerChecks + agentReads + triggerChecks + EDGE_MARGIN;
  // The sync must be visible in the counter, or this test measured the wrong server.
  const expectedAtLeast = SYNC_STATEMENTS * (syncs - 2);
  console.log(
    `${sent} requests in ${elapsedS.toFixed(1)} s (${Math.round(sent / elapsedS)}/s), ${failures} misrouted; ` +
      `Com_select +${delta}; allowed ${allowed} = ${SYNC_STATEMENTS} x ${syncs} syncs (every ${SYNC_INTERVAL_S} s) + ` +
      `${writerChecks} writer lock checks + ${agentReads} agent reads + ${triggerChecks} trigger checks + ${EDGE_MARGIN} at the window's edges`,
  );

  assert.deepEqual(samples, []);
  assert.equal(sent, REQUESTS);
  assert.ok(
    delta <= allowed,
    `Com_select grew by ${delta} for ${sent} requests; the sync, the agents' read and the writer account for at most ${allowed}`,
  );
  assert.ok(delta >= expectedAtLeast, `Com_select grew by only ${delta} in ${elapsedS} s: is the router syncing from this server?`);
  assert.deepEqual(luaErrors(c.router.errorLog()), []);
});
