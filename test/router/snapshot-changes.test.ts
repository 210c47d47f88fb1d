// Monitor changes reach routing as deltas (docs/benchmarks.md, "Snapshot at scale"): a real
// router (two workers) on a real MariaDB whose `monitor` writes feed the change log through the
// triggers the router installs. Owners moved, tokens changed, monitors deleted, switched off and
// inserted, a node added: every request after the sync routes by the new state, in both workers.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { RowDataPacket } from "mysql2/promise";
import { CHECKS_NEVER_DOWN, Cluster, startCluster } from "../../harness/cluster";
import { luaErrors } from "../../harness/router";

/** Requests per check, each on its own connection, so both workers answer some. */
const TRIES = 12;

let c: Cluster;

before(async () => {
  c = await startCluster({ world: "compose", nodes: 3, routerEnv: { ...CHECKS_NEVER_DOWN, ROUTER_SYNC_INTERVAL: "0.5" } });
  await c.addMonitor(1, "node1", "d-tok1");
  await c.addMonitor(2, "node1", "d-tok2");
  await c.addMonitor(3, "node2", "d-tok3");
  await c.addMonitor(4, "node2", "d-tok4");
  await c.addMonitor(5, "node3", "d-tok5");
  await c.settle();
});

after(async () => {
  await c?.stop();
});

/** Where a push for `token` went and why, on a fresh connection. */
function push(token: string): Promise<{ to: string | undefined; via: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${c.router.publicUrl}/api/push/${token}?status=up`, { agent: false });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () =>
        resolve({ to: res.headers["x-routed-to"] as string | undefined, via: res.headers["x-routed-via"] as string | undefined }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** Every try of every token routes as expected (owner, or not by owner when `null`). */
async function expectRouting(expected: Record<string, string | null>): Promise<void> {
  const wrong: string[] = [];
  for (const [token, owner] of Object.entries(expected)) {
    for (let i = 0; i < TRIES; i++) {
      const r = await push(token);
      const ok = owner === null ? r.via !== "owner" : r.via === "owner" && r.to === owner;
      if (!ok) wrong.push(`${token}: routed to ${r.to} via ${r.via}, expected ${owner ?? "no owner"}`);
    }
  }
  assert.deepEqual(wrong.slice(0, 5), []);
}

test("the router installs the change log's triggers on monitor", async () => {
  const [rows] = await c.db.query<RowDataPacket[]>(
    "SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 'monitor' ORDER BY name",
  );
  assert.deepEqual(
    rows.map((r) => r.name),
    ["kuma_cluster_monitor_delete", "kuma_cluster_monitor_insert", "kuma_cluster_monitor_update"],
  );
  await expectRouting({ "d-tok1": "node1", "d-tok2": "node1", "d-tok3": "node2", "d-tok4": "node2", "d-tok5": "node3" });
});

test("owners moved, a token changed, monitors deleted and inserted: routing follows after one sync", async () => {
  await c.db.query("UPDATE monitor SET assigned_node = 'node3' WHERE id = 1");
  await c.db.query("UPDATE monitor SET push_token = 'd-tok2b' WHERE id = 2");
  await c.db.query("DELETE FROM monitor WHERE id = 3");
  await c.addMonitor(6, "node2", "d-tok6");
  await c.settle();
  await expectRouting({ "d-tok1": "node3", "d-tok2": null, "d-tok2b": "node1", "d-tok3": null, "d-tok4": "node2", "d-tok6": "node2" });
});

test("many changes between two syncs (versions a worker never saw one by one) and a new node", async () => {
  await c.startNode(3);
  for (let i = 0; i < 10; i++) await c.db.query(`UPDATE monitor SET assigned_node = '${i % 2 === 0 ? "node2" : "node4"}' WHERE id = 4`);
  await c.db.query("UPDATE monitor SET assigned_node = 'node4' WHERE id = 5");
  await c.db.query("UPDATE monitor SET assigned_node = NULL WHERE id = 1");
  await c.settle();
  await expectRouting({ "d-tok1": "node1", "d-tok4": "node4", "d-tok5": "node4", "d-tok6": "node2" });
  assert.deepEqual(luaErrors(c.router.errorLog()), []);
});
