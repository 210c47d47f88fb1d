// Two worlds on one database (docs/deployment.md, "Live cut-over"): a Compose router and a
// Kubernetes router, each resolving only its own world's names, with two stand-in nodes each.
// Before worlds, the router holding the writer lock probed the other world's names, found them
// unresolvable and marked those nodes offline, moving their monitors away. Now each router
// leaves the other's nodes alone and serves a push for their monitors from a node of its own.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Cluster, startCluster } from "../../harness/cluster";
import { assignments, registryStatus, routerStatus, sleep, waitFor } from "./support";

const FAST = { HEALTH_CHECK_INTERVAL: "0.3", HEALTH_CHECK_FAILURES: "2", HEALTH_CHECK_SUCCESSES: "2", HEALTH_CHECK_TIMEOUT: "500" };

async function push(c: Cluster, token: string): Promise<{ status: number; to: string; via: string }> {
  const res = await fetch(`${c.router.publicUrl}/api/push/${token}?status=up`);
  await res.arrayBuffer();
  return { status: res.status, to: res.headers.get("x-routed-to") ?? "", via: res.headers.get("x-routed-via") ?? "" };
}

async function metric(c: Cluster, series: string): Promise<number | undefined> {
  const text = await (await fetch(`${c.router.statusUrl}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.substring(series.length + 1));
}

describe("two worlds on one database", () => {
  let compose: Cluster;
  let k8s: Cluster;

  before(async () => {
    // The Compose router starts first and so holds the cluster's writer lock.
    compose = await startCluster({ world: "compose", nodes: 2, routerEnv: FAST });
    const env = compose.routerEnvironment;
    const database = {
      host: env.DB_HOST,
      port: Number(env.DB_PORT),
      user: env.DB_USER,
      password: env.DB_PASSWORD,
      database: env.DB_NAME,
      timeoutMs: 5000,
    };
    k8s = await startCluster({ world: "kubernetes", nodes: 2, routerEnv: FAST, database });
    await compose.addMonitor(1, "node1", "tok-compose");
    await compose.addMonitor(2, "uptime-kuma-0", "tok-pod0");
    await compose.addMonitor(3, "uptime-kuma-1", "tok-pod1");
    await compose.settle();
    await k8s.settle();
  });

  after(async () => {
    await k8s?.router.stop();
    for (const n of k8s?.nodes.values() ?? []) if (n.running) await n.stop();
    await k8s?.dns.stop();
    await k8s?.db.end();
    await compose?.stop();
  });

  test("each router probes only its own nodes and shows the others as foreign", async () => {
    await sleep(1500); // several probe rounds of both routers
    const c = await routerStatus(compose.router);
    assert.equal(c.checks.writer, true, "the Compose router started first and writes");
    assert.deepEqual(
      Object.keys(c.checks.nodes)
        .filter((id) => c.checks.nodes[id].lastProbe !== undefined)
        .sort(),
      ["node1", "node2"],
    );
    assert.deepEqual(c.nodes.map((n) => `${n.id}:${n.health}`).sort(), [
      "node1:up",
      "node2:up",
      "uptime-kuma-0:foreign",
      "uptime-kuma-1:foreign",
    ]);
    const k = await routerStatus(k8s.router);
    assert.deepEqual(k.nodes.map((n) => `${n.id}:${n.health}`).sort(), [
      "node1:foreign",
      "node2:foreign",
      "uptime-kuma-0:up",
      "uptime-kuma-1:up",
    ]);
    for (const id of ["node1", "node2", "uptime-kuma-0", "uptime-kuma-1"]) assert.equal(await registryStatus(compose, id), "online", id);
    assert.equal(await metric(compose, 'kuma_router_node_foreign{node_id="uptime-kuma-0"}'), 1);
    assert.equal(await metric(compose, 'kuma_router_node_foreign{node_id="node1"}'), 0);
  });

  test("a push for the other world's monitor is served here, never a 5xx, and counted", async () => {
    const before = (await metric(compose, 'kuma_router_decisions_total{reason="foreign-owner"}')) ?? 0;
    for (let i = 0; i < 5; i++) {
      const viaCompose = await push(compose, "tok-pod0");
      assert.equal(viaCompose.status, 200);
      assert.equal(viaCompose.via, "foreign-owner");
      assert.match(viaCompose.to, /^node[12]$/);
      const viaK8s = await push(k8s, "tok-compose");
      assert.equal(viaK8s.status, 200);
      assert.equal(viaK8s.via, "foreign-owner");
      assert.match(viaK8s.to, /^uptime-kuma-[01]$/);
      const own = await push(k8s, "tok-pod0");
      assert.deepEqual([own.status, own.to, own.via], [200, "uptime-kuma-0", "owner"]);
    }
    // Each worker flushes its counts to shared memory within a moment.
    await waitFor(
      "five foreign-owner decisions counted",
      async () => ((await metric(compose, 'kuma_router_decisions_total{reason="foreign-owner"}')) === before + 5 ? true : undefined),
      5000,
    );
  });

  test("cut-over by drain: the Compose nodes' monitors go to the pods, and back on undrain; no push refused through either router", async () => {
    const refused: string[] = [];
    let pushes = 0;
    let pushing = true;
    const pusher = (async () => {
      while (pushing) {
        for (const c of [compose, k8s]) {
          for (const token of ["tok-compose", "tok-pod0", "tok-pod1"]) {
            const r = await push(c, token);
            pushes++;
            if (r.status !== 200) refused.push(`${c.world} ${token}: ${r.status} ${r.via}`);
          }
        }
        await sleep(100);
      }
    })();
    const drain = async (c: Cluster, id: string, verb: "drain" | "undrain") => {
      const res = await fetch(`${c.router.statusUrl}/lb/nodes/${id}/${verb}`, { method: "POST" });
      assert.equal(res.status, 200, await res.text());
    };
    const owner = async (id: number): Promise<string> => {
      const [rows] = await compose.db.query<import("mysql2/promise").RowDataPacket[]>(
        "SELECT COALESCE(assigned_node, node_id) AS o FROM monitor WHERE id = ?",
        [id],
      );
      return String(rows[0].o);
    };
    try {
      const start = Date.now();
      await drain(compose, "node2", "drain");
      await drain(compose, "node1", "drain");
      const to = await waitFor(
        "node1's monitor handed to a pod",
        async () => {
          const o = await owner(1);
          return o.startsWith("uptime-kuma-") ? o : undefined;
        },
        15_000,
      );
      const cutOverMs = Date.now() - start;
      await compose.settle();
      await k8s.settle();
      const viaCompose = await push(compose, "tok-compose");
      assert.equal(viaCompose.via, "foreign-owner", "the Compose router serves it from a Compose node until DNS moves");
      const viaK8s = await push(k8s, "tok-compose");
      assert.deepEqual([viaK8s.to, viaK8s.via], [to, "owner"], "the Kubernetes router reaches the new owner");
      await drain(compose, "node1", "undrain");
      await drain(compose, "node2", "undrain");
      await waitFor("node1's monitor back home", async () => ((await owner(1)) === "node1" ? true : undefined), 20_000);
      console.log(
        `stand-in cut-over by drain: monitor at ${to} after ${cutOverMs} ms; ${pushes} pushes through both routers, ${refused.length} refused`,
      );
    } finally {
      pushing = false;
      await pusher;
    }
    assert.deepEqual(refused, [], "no push refused");
    assert.equal(await owner(2), "uptime-kuma-0");
    assert.equal(await owner(3), "uptime-kuma-1");
  });

  test("the writer never marks a foreign node offline nor moves its monitors; its own still fail over among its own", async () => {
    // A pod dies without deregistering: its own router does not hold the lock, the Compose
    // router must leave it alone (its names do not even resolve there).
    await k8s.stopNode(1);
    await compose.stopNode(1); // node2 dies too: the Compose writer's own work
    await waitFor(
      "node2 marked offline by the Compose writer",
      async () => ((await registryStatus(compose, "node2")) === "offline" ? true : undefined),
      10_000,
    );
    await sleep(1500);
    assert.equal(await registryStatus(compose, "uptime-kuma-1"), "online", "the pod is foreign to the writer");
    const moved = await assignments(compose, [1, 2, 3]);
    assert.deepEqual([moved.get(1), moved.get(2), moved.get(3)], [null, null, null], "no monitor of a foreign node moved");
    const viaCompose = await push(compose, "tok-pod1");
    assert.deepEqual([viaCompose.status, viaCompose.to, viaCompose.via], [200, "node1", "foreign-owner"]);
    const log = compose.router.errorLog();
    assert.doesNotMatch(log, /uptime-kuma-[01]\.uptime-kuma-headless.*(marked offline|->)/);
  });
});
