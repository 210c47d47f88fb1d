// The router changes only what it changed (docs/health.md, "Ownership"), end to end: three
// stand-in nodes behind the real router on MariaDB, nodes stopped and started, an operator's
// edits written as the fork's Edit Monitor page writes them (monitor.assigned_node). The
// scenarios themselves are in ownership-scenarios.ts, shared with the real-node suite. Then
// /lb/status and /metrics: the monitors moved away per node and each node's hand-over.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RowDataPacket } from "mysql2/promise";
import { NO_AGENT } from "../../src-lua-ts/core/handover";
import { parseExposition, valueOf } from "../metrics/prom-text";
import { Cluster, startCluster } from "../../harness/cluster";
import {
  OwnershipCluster,
  movedTwiceReturnsToOriginalOwner,
  operatorEditOfMovedMonitorWins,
  overrideKeptWhileTargetHealthy,
  overrideTargetDownMovedBack,
  ownership,
} from "./ownership-scenarios";
import { luaFailures, waitFor } from "./support";

let c: Cluster;
let handle: OwnershipCluster;

before(async () => {
  c = await startCluster({
    world: "compose",
    nodes: 3,
    routerEnv: { HEALTH_CHECK_INTERVAL: "0.5", HEALTH_CHECK_TIMEOUT: "300", ROUTER_SYNC_INTERVAL: "0.2" },
  });
  let nextId = 100;
  handle = {
    db: c.db,
    nodeId: (i) => c.nodeId(i),
    stopNode: (i) => c.stopNode(i),
    startNode: (i) => c.startNode(i),
    createMonitor: async (i) => {
      const id = nextId++;
      await c.addMonitor(id, c.nodeId(i), `own${id}`);
      return id;
    },
    // What the fork's Edit Monitor handler writes for the "Assigned Node (override)" field.
    setOverride: async (id, nodeId) => {
      await c.db.execute("UPDATE monitor SET assigned_node = ? WHERE id = ?", [nodeId, id]);
    },
  };
});

after(async () => {
  await c?.stop();
});

const report = (name: string, figures: Record<string, number>) => console.log(`${name}: ${JSON.stringify(figures)}`);

test("override kept while its target is healthy", { timeout: 60_000 }, async () => {
  report("override kept", await overrideKeptWhileTargetHealthy(handle));
});

test("override target down -> moved -> back to the override target", { timeout: 60_000 }, async () => {
  report("override target down", await overrideTargetDownMovedBack(handle));
});

test("operator edit of a moved monitor wins", { timeout: 60_000 }, async () => {
  report("operator edit wins", await operatorEditOfMovedMonitorWins(handle));
});

test("a monitor moved twice returns to its original owner", { timeout: 90_000 }, async () => {
  report("moved twice", await movedTwiceReturnsToOriginalOwner(handle));
});

interface StatusNode {
  id: string;
  away: number;
  handover: string;
  handoverReason: string;
  agent?: { version: string; seenAgeS: number; lastReconcileMs?: number };
}

async function status(): Promise<{ snapshot: { moved?: number }; nodes: StatusNode[] }> {
  return (await (await fetch(`${c.router.statusUrl}/lb/status.json`)).json()) as { snapshot: { moved?: number }; nodes: StatusNode[] };
}

async function metric(name: string, nodeId: string): Promise<number | undefined> {
  return valueOf(parseExposition(await (await fetch(`${c.router.statusUrl}/metrics`)).text()), name, { node_id: nodeId });
}

test("/lb/status and /metrics: monitors moved away per node, and each node's hand-over", { timeout: 60_000 }, async () => {
  // No agent has a row yet: every node waits for the fork's one-minute timer, and says why.
  for (const n of (await status()).nodes) assert.deepEqual([n.id, n.handover, n.handoverReason], [n.id, "timer", NO_AGENT]);

  // node1's agent can trigger; node3's was last seen ten minutes ago.
  await c.db.execute(
    "INSERT INTO kuma_cluster_agent (node_id, handover, detail, agent_version, seen_at, last_reconcile_ms) VALUES " +
      "('node1', 'trigger', 'POST /api/v1/reconcile-monitors', '0.9.0', UTC_TIMESTAMP(3), 38), " +
      "('node3', 'trigger', 'POST /api/v1/reconcile-monitors', '0.9.0', UTC_TIMESTAMP(3) - INTERVAL 10 MINUTE, NULL)",
  );
  const nodes = await waitFor(
    "node1's agent read",
    async () => {
      const s = await status();
      return s.nodes.find((n) => n.id === "node1")?.handover === "trigger" ? s.nodes : undefined;
    },
    15_000,
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  assert.equal(byId.get("node1")?.agent?.version, "0.9.0");
  assert.equal(byId.get("node1")?.agent?.lastReconcileMs, 38);
  assert.equal(byId.get("node2")?.handover, "timer");
  assert.equal(byId.get("node3")?.handover, "timer");
  assert.match(byId.get("node3")?.handoverReason ?? "", /^no kuma-cluster-node agent seen for \d+ s$/);
  assert.equal(await metric("kuma_router_node_handover_trigger", "node1"), 1);
  assert.equal(await metric("kuma_router_node_handover_trigger", "node3"), 0);

  // node2 goes down: its monitors (two new ones, and those earlier tests left it) are away,
  // counted per node and in all.
  const moved = [await handle.createMonitor(1), await handle.createMonitor(1)];
  const [rows] = await c.db.query<RowDataPacket[]>(
    "SELECT COUNT(*) AS n FROM monitor WHERE active = 1 AND COALESCE(assigned_node, node_id) = 'node2'",
  );
  const owned = Number(rows[0].n);
  assert.ok(owned >= 2);
  await c.stopNode(1);
  try {
    await waitFor(
      "node2's monitors moved and counted",
      async () => {
        const s = await status();
        return s.nodes.find((n) => n.id === "node2")?.away === owned && s.snapshot.moved === owned ? true : undefined;
      },
      15_000,
    );
    assert.equal(await metric("kuma_router_monitors_moved_away", "node2"), owned);
    assert.equal(await metric("kuma_router_monitors_moved_away", "node1"), 0);
  } finally {
    await c.startNode(1);
  }
  await waitFor(
    "node2's monitors back",
    async () => ((await Promise.all(moved.map((id) => ownership(c.db, id)))).every((o) => o.assigned === null) ? true : undefined),
    15_000,
  );
  await waitFor("nothing away", async () => ((await status()).snapshot.moved === 0 ? true : undefined), 5_000);
  assert.equal(await metric("kuma_router_monitors_moved_away", "node2"), 0);
  assert.deepEqual(luaFailures(c.router.errorLog()), []);
});
