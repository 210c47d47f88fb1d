// Two routers on one database: both probe and route, exactly one writes (the MariaDB named
// lock), and when the writer dies the other takes over and finishes the job.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Cluster, startCluster } from "../../harness/cluster";
import { Router, startRouter } from "../../harness/router";
import { assignments, luaFailures, registryStatus, routerStatus, waitFor } from "./support";

const MONITORS = [1, 2, 3];
let c: Cluster;
let second: Router;

before(async () => {
  c = await startCluster({
    world: "compose",
    nodes: 3,
    routerEnv: { HEALTH_CHECK_INTERVAL: "0.5", HEALTH_CHECK_TIMEOUT: "300", ROUTER_SYNC_INTERVAL: "0.2" },
  });
  for (const id of MONITORS) await c.addMonitor(id, "node2", `tok${id}`);
  second = await startRouter(c.routerEnvironment);
});

after(async () => {
  await second?.stop();
  await c?.stop();
});

async function writers(): Promise<Map<Router, { writer: boolean; writes: number }>> {
  const out = new Map<Router, { writer: boolean; writes: number }>();
  for (const r of [c.router, second]) {
    if (r.process.exitStatus !== undefined) continue;
    const s = await routerStatus(r);
    out.set(r, { writer: s.checks.writer, writes: s.checks.writes });
  }
  return out;
}

test("one writer per cluster; the other router takes over when it dies", { timeout: 60_000 }, async () => {
  // Exactly one router holds the lock (the other tries every 2 s and is refused).
  const first = await waitFor(
    "one writer",
    async () => {
      const w = [...(await writers()).entries()].filter(([, s]) => s.writer);
      return w.length === 1 ? w[0][0] : undefined;
    },
    10_000,
  );
  const standby = first === c.router ? second : c.router;

  await c.stopNode(1); // node2 crashes
  await waitFor(
    "monitors failed over",
    async () => ([...(await assignments(c, MONITORS)).values()].every((a) => a !== null) ? true : undefined),
    10_000,
  );
  // Both routers saw node2 go down; only the writer wrote.
  for (const r of [c.router, second]) {
    await waitFor("node2 down in both routers", async () => ((await routerStatus(r)).checks.nodes.node2?.down ? true : undefined), 5_000);
  }
  await waitFor("the writer counted its writes", async () => (((await writers()).get(first)?.writes ?? 0) > 0 ? true : undefined), 5_000);
  const w = await writers();
  assert.equal(w.get(first)?.writer, true);
  assert.deepEqual(w.get(standby), { writer: false, writes: 0 }, "the standby never wrote");
  assert.equal(await registryStatus(c, "node2"), "offline");
  const spreadTo = new Set((await assignments(c, MONITORS)).values());
  assert.ok(!spreadTo.has("node2") && !spreadTo.has(null));

  // The writer router dies without a goodbye: its MariaDB session closes, the lock is free.
  await first.process.stop({ signal: "SIGKILL" });
  await waitFor("the standby takes the lock", async () => ((await routerStatus(standby)).checks.writer ? true : undefined), 10_000);

  await c.startNode(1); // node2 is back: the new writer returns its monitors
  await waitFor(
    "monitors returned",
    async () => ([...(await assignments(c, MONITORS)).values()].every((a) => a === null) ? true : undefined),
    15_000,
  );
  // The count follows the commit the test just saw by a moment: the router reads MariaDB's answer.
  await waitFor(
    "the new writer counted its writes",
    async () => (((await writers()).get(standby)?.writes ?? 0) > 0 ? true : undefined),
    5_000,
  );
  assert.equal(await registryStatus(c, "node2"), "online");
  assert.deepEqual(luaFailures(standby.errorLog()), []);
  assert.deepEqual(luaFailures(first.errorLog()), []);
});
