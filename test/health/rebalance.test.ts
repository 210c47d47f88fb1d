// Rebalance (docs/health.md, "Rebalance"), end to end with stand-in nodes behind the real router
// on MariaDB: "scale 3 -> 5 with 300 monitors" (time until the imbalance is below 20%, monitors
// moved, none moved twice), an operator's override never moved, and REBALANCE=false.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RowDataPacket } from "mysql2/promise";
import { imbalance } from "../../src-lua-ts/core/rebalance";
import { parseExposition, valueOf } from "../metrics/prom-text";
import { Cluster, startCluster } from "../../harness/cluster";
import { luaFailures } from "./support";

let c: Cluster;
const PER_NODE = 100;

before(async () => {
  c = await startCluster({
    world: "compose",
    nodes: 5,
    routerEnv: {
      HEALTH_CHECK_INTERVAL: "0.5",
      HEALTH_CHECK_TIMEOUT: "300",
      ROUTER_SYNC_INTERVAL: "0.2",
      REBALANCE_SETTLE: "2",
      REBALANCE_INTERVAL: "0.5",
    },
  });
  // Three nodes at first: node4 and node5 come later, as a scale-up adds them.
  await c.stopNode(3, true);
  await c.stopNode(4, true);
  let id = 1000;
  for (let i = 0; i < 3; i++) for (let k = 0; k < PER_NODE; k++) await c.addMonitor(id++, c.nodeId(i));
  // One operator override on node1 (to node1 itself): never moved.
  await c.db.execute("UPDATE monitor SET assigned_node = 'node1' WHERE id = 1000");
  await c.settle();
});

after(async () => {
  await c?.stop();
});

async function owners(): Promise<Map<number, string>> {
  const [rows] = await c.db.query<RowDataPacket[]>("SELECT id, COALESCE(assigned_node, node_id) AS owner FROM monitor WHERE active = 1");
  return new Map(rows.map((r) => [Number(r.id), String(r.owner)]));
}

function loads(o: Map<number, string>, nodes: string[]): number[] {
  const count: Record<string, number> = Object.fromEntries(nodes.map((n) => [n, 0]));
  for (const owner of o.values()) count[owner] = (count[owner] ?? 0) + 1;
  return nodes.map((n) => count[n]);
}

test("scale 3 -> 5 with 300 monitors: imbalance below 20%, each monitor moved at most once", { timeout: 120_000 }, async () => {
  const nodes = [0, 1, 2, 3, 4].map((i) => c.nodeId(i));
  const initial = await owners();
  assert.deepEqual(loads(initial, nodes), [100, 100, 100, 0, 0]);
  const started = Date.now();
  await c.startNode(3);
  await c.startNode(4);
  const changes = new Map<number, number>();
  let last = initial;
  let balancedMs: number | undefined;
  // Watch every 100 ms until balanced, then 5 s more: nothing may move twice, nothing moves on.
  while (balancedMs === undefined || Date.now() - started < balancedMs + 5000) {
    const now = await owners();
    for (const [id, owner] of now) if (last.get(id) !== owner) changes.set(id, (changes.get(id) ?? 0) + 1);
    last = now;
    if (balancedMs === undefined && imbalance(loads(now, nodes)) < 0.2) balancedMs = Date.now() - started;
    if (Date.now() - started > 20_000)
      throw new Error(
        `not balanced after 90 s: ${loads(now, nodes).join("/")}\n${c.router
          .errorLog()
          .split("\n")
          .filter((l) => /writer|rebalance/.test(l))
          .slice(-15)
          .join("\n")}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
  const moved = changes.size;
  const movedTwice = [...changes.values()].filter((n) => n > 1).length;
  const final = loads(last, nodes);
  assert.equal(movedTwice, 0);
  assert.ok(imbalance(final) < 0.2, final.join("/"));
  assert.equal(last.get(1000), "node1", "the override stays");
  // Rebalancing changes the permanent owner: no assigned_node written, each move recorded.
  const [[assigned]] = await c.db.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM monitor WHERE assigned_node IS NOT NULL");
  assert.equal(Number(assigned.n), 1);
  const [[recorded]] = await c.db.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM kuma_cluster_move WHERE kind = 'rebalance'");
  assert.equal(Number(recorded.n), moved);
  const metrics = parseExposition(await (await fetch(`${c.router.statusUrl}/metrics`)).text());
  const ratio = valueOf(metrics, "uptime_kuma_monitor_imbalance_ratio", {});
  assert.ok(ratio !== undefined && ratio < 0.2, `metric ${ratio}`);
  console.log(`scale 3 -> 5 (stand-ins): ${JSON.stringify({ balancedMs, moved, movedTwice, final: final.join("/"), settleS: 2 })}`);
  assert.deepEqual(luaFailures(c.router.errorLog()), []);
});
