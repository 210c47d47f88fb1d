// Both worlds' lifecycle (Docker Compose, Kubernetes) and their compatibility matrix (matrix.ts)
// on loopback: the real router, a private MariaDB database, the test DNS server, and five nodes
// per world, each a stand-in Uptime Kuma server registered by the node package the way that
// world runs it (deployment.ts). Every row of the matrix is a named test in both worlds; the
// matrix is printed when the suite ends.
import { after, afterEach, before, describe } from "node:test";
import assert from "node:assert/strict";
import { ClusterEnv } from "../../node/src/cluster-env";
import { Cluster, startCluster, type World } from "../../harness/cluster";
import { luaErrors } from "../../harness/router";
import { verdict } from "../health/support";
import { Deployment, dnsNameOf, hostOf } from "./deployment";
import { matrixTest, renderMatrix, WORLD_LABEL } from "./matrix";
import { lbStatus, loads, owners, registry, registryRow, request, within, type Routed } from "./support";

const INTERVAL_S = 0.5;
const ROUTER_ENV = {
  HEALTH_CHECK_INTERVAL: String(INTERVAL_S),
  HEALTH_CHECK_TIMEOUT: "1000",
  ROUTER_SYNC_INTERVAL: "0.2",
  CLUSTER_NODE_COUNT: "5",
};
const REPLICAS = 5;
/** Monitor ids owned by node index 0..4 at the start: index 3 is the one least-loaded node. */
const LAYOUT: readonly (readonly number[])[] = [[1, 2], [3, 4, 5], [6, 7], [8], [9, 10]];
const ALL_MONITORS = LAYOUT.flat();

// Bounds, generous for a loaded 2-core machine.
/** The router sees a registry change: a few ROUTER_SYNC_INTERVALs. */
const SYNC_MS = 3_000;
/** A verdict flips: three probes INTERVAL_S apart, then one writer step. */
const VERDICT_MS = 3 * INTERVAL_S * 1000 + 4_000;
/** A re-created pod is reached at its new address: the old answer's TTL (5 s), then three probes. */
const NEW_ADDRESS_MS = 5_000 + VERDICT_MS;
const TEST_MS = 45_000;

const token = (monitorId: number): string => `push-${monitorId}`;

after(() => {
  console.log(renderMatrix());
});

for (const world of ["compose", "kubernetes"] as const) describeWorld(world);

function describeWorld(world: World): void {
  const k8s = world === "kubernetes";
  let c: Cluster;
  let d: Deployment;
  const id = (i: number): string => d.nodeId(i);
  const figures: Record<string, number> = {};

  /** Every running node up by the router's probes and online in the registry; no monitor away from home. */
  const converged = async (): Promise<boolean> => {
    const status = await lbStatus(c);
    const running = new Set(d.running().map(id));
    const nodesOk = status.nodes.every((n) => !running.has(n.id) || (n.registry === "online" && n.health === "up"));
    const seen = status.nodes.filter((n) => running.has(n.id)).length === running.size;
    return nodesOk && seen && [...(await owners(c, ALL_MONITORS)).values()].every((o) => !o.assigned);
  };
  const awaitConverged = (what: string, timeoutMs = NEW_ADDRESS_MS): Promise<number> =>
    within(`${what}: every running node up, every monitor home`, timeoutMs, converged);

  /**
   * Back to the starting point after each test, passed or failed, so one failure does not spill
   * into the next cell: nodes 0..4 running with their manifest environment and healthy, no
   * extra node or monitor, setup complete, every monitor home.
   */
  const restoreBaseline = async (): Promise<void> => {
    for (const i of d.known()) {
      const n = d.node(i);
      n.server.setHealth("ok");
      if (i >= REPLICAS) {
        if (n.server.running || n.registration !== undefined) await d.stop(i, { graceful: true, release: true });
      } else if (!n.server.running || n.registration === undefined || n.env.UPTIME_KUMA_PRIMARY !== d.env(i).UPTIME_KUMA_PRIMARY) {
        await d.restart(i);
      }
    }
    await c.db.query(`DELETE FROM monitor WHERE id NOT IN (${ALL_MONITORS.join(",")})`);
    await c.db.execute("INSERT INTO `user` (username) SELECT 'admin' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM `user`)");
    await awaitConverged("baseline");
    await within(
      "setup complete in the router's snapshot",
      SYNC_MS,
      async () => (await request(c, "/dashboard", { cookie: id(3) })).via === "fixed-node",
    );
  };

  /** A browser without a cookie: where it lands and where it is pinned. */
  const newBrowser = (): Promise<Routed> => request(c, "/dashboard");

  describe(`${WORLD_LABEL[world]}: ${REPLICAS} nodes behind the router`, () => {
    before(async () => {
      // The registry starts empty: the nodes register themselves once they run.
      c = await startCluster({ world, nodes: 0, routerEnv: ROUTER_ENV });
      d = new Deployment(c);
      // One at a time, node1 / pod 0 first (depends_on in Compose, OrderedReady in the StatefulSet).
      for (let i = 0; i < REPLICAS; i++) await d.start(i);
      for (const [i, ids] of LAYOUT.entries()) for (const m of ids) await c.addMonitor(m, id(i), token(m));
      // Only the registry as the router reads it: whether the nodes are reachable is for the tests to say.
      await within("the router listing the five registered nodes", 10_000, async () => {
        const listed = (await lbStatus(c)).nodes.filter((n) => n.registry === "online").map((n) => n.id);
        return d.running().every((i) => listed.includes(id(i)));
      });
    });

    afterEach(async () => {
      await restoreBaseline();
    });

    after(async () => {
      console.log(`lifecycle ${world} figures (ms): ${JSON.stringify(figures)}`);
      await d?.stopAll();
      const errors = c === undefined ? [] : luaErrors(c.router.errorLog());
      await c?.stop();
      assert.deepEqual(errors, [], "no Lua error in the router's log");
    });

    matrixTest(
      world,
      "Node ID format",
      k8s
        ? "pods register as uptime-kuma-0..4; node package and router read the same index"
        : "services register as node1..node5; node package and router read the same index",
      TEST_MS,
      async () => {
        const ids = [0, 1, 2, 3, 4].map(id);
        assert.deepEqual(
          ids,
          k8s
            ? ["uptime-kuma-0", "uptime-kuma-1", "uptime-kuma-2", "uptime-kuma-3", "uptime-kuma-4"]
            : ["node1", "node2", "node3", "node4", "node5"],
        );
        assert.deepEqual(
          (await registry(c)).map((r) => r.nodeId),
          ids,
          "the registered nodes",
        );
        const status = await lbStatus(c);
        assert.equal(status.environment, k8s ? "kubernetes" : "docker-compose", "the router detected its world");
        for (const [i, nodeId] of ids.entries()) {
          // Step 4: the format, as the node (node package) and the router (core in Lua) see it.
          const env = new ClusterEnv(d.node(i).env);
          assert.equal(env.getEnvironmentName(), k8s ? "kubernetes" : "docker-compose", nodeId);
          assert.equal(env.detectNodeIdFormat(nodeId), k8s ? "k8s-statefulset" : "docker-compose", nodeId);
          assert.equal(env.extractNodeIndex(nodeId), i, nodeId);
          assert.equal(status.nodes.find((n) => n.id === nodeId)?.index, i, `router index of ${nodeId}`);
        }
        const available = (await (await fetch(`${c.router.publicUrl}/lb/available-nodes`)).json()) as { nodes: { id: string }[] };
        assert.deepEqual(
          available.nodes.map((n) => n.id),
          ids,
          "every registered node takes work",
        );
      },
    );

    matrixTest(
      world,
      "Primary",
      k8s
        ? "pod 0 is primary by index with no flag; pod 0 down sends setup to pod 1, and back"
        : "UPTIME_KUMA_PRIMARY=true makes node1 primary; moving the flag moves setup traffic",
      TEST_MS,
      async () => {
        for (let i = 0; i < REPLICAS; i++)
          assert.equal("UPTIME_KUMA_PRIMARY" in d.node(i).env, !k8s && i === 0, `${id(i)}: primary flag in its environment`);
        const flagged = async (): Promise<string[]> => (await registry(c)).filter((r) => r.isPrimary).map((r) => r.nodeId);
        assert.deepEqual(await flagged(), [id(0)], "only node index 0 is flagged primary in the registry");

        /** Setup is unfinished: every request goes to the primary, whatever the cookie says. */
        const setupGoesTo = async (nodeId: string): Promise<boolean> => {
          const r = await request(c, "/setup", { cookie: id(3) });
          return r.node === nodeId && r.via === "setup";
        };
        await c.db.execute("DELETE FROM `user`");
        await within(`setup traffic to ${id(0)}`, SYNC_MS, () => setupGoesTo(id(0)));
        if (k8s) {
          // kubectl delete pod uptime-kuma-0: the next index takes setup while it is gone.
          const exit = await d.stop(0, { graceful: true, release: true });
          assert.deepEqual(exit, { code: 0, signal: null }, "the sidecar exits 0 after deregistering");
          figures.setupToPod1 = await within("setup traffic to uptime-kuma-1", SYNC_MS, () => setupGoesTo(id(1)));
          await d.start(0); // the StatefulSet re-creates it under the same name, at a new address
          figures.setupBackToPod0 = await within("setup traffic back to uptime-kuma-0", NEW_ADDRESS_MS, () => setupGoesTo(id(0)));
          assert.deepEqual(await flagged(), [id(0)], "pod 0 flagged again by its own registration");
        } else {
          // Edit the file: the flag moves to node3 (node1 says false), `docker compose up -d`.
          await d.restart(0, { UPTIME_KUMA_PRIMARY: "false" });
          await d.restart(2, { UPTIME_KUMA_PRIMARY: "true" });
          assert.deepEqual(await flagged(), [id(2)], "the flag moved with the file");
          figures.setupToNode3 = await within("setup traffic to node3", SYNC_MS, () => setupGoesTo(id(2)));
          await d.restart(0);
          await d.restart(2);
          assert.deepEqual(await flagged(), [id(0)]);
          await within("setup traffic back to node1", SYNC_MS, () => setupGoesTo(id(0)));
        }
        await c.db.execute("INSERT INTO `user` (username) VALUES ('admin')");
        await within(
          "setup finished: the cookie decides again",
          SYNC_MS,
          async () => (await request(c, "/dashboard", { cookie: id(3) })).node === id(3),
        );
      },
    );

    matrixTest(
      world,
      "Node host",
      k8s
        ? "hosts are <pod>.uptime-kuma-headless.<ns>.svc.cluster.local:3001 and lead to each pod"
        : "hosts are uptime-kuma-nodeN:3001 and lead to each node",
      TEST_MS,
      async () => {
        const rows = await registry(c);
        const status = await lbStatus(c);
        for (const i of d.running()) {
          const host = hostOf(world, i);
          if (k8s) assert.match(host, /^uptime-kuma-\d\.uptime-kuma-headless\.kuma-test\.svc\.cluster\.local:3001$/);
          else assert.equal(host, `uptime-kuma-node${i + 1}:3001`);
          assert.equal(
            rows.find((r) => r.nodeId === id(i))?.host,
            host,
            `registry host of ${id(i)}, whole (the fork's varchar(45) would cut an FQDN)`,
          );
          assert.equal(status.nodes.find((n) => n.id === id(i))?.host, host, `router's host of ${id(i)}`);
          // The host is the only way the router knows: a pinned request reaches that node's own address.
          const before = d.node(i).server.requestCount("/dashboard");
          const r = await request(c, "/dashboard", { cookie: id(i) });
          assert.deepEqual([r.status, r.node, r.via], [200, id(i), "fixed-node"], id(i));
          assert.equal(d.node(i).server.requestCount("/dashboard"), before + 1, `${id(i)} served it at ${d.node(i).address}`);
        }
      },
    );

    matrixTest(
      world,
      "DNS resolution",
      k8s
        ? "pod FQDNs resolve through the cluster DNS, cached by TTL; a re-created pod is found at its new IP"
        : "service names resolve through Docker's DNS as single labels, cached by TTL",
      TEST_MS,
      async () => {
        const names = d.running().map((i) => dnsNameOf(world, i));
        const asked = new Set(c.dns.queries().map((q) => q.name));
        for (const name of names) assert.ok(asked.has(name), `${name} was resolved`);
        // Only names of registry hosts: no search suffix, nothing taken from a request.
        const registryName = k8s ? /^uptime-kuma-\d+\.uptime-kuma-headless\.kuma-test\.svc\.cluster\.local$/ : /^uptime-kuma-node\d+$/;
        for (const name of asked) assert.match(name, registryName, "only registry names are asked");
        // Cached by TTL: twenty requests per node cost at most one query per name (one expiry).
        const counts = names.map((n) => c.dns.queryCount(n, "A"));
        for (let round = 0; round < 20; round++)
          for (const i of d.running()) assert.equal((await request(c, "/dashboard", { cookie: id(i) })).node, id(i));
        names.forEach((n, k) =>
          assert.ok(c.dns.queryCount(n, "A") - counts[k] <= 1, `${n}: ${c.dns.queryCount(n, "A") - counts[k]} queries for 20 requests`),
        );
        if (!k8s) return;
        // A deleted pod leaves the headless Service; re-created, it has the same name and a new IP.
        const oldAddress = d.node(3).address;
        await d.stop(3, { graceful: true, release: true });
        const pod = await d.start(3);
        assert.notEqual(pod.address, oldAddress);
        assert.equal((await registryRow(c, id(3)))?.host, hostOf(world, 3), "the registry holds the name, never an address");
        figures.reachedAtNewAddress = await within("uptime-kuma-3 reached at its new address", NEW_ADDRESS_MS, async () => {
          const r = await request(c, "/dashboard", { cookie: id(3) });
          return r.node === id(3) && pod.server.requestCount("/dashboard") > 0;
        });
      },
    );

    matrixTest(
      world,
      "Health check",
      "probes find a failing node and a crashed one, take them out, and bring them back after three successes",
      TEST_MS,
      async () => {
        await within("every node probed successfully", VERDICT_MS, async () => {
          const checks = (await lbStatus(c)).checks.nodes;
          return d.running().every((i) => (checks[id(i)]?.successes ?? 0) > 0 && !checks[id(i)].down);
        });
        const sick = 2; // its health endpoint answers 503 (its database check fails)
        const crashed = 4; // killed: no deregistration, so only the probes can notice
        d.node(sick).server.setHealth("503");
        await d.stop(crashed, { graceful: false, release: false });
        assert.equal((await registryRow(c, id(crashed)))?.status, "online", "a crash writes nothing: the registry still says online");
        const started = Date.now();
        await within(
          `${id(sick)} and ${id(crashed)} down`,
          VERDICT_MS,
          async () => (await verdict(c.router, id(sick))) === "down" && (await verdict(c.router, id(crashed))) === "down",
        );
        figures.downAfterFault = Date.now() - started;
        await within(
          `${id(crashed)} marked offline by the router`,
          SYNC_MS,
          async () => (await registryRow(c, id(crashed)))?.status === "offline",
        );
        for (const i of [sick, crashed]) {
          const r = await request(c, "/dashboard", { cookie: id(i) });
          assert.equal(r.status, 200);
          assert.notEqual(r.node, id(i), `no traffic for ${id(i)}`);
          assert.deepEqual([r.via, r.pinnedTo], ["re-pin", r.node], "the browser is re-pinned to a healthy node");
        }
        d.node(sick).server.setHealth("ok");
        await d.start(crashed); // restarted in place (same address), registers again
        figures.backAfterRecovery = await awaitConverged("recovery", VERDICT_MS);
      },
    );

    matrixTest(
      world,
      "Monitor routing",
      "new sessions go to the least-loaded node and stay pinned; pushes, badges and REST go to the owner",
      TEST_MS,
      async () => {
        const browser = await newBrowser();
        // New browsers spread over the nodes within the margin of the fewest monitors (core/route.ts
        // newSessionMargin: 2 here, so all five), the one with the fewest recent new pins first.
        assert.deepEqual(
          [browser.status, browser.via, browser.pinnedTo],
          [200, "least-loaded", browser.node],
          "a new browser is pinned where it was served",
        );
        assert.ok(
          LAYOUT.some((_, i) => id(i) === browser.node),
          `pinned to a registered node: ${browser.node}`,
        );
        for (let k = 0; k < 5; k++) {
          const poll = await request(c, "/socket.io/?EIO=4&transport=polling", { cookie: id(3) });
          assert.deepEqual([poll.node, poll.via, poll.pinnedTo], [id(3), "fixed-node", null], "socket.io polling stays on the pinned node");
        }
        for (const [i, ids] of LAYOUT.entries()) {
          for (const m of ids) {
            const push = await request(c, `/api/push/${token(m)}?status=up&msg=OK`, { cookie: id(3) });
            assert.deepEqual([push.node, push.via, push.pinnedTo], [id(i), "owner", null], `push of monitor ${m}`);
            assert.equal((await request(c, `/api/badge/${m}/status`)).node, id(i), `badge of monitor ${m}`);
            assert.equal((await request(c, `/api/v1/monitors/${m}`)).node, id(i), `REST of monitor ${m}`);
          }
        }
        assert.equal((await request(c, `/api/push/${token(3)}`, { method: "POST" })).node, id(1), "a POST push too");
        // The pinned browser creates a monitor: it lives on that node, and its pushes go there.
        await c.addMonitor(20, id(3), token(20));
        const created = await request(c, `/api/push/${token(20)}`);
        assert.deepEqual([created.node, created.via], [id(3), "owner"], "a monitor created on the pinned node");
        // Now index 3 owns 2 like indexes 0, 2 and 4: ties go to the lowest node id.
        await within("a new session to the new least-loaded node", SYNC_MS, async () => (await newBrowser()).pinnedTo === id(0));
      },
    );

    matrixTest(
      world,
      "Scaling",
      k8s
        ? "scale to 7: new pods register and take new sessions; back to 5: pods 6 and 5 offline at once, monitors moved"
        : "node6 added to the file registers and takes new sessions; removed, it is offline at once and its monitors move",
      TEST_MS,
      async () => {
        const added = k8s ? [5, 6] : [5];
        const created: number[] = [];
        for (const i of added) {
          await d.start(i); // kubectl scale --replicas=7 (in order) / a service added to the file
          const row = await registryRow(c, id(i));
          assert.deepEqual(row && [row.host, row.status, row.isPrimary], [hostOf(world, i), "online", false], `${id(i)} registered itself`);
          // Every older node owns monitors: the new one is least-loaded and takes the new session.
          figures[`newSessionTo_${id(i)}`] = await within(
            `a new session to ${id(i)}`,
            SYNC_MS,
            async () => (await newBrowser()).pinnedTo === id(i),
          );
          // That browser creates monitors on it.
          for (const m of [30 + i * 2, 31 + i * 2]) {
            await c.addMonitor(m, id(i), token(m));
            created.push(m);
          }
        }
        const addedIds = added.map(id);
        await within("the router counting the new monitors", SYNC_MS, async () =>
          (await lbStatus(c)).nodes.filter((n) => addedIds.includes(n.id)).every((n) => n.owned === 2),
        );

        // Scale down: the StatefulSet stops the highest ordinal first; SIGTERM reaches the sidecar.
        for (const i of [...added].reverse()) {
          const exit = await d.stopRegistration(i, true);
          if (k8s) assert.deepEqual(exit, { code: 0, signal: null }, `${id(i)}'s sidecar deregistered and exited 0`);
          // Right after the exit, while its server still answers every probe: offline already.
          assert.equal((await registryRow(c, id(i)))?.status, "offline", `${id(i)} offline at once`);
          assert.equal(await verdict(c.router, id(i)), "up", "no probe had failed: the registration did it");
          await d.stopServer(i, true);
        }
        const healthy = new Set(d.running().map(id));
        figures.removedNodesMonitorsMoved = await within("the removed nodes' monitors on healthy nodes", VERDICT_MS, async () =>
          [...(await owners(c, created)).values()].every((o) => o.assigned && healthy.has(o.owner)),
        );
        // The writer refreshes the snapshot after its moves; another worker may lag by one sync.
        const moved = (await owners(c, created)).get(created[0])?.owner;
        await within("a push reaching the monitor's new owner", SYNC_MS, async () => {
          const push = await request(c, `/api/push/${token(created[0])}`);
          return push.node === moved && push.via === "owner";
        });
        for (let k = 0; k < 3; k++) assert.ok(healthy.has((await newBrowser()).node ?? ""), "new sessions only on the remaining nodes");
      },
    );

    matrixTest(
      world,
      "Failover",
      k8s
        ? "pod 2 deleted: monitors move; re-created under its name: same row, monitors back"
        : "node2 stopped: monitors move to the least-loaded nodes; started again: monitors back",
      TEST_MS,
      async () => {
        const victim = k8s ? 2 : 1;
        const victimId = id(victim);
        const mine = LAYOUT[victim];
        // created_date a day back, so "kept" is visible at one-second precision.
        await c.db.execute("UPDATE node SET created_date = created_date - INTERVAL 1 DAY WHERE node_id = ?", [victimId]);
        const rowsBefore = await registry(c);
        const created = rowsBefore.find((r) => r.nodeId === victimId)?.created;

        // kubectl delete pod / docker compose stop: SIGTERM, the node deregisters, the process ends.
        const exit = await d.stop(victim, { graceful: true, release: k8s });
        if (k8s) assert.deepEqual(exit, { code: 0, signal: null });
        assert.equal((await registryRow(c, victimId))?.status, "offline", `${victimId} offline at once`);
        const healthy = new Set(d.running().map(id));
        figures.monitorsReassigned = await within(`${victimId}'s monitors reassigned`, VERDICT_MS, async () =>
          [...(await owners(c, mine)).values()].every((o) => o.assigned && healthy.has(o.owner)),
        );
        // Least-loaded: the healthy nodes' loads differ by at most one after the moves.
        const load = await loads(c);
        const spread = [...healthy].map((n) => load.get(n) ?? 0);
        assert.ok(Math.max(...spread) - Math.min(...spread) <= 1, `monitors spread by load: ${JSON.stringify(Object.fromEntries(load))}`);
        for (const [m, o] of await owners(c, mine)) {
          await within(`push of monitor ${m} accepted by its new owner ${o.owner}`, SYNC_MS, async () => {
            const push = await request(c, `/api/push/${token(m)}?status=up`);
            return push.status === 200 && push.node === o.owner && push.via === "owner";
          });
        }

        const node = await d.start(victim); // the StatefulSet re-creates it / docker compose start
        const rowsAfter = await registry(c);
        assert.equal(rowsAfter.length, rowsBefore.length, "no new row");
        const row = rowsAfter.find((r) => r.nodeId === victimId);
        assert.deepEqual(row && [row.host, row.status], [hostOf(world, victim), "online"]);
        assert.equal(row?.created, created, "created_date kept: the same row, updated");
        figures.monitorsBack = await within(`${victimId}'s monitors back`, NEW_ADDRESS_MS, async () =>
          [...(await owners(c, mine)).values()].every((o) => !o.assigned && o.owner === victimId),
        );
        // The monitors are back in the database; each worker's routing follows at its next sync.
        await within(`push of monitor ${mine[0]} routed to ${victimId} again`, SYNC_MS, async () => {
          const push = await request(c, `/api/push/${token(mine[0])}?status=up`);
          return push.node === victimId && push.via === "owner";
        });
        assert.ok(node.server.requestCount(`/api/push/${token(mine[0])}`) > 0, "served by the node as it runs now");
      },
    );
  });
}
