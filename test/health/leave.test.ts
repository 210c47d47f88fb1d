// Leave at once (docs/health.md, "Leaving"), end to end: three stand-in nodes behind the real
// router on MariaDB. A node that marks itself offline (its SIGTERM handler) gives its monitors
// away without waiting for probe failures, gets them back when it registers again and its
// probes pass, and has them re-homed for good once gone longer than STALE_NODE_TIMEOUT.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RowDataPacket } from "mysql2/promise";
import { Cluster, startCluster } from "../../harness/cluster";
import { luaFailures, routerStatus, waitFor } from "./support";

let c: Cluster;
const MONITORS = [301, 302, 303, 304];
const INTERVAL_S = 0.5;

before(async () => {
  c = await startCluster({
    world: "compose",
    nodes: 3,
    routerEnv: { HEALTH_CHECK_INTERVAL: String(INTERVAL_S), HEALTH_CHECK_TIMEOUT: "300", ROUTER_SYNC_INTERVAL: "0.2" },
  });
  for (const id of MONITORS) await c.addMonitor(id, "node3", `leave${id}`);
  await c.settle();
});

after(async () => {
  await c?.stop();
});

interface Row {
  owner: string;
  nodeId: string;
}

async function rows(): Promise<Map<number, Row>> {
  const [r] = await c.db.query<RowDataPacket[]>(
    `SELECT id, node_id, COALESCE(assigned_node, node_id) AS owner FROM monitor WHERE id IN (${MONITORS.join(",")})`,
  );
  return new Map(r.map((x) => [Number(x.id), { owner: String(x.owner), nodeId: String(x.node_id) }]));
}

const every = async (ok: (r: Row) => boolean): Promise<true | undefined> => ([...(await rows()).values()].every(ok) ? true : undefined);
/** What the node package's deregistration (SIGTERM) writes; the process keeps answering. */
const deregister = (id: string) =>
  c.db.execute("UPDATE node SET status = 'offline', modified_date = UTC_TIMESTAMP() WHERE node_id = ?", [id]);
/** What a node's start writes. */
const register = (id: string) =>
  c.db.execute("UPDATE node SET status = 'online', last_seen = UTC_TIMESTAMP(), modified_date = UTC_TIMESTAMP() WHERE node_id = ?", [id]);

test(
  "a node offline by its own hand gives its monitors away at once, and gets them back after fresh probes",
  { timeout: 60_000 },
  async () => {
    const started = Date.now();
    await deregister("node3");
    await waitFor("node3's monitors elsewhere", () => every((r) => r.owner !== "node3"), 5000);
    const leftMs = Date.now() - started;
    // Without the rule they would wait for 3 failed probes, which never come: node3 still answers.
    assert.equal((await routerStatus(c.router)).checks.nodes.node3.down, false);
    const [kinds] = await c.db.query<RowDataPacket[]>("SELECT DISTINCT kind FROM kuma_cluster_move");
    assert.deepEqual(
      kinds.map((k) => k.kind),
      ["leave"],
    );

    // Re-registered: back only after HEALTH_CHECK_SUCCESSES probes counted since then.
    const registered = Date.now();
    await register("node3");
    await waitFor("node3's monitors back", () => every((r) => r.owner === "node3"), 10_000);
    const backMs = Date.now() - registered;
    assert.ok(backMs >= 2 * INTERVAL_S * 1000, `back after ${backMs} ms: the old successes must not count`);
    console.log(`leave at once: ${JSON.stringify({ leftMs, backMs })}`);
  },
);

test(
  "quick re-creation: stopped, deregistered, started again at once: the monitors wait for the new process's probes",
  { timeout: 60_000 },
  async () => {
    await c.stopNode(2, true);
    await waitFor("node3's monitors elsewhere", () => every((r) => r.owner !== "node3"), 5000);
    const restarted = Date.now();
    await c.startNode(2);
    await waitFor("node3's monitors back", () => every((r) => r.owner === "node3"), 15_000);
    const backMs = Date.now() - restarted;
    assert.ok(backMs >= 2 * INTERVAL_S * 1000, `back after ${backMs} ms`);
    console.log(`quick re-creation: ${JSON.stringify({ backMs })}`);
  },
);

test("gone longer than STALE_NODE_TIMEOUT: monitors re-homed for good (node_id changed)", { timeout: 60_000 }, async () => {
  await deregister("node3");
  await waitFor("node3's monitors elsewhere", () => every((r) => r.owner !== "node3"), 5000);
  const owners = new Map([...(await rows())].map(([id, r]) => [id, r.owner]));
  // Unseen for longer than the default 600 s.
  await c.db.execute("UPDATE node SET last_seen = UTC_TIMESTAMP() - INTERVAL 700 SECOND WHERE node_id = 'node3'");
  await waitFor("re-homed", () => every((r) => r.nodeId !== "node3"), 5000);
  for (const [id, r] of await rows()) {
    assert.equal(r.nodeId, owners.get(id), `monitor ${id} now belongs to its temporary owner`);
    assert.equal(r.owner, r.nodeId, `monitor ${id} has no assigned_node left`);
  }
  const [left] = await c.db.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM kuma_cluster_move");
  assert.equal(Number(left[0].n), 0);
  // Back again later: nothing returns (the monitors are no longer its own).
  await register("node3");
  await new Promise((r) => setTimeout(r, 3000));
  assert.ok(await every((r) => r.nodeId !== "node3"));
  assert.deepEqual(luaFailures(c.router.errorLog()), []);
});
