// Drain (docs/health.md, "Drain"), end to end: three stand-in nodes behind the real router on
// MariaDB. POST /lb/nodes/<id>/drain on the internal listener and `kuma-cluster-node drain`
// both hand a node's monitors over at once (no probe fails) and keep new browsers away from
// it; undrain brings the monitors back once probes pass.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RowDataPacket } from "mysql2/promise";
import { Cluster, startCluster } from "../../harness/cluster";
import { runCli } from "../node-side/support";
import { luaFailures, waitFor } from "./support";

let c: Cluster;
const MONITORS = [201, 202, 203, 204, 205, 206];

before(async () => {
  c = await startCluster({
    world: "compose",
    nodes: 3,
    routerEnv: { HEALTH_CHECK_INTERVAL: "0.5", HEALTH_CHECK_TIMEOUT: "300", ROUTER_SYNC_INTERVAL: "0.2" },
  });
  for (const id of MONITORS) await c.addMonitor(id, "node2", `drain${id}`);
  await c.settle();
});

after(async () => {
  await c?.stop();
});

async function owners(): Promise<Map<number, string>> {
  const [rows] = await c.db.query<RowDataPacket[]>(
    `SELECT id, COALESCE(assigned_node, node_id) AS owner FROM monitor WHERE id IN (${MONITORS.join(",")})`,
  );
  return new Map(rows.map((r) => [Number(r.id), String(r.owner)]));
}

async function kinds(): Promise<string[]> {
  const [rows] = await c.db.query<RowDataPacket[]>(
    `SELECT DISTINCT kind FROM kuma_cluster_move WHERE monitor_id IN (${MONITORS.join(",")})`,
  );
  return rows.map((r) => String(r.kind));
}

const post = (path: string, method = "POST"): Promise<Response> => fetch(`${c.router.statusUrl}${path}`, { method });

/** Routed-to of a new browser (no cookie) on the public listener. */
async function newSession(): Promise<string | null> {
  const res = await fetch(`${c.router.publicUrl}/dashboard`);
  await res.arrayBuffer();
  return res.headers.get("x-routed-to");
}

/** The environment kuma-cluster-node reads on a Compose node: the suite's database, this node's id. */
function cliEnv(nodeId: string): Record<string, string> {
  return {
    DB_HOST: c.dbSettings.host,
    DB_PORT: String(c.dbSettings.port),
    DB_USER: c.dbSettings.user,
    DB_PASSWORD: c.dbSettings.password,
    DB_NAME: c.dbSettings.database,
    COMPOSE_PROJECT_NAME: "kuma",
    UPTIME_KUMA_NODE_ID: nodeId,
  };
}

async function allAwayFrom(node: string): Promise<number | undefined> {
  const o = await owners();
  return [...o.values()].every((v) => v !== node) ? o.size : undefined;
}

async function allBackOn(node: string): Promise<number | undefined> {
  const o = await owners();
  return [...o.values()].every((v) => v === node) ? o.size : undefined;
}

test(
  "drain by the internal listener: monitors handed over at once, no new sessions; undrain brings them back",
  { timeout: 60_000 },
  async () => {
    assert.equal((await post("/lb/nodes/node2/drain", "GET")).status, 405);
    assert.equal((await post("/lb/nodes/nobody/drain")).status, 404);
    assert.equal((await post("/lb/nodes/node2/evict")).status, 404);

    const started = Date.now();
    const res = await post("/lb/nodes/node2/drain");
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { node: "node2", drained: true });
    await waitFor("node2's monitors handed over", () => allAwayFrom("node2"), 5000);
    const handedOverMs = Date.now() - started;
    assert.deepEqual(await kinds(), ["drain"]);
    // node2 is healthy and owns nothing now, so without the drain it would be the least loaded.
    for (let i = 0; i < 10; i++) assert.notEqual(await newSession(), "node2");
    const [[drainRow]] = await c.db.query<RowDataPacket[]>("SELECT requested_by FROM kuma_cluster_drain WHERE node_id = 'node2'");
    assert.equal(drainRow.requested_by, "operator");

    const undrained = Date.now();
    assert.equal((await post("/lb/nodes/node2/undrain")).status, 200);
    await waitFor("node2's monitors back", () => allBackOn("node2"), 10_000);
    const backMs = Date.now() - undrained;
    const [left] = await c.db.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM kuma_cluster_move");
    assert.equal(Number(left[0].n), 0);
    console.log(`drain by the internal listener: ${JSON.stringify({ handedOverMs, backMs })}`);
  },
);

test(
  "kuma-cluster-node drain --wait returns once the node owns nothing; undrain brings the monitors back",
  { timeout: 60_000 },
  async () => {
    const env = cliEnv("node2");
    const started = Date.now();
    const drained = await runCli(["drain", "--shutdown", "--wait", "20"], env);
    assert.equal(drained.code, 0, drained.stderr);
    assert.match(drained.stdout, /node2 drained until its next start/);
    assert.match(drained.stdout, /node2 owns no monitors now/);
    const waitedMs = Date.now() - started;
    assert.ok((await allAwayFrom("node2")) !== undefined, "every monitor left node2 before drain --wait returned");
    const [[row]] = await c.db.query<RowDataPacket[]>("SELECT requested_by FROM kuma_cluster_drain WHERE node_id = 'node2'");
    assert.equal(row.requested_by, "shutdown");

    const undrain = await runCli(["undrain"], env);
    assert.equal(undrain.code, 0, undrain.stderr);
    assert.match(undrain.stdout, /node2 undrained/);
    await waitFor("node2's monitors back", () => allBackOn("node2"), 10_000);
    assert.equal((await runCli(["drain", "--wait", "soon"], env)).code, 2, "a bad --wait is a usage error");
    console.log(`kuma-cluster-node drain: ${JSON.stringify({ waitedMs })}`);
    assert.deepEqual(luaFailures(c.router.errorLog()), []);
  },
);

test(
  "kuma-cluster-node drain --wait waits for the new owners' agents to finish a reconcile begun after the hand-over",
  { timeout: 60_000 },
  async () => {
    const env = cliEnv("node2");
    // node1 and node3 have agents with the hand-over trigger, last reconciled long ago.
    for (const id of ["node1", "node3"]) {
      await c.db.execute(
        `INSERT INTO kuma_cluster_agent (node_id, handover, detail, seen_at, last_reconcile_at, last_reconcile_ms)
       VALUES (?, 'trigger', 'test', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) - INTERVAL 1 HOUR, 10)
       ON DUPLICATE KEY UPDATE handover = 'trigger', last_reconcile_at = UTC_TIMESTAMP(3) - INTERVAL 1 HOUR, last_reconcile_ms = 10`,
        [id],
      );
    }
    try {
      let exited = false;
      const drained = runCli(["drain", "--shutdown", "--wait", "30"], env).then((r) => ((exited = true), r));
      await waitFor("node2's monitors handed over", () => allAwayFrom("node2"), 15_000);
      await new Promise((r) => setTimeout(r, 4000));
      assert.equal(exited, false, "drain --wait still waiting: no new owner has reconciled since the hand-over");
      const reconciledAt = Date.now();
      await c.db.execute(
        "UPDATE kuma_cluster_agent SET last_reconcile_at = UTC_TIMESTAMP(3), last_reconcile_ms = 5 WHERE node_id IN ('node1', 'node3')",
      );
      const result = await drained;
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /node2 owns no monitors now/);
      assert.doesNotMatch(result.stderr, /not reconciled/);
      const afterReconcileMs = Date.now() - reconciledAt;
      assert.ok(afterReconcileMs < 15_000, `returned ${afterReconcileMs} ms after the reconciles, not at its 30 s limit`);
      console.log(`kuma-cluster-node drain waiting for the new owners: ${JSON.stringify({ afterReconcileMs })}`);
    } finally {
      await c.db.execute("DELETE FROM kuma_cluster_agent WHERE node_id IN ('node1', 'node3')");
      await runCli(["undrain"], env);
      await waitFor("node2's monitors back", () => allBackOn("node2"), 10_000);
    }
  },
);
