// Health-check edge cases end to end: the real router probing stand-in nodes (fast interval so
// each case takes seconds), with verdicts read from /lb/status and write-backs from MariaDB.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { HealthMode, StandInNode } from "../../harness/stand-in-node";
import { HEALTH_PATH } from "../../harness/stand-in-node";
import { Cluster, startCluster } from "../../harness/cluster";
import { luaFailures, registryStatus, routerStatus, sleep, verdict, waitFor } from "./support";

const INTERVAL_S = 0.5;
/** Three probes plus slack for a loaded 2-core machine. */
const VERDICT_WAIT_MS = 8_000;

let c: Cluster;

async function get(path: string, cookie?: string): Promise<{ status: number; routedTo: string | null; via: string | null }> {
  const res = await fetch(`${c.router.publicUrl}${path}`, { headers: cookie === undefined ? {} : { Cookie: cookie }, redirect: "manual" });
  await res.arrayBuffer();
  return { status: res.status, routedTo: res.headers.get("x-routed-to"), via: res.headers.get("x-routed-via") };
}

function node(i: number): StandInNode {
  const n = c.nodes.get(c.nodeId(i));
  assert.ok(n !== undefined);
  return n;
}

async function waitVerdict(nodeId: string, want: "up" | "down"): Promise<number> {
  const started = Date.now();
  await waitFor(`${nodeId} ${want}`, async () => ((await verdict(c.router, nodeId)) === want ? true : undefined), VERDICT_WAIT_MS);
  return Date.now() - started;
}

/** Puts node i in `mode`, waits for the verdict, then restores it and waits for "up". */
async function downAndBack(i: number, mode: HealthMode): Promise<{ downMs: number; upMs: number }> {
  const id = c.nodeId(i);
  node(i).setHealth(mode);
  const downMs = await waitVerdict(id, "down");
  const repinned = await get("/dashboard", `KUMA_FIXED_NODE=${id}`);
  assert.equal(repinned.status, 200);
  assert.notEqual(repinned.routedTo, id, "a down node gets no new traffic");
  assert.equal(repinned.via, "re-pin");
  await waitFor(`${id} offline in the registry`, async () => ((await registryStatus(c, id)) === "offline" ? true : undefined), 3_000);
  node(i).setHealth("ok");
  const upMs = await waitVerdict(id, "up");
  await waitFor(`${id} online in the registry`, async () => ((await registryStatus(c, id)) === "online" ? true : undefined), 3_000);
  return { downMs, upMs };
}

describe("health checks: edge cases", () => {
  before(async () => {
    c = await startCluster({
      world: "compose",
      nodes: 3,
      routerEnv: { HEALTH_CHECK_INTERVAL: String(INTERVAL_S), HEALTH_CHECK_TIMEOUT: "300", ROUTER_SYNC_INTERVAL: "0.2" },
    });
    for (let i = 0; i < 3; i++)
      await waitFor(
        `first probe of node${i + 1}`,
        async () => ((await routerStatus(c.router)).checks.nodes[c.nodeId(i)]?.successes ?? 0) > 0 || undefined,
        5_000,
      );
  });
  after(async () => {
    const errors = luaFailures(c.router.errorLog());
    await c.stop();
    assert.deepEqual(errors, []);
  });

  test("a flapping node (alternating answers) never flips the verdict with 3/3", async () => {
    const flapper = node(2);
    const id = c.nodeId(2);
    let seen = flapper.requestCount(HEALTH_PATH);
    const verdicts = new Set<string>();
    let answers = 0;
    flapper.setHealth("503");
    // Toggle after each probe: 503, ok, 503, ok ... (probes are 500 ms apart; we poll every 10 ms).
    while (answers < 8) {
      await sleep(10);
      const count = flapper.requestCount(HEALTH_PATH);
      if (count === seen) continue;
      seen = count;
      answers++;
      await sleep(50);
      flapper.setHealth(flapper.getHealth() === "ok" ? "503" : "ok");
      verdicts.add((await verdict(c.router, id)) ?? "unknown");
    }
    flapper.setHealth("ok");
    assert.deepEqual([...verdicts], ["up"]);
    const check = (await routerStatus(c.router)).checks.nodes[id];
    assert.ok(check.failures <= 1, `never two failures in a row (${JSON.stringify(check)})`);
    assert.equal(await registryStatus(c, id), "online");
  });

  test("a node answering 503 goes down after 3 probes and comes back after 3", async () => {
    const t = await downAndBack(1, "503");
    assert.ok(t.downMs < VERDICT_WAIT_MS && t.upMs < VERDICT_WAIT_MS, JSON.stringify(t));
  });

  test("a node that accepts TCP and never answers is down by probe timeouts; the others stay up", async () => {
    const t = await downAndBack(1, "hang");
    const status = await routerStatus(c.router);
    assert.equal(status.checks.nodes[c.nodeId(0)].down, false);
    assert.equal(status.checks.nodes[c.nodeId(2)].down, false);
    assert.ok(t.downMs < VERDICT_WAIT_MS, JSON.stringify(t));
  });

  test("a probe path answering a redirect counts as a failure (never followed)", async () => {
    await downAndBack(1, "redirect");
  });

  test("every node down: the all-down fallback routes to the registry's online nodes; a stale one is marked offline", async () => {
    // node1 has not been seen for 20 minutes (the stale rule of docs/health.md, STALE_NODE_TIMEOUT 600 s).
    await c.db.execute("UPDATE node SET last_seen = UTC_TIMESTAMP() - INTERVAL 20 MINUTE WHERE node_id = ?", [c.nodeId(0)]);
    for (let i = 0; i < 3; i++) node(i).setHealth("503");
    for (let i = 0; i < 3; i++) await waitVerdict(c.nodeId(i), "down");
    await waitFor("stale node1 offline", async () => ((await registryStatus(c, c.nodeId(0))) === "offline" ? true : undefined), 3_000);
    await sleep(500); // a sync or two: the registry must still say node2 and node3 are online
    assert.equal(await registryStatus(c, c.nodeId(1)), "online");
    assert.equal(await registryStatus(c, c.nodeId(2)), "online");
    for (let k = 0; k < 4; k++) {
      const r = await get("/dashboard");
      assert.equal(r.status, 200);
      assert.match(r.via ?? "", /all-down-fallback/);
      assert.ok(r.routedTo === c.nodeId(1) || r.routedTo === c.nodeId(2), `routed to an online node, not ${r.routedTo}`);
    }
    for (let i = 0; i < 3; i++) node(i).setHealth("ok");
    for (let i = 0; i < 3; i++) await waitVerdict(c.nodeId(i), "up");
    await waitFor("node1 back online", async () => ((await registryStatus(c, c.nodeId(0))) === "online" ? true : undefined), 3_000);
    assert.doesNotMatch((await get("/dashboard")).via ?? "", /all-down-fallback/);
  });
});
