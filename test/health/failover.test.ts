// Failover under load, measured (docs/health.md): three stand-in nodes behind the real router,
// 4 concurrent GET clients aimed at node2, node2 killed and restarted. Default thresholds (3/3),
// a 2 s probe interval. Asserts no failed request and at most 1 s until no request is sent to
// the dead node; prints every figure.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Cluster, startCluster } from "../../harness/cluster";
import { Load, assignments, luaFailures, registryStatus, sleep, waitFor } from "./support";

const VICTIM = 1; // node2
const VICTIM_MONITORS = [2, 3, 4, 5];

let c: Cluster;

before(async () => {
  c = await startCluster({
    world: "compose",
    nodes: 3,
    routerEnv: { HEALTH_CHECK_INTERVAL: "2", HEALTH_CHECK_TIMEOUT: "1000", ROUTER_SYNC_INTERVAL: "0.2" },
  });
  await c.addMonitor(1, "node1", "tok1");
  for (const id of VICTIM_MONITORS) await c.addMonitor(id, "node2", `tok${id}`);
  await c.addMonitor(6, "node3", "tok6");
  await c.settle();
});

after(async () => {
  await c?.stop();
});

test("a killed node: no failed request, traffic gone within 1 s, monitors failed over and back", { timeout: 60_000 }, async () => {
  const victim = c.nodeId(VICTIM);
  const load = new Load(c.router.publicUrl, [
    { path: "/dashboard", cookie: `KUMA_FIXED_NODE=${victim}` }, // browsers pinned to node2
    { path: "/socket.io/?EIO=4&transport=polling&t=x", cookie: `KUMA_FIXED_NODE=${victim}` },
    { path: "/api/push/tok2?status=up&msg=OK" }, // push monitors owned by node2 (GET: idempotent)
    { path: "/api/badge/3/status" },
  ]);
  try {
    await exercise(load, victim);
  } finally {
    await load.stop();
  }
});

async function exercise(load: Load, victim: string): Promise<void> {
  await sleep(1500);
  const servedBefore = load.samples.filter((s) => s.routedTo === victim).length;

  const killedAt = load.now();
  await c.stopNode(VICTIM);
  const reassigned = await waitFor(
    "node2's monitors reassigned",
    async () => ([...(await assignments(c, VICTIM_MONITORS)).values()].every((a) => a !== null && a !== victim) ? load.now() : undefined),
    15_000,
    20,
  );
  await sleep(1000);
  const offline = await registryStatus(c, victim);

  const restartedAt = load.now();
  await c.startNode(VICTIM);
  const trafficBack = await waitFor(
    "traffic to the restarted node",
    async () => load.samples.find((s) => s.sentAt >= restartedAt && s.routedTo === victim)?.doneAt,
    20_000,
  );
  const returned = await waitFor(
    "node2's monitors returned",
    async () => ([...(await assignments(c, VICTIM_MONITORS)).values()].every((a) => a === null) ? load.now() : undefined),
    20_000,
    20,
  );
  await sleep(500);
  await load.stop();

  // A request whose first try went to the dead node was retried (X-Routed-Via ends in ",retry").
  const sentToDead = load.samples.filter((s) => s.sentAt >= killedAt && s.sentAt < restartedAt && (s.via ?? "").endsWith(",retry"));
  const lastSentToDead = sentToDead.length === 0 ? killedAt : sentToDead.reduce((a, s) => (s.sentAt > a ? s.sentAt : a), 0);
  const figures = {
    requests: load.samples.length,
    servedByNode2BeforeKill: servedBefore,
    failedRequests: load.failed().length,
    requestsSentToDeadNode: sentToDead.length,
    msUntilNoRequestSentToDeadNode: lastSentToDead - killedAt,
    msUntilMonitorsReassigned: reassigned - killedAt,
    registryStatusAfterKill: offline,
    msFromRestartUntilTraffic: trafficBack - restartedAt,
    msFromRestartUntilMonitorsReturned: returned - restartedAt,
  };
  console.log(`failover figures: ${JSON.stringify(figures)}`);

  assert.ok(servedBefore > 0, "node2 served traffic before the kill");
  assert.deepEqual(load.failed().slice(0, 5), [], "no failed request");
  assert.ok(
    figures.msUntilNoRequestSentToDeadNode <= 1000,
    `no request to the dead node after 1 s (was ${figures.msUntilNoRequestSentToDeadNode} ms)`,
  );
  assert.equal(offline, "offline", "the writer marked the dead node offline");
  const spread = new Set((await assignments(c, [1, 6])).values());
  assert.deepEqual([...spread], [null], "other nodes' monitors untouched");
  assert.deepEqual(luaFailures(c.router.errorLog()), []);
}
