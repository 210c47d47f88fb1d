// The registry operations against the real MariaDB, in a database of this run's own.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { RowDataPacket } from "mysql2/promise";
import { ClusterEnv, ClusterEnvError } from "../../node/src/cluster-env";
import {
  cleanupStaleNodes,
  deregisterNode,
  ensureDefaultNode,
  getNode,
  heartbeat,
  initializeFromEnv,
  registerNode,
} from "../../node/src/registry";
import { ageOf, backdate, COMPOSE, K8S, nodeCount, status, suiteDb } from "./support";

const envOf = (vars: Record<string, string>) => new ClusterEnv(vars, () => "");

describe("registry on MariaDB", () => {
  const suite = suiteDb();

  test("Compose: node1 registers as primary, node2 not, both online and seen now", async () => {
    await registerNode(suite.db.pool, envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1", UPTIME_KUMA_PRIMARY: "true" }).identity());
    await registerNode(suite.db.pool, envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node2" }).identity());
    const node1 = await getNode(suite.db.pool, "node1");
    const node2 = await getNode(suite.db.pool, "node2");
    assert.equal(node1?.host, "uptime-kuma-node1:3001");
    assert.equal(node1?.isPrimary, true);
    assert.equal(node1?.status, "online");
    assert.equal(node2?.host, "uptime-kuma-node2:3001");
    assert.equal(node2?.isPrimary, false);
    assert.equal(node2?.status, "online");
    const seen = await ageOf(suite.db.pool, "node1", "last_seen");
    assert.ok(seen !== null && seen >= 0 && seen <= 2, `last_seen ${seen}s behind the database clock`);
  });

  test("Kubernetes: the pod registers with its FQDN (longer than the fork's 45 characters)", async () => {
    const identity = envOf({ ...K8S, UPTIME_KUMA_NODE_ID: "uptime-kuma-0" }).identity();
    await registerNode(suite.db.pool, identity);
    const row = await getNode(suite.db.pool, "uptime-kuma-0");
    assert.equal(row?.host, "uptime-kuma-0.uptime-kuma-headless.monitoring.svc.cluster.local:3001");
    assert.equal(row?.isPrimary, true);
  });

  test("re-registering is idempotent: one row, created_date kept, back online, new values written", async () => {
    const first = envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node2" }).identity();
    await registerNode(suite.db.pool, first);
    await backdate(suite.db.pool, "node2", 3600, "offline");
    await registerNode(suite.db.pool, { ...first, nodeName: "renamed", host: "10.0.0.2:3001" });
    assert.equal(await nodeCount(suite.db.pool), 1);
    const row = await getNode(suite.db.pool, "node2");
    assert.deepEqual([row?.status, row?.nodeName, row?.host], ["online", "renamed", "10.0.0.2:3001"]);
    assert.ok(((await ageOf(suite.db.pool, "node2", "created_date")) ?? 0) >= 3600, "created_date must be kept");
    assert.ok(((await ageOf(suite.db.pool, "node2", "last_seen")) ?? 99) <= 2, "last_seen must be now");
    assert.ok(((await ageOf(suite.db.pool, "node2", "modified_date")) ?? 99) <= 2, "modified_date must be now");
  });

  test("a primary registration leaves other primaries alone; a node's own flag follows its environment", async () => {
    await registerNode(suite.db.pool, envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1", UPTIME_KUMA_PRIMARY: "true" }).identity());
    await registerNode(suite.db.pool, envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node2", UPTIME_KUMA_PRIMARY: "true" }).identity());
    assert.equal((await getNode(suite.db.pool, "node1"))?.isPrimary, true);
    assert.equal((await getNode(suite.db.pool, "node2"))?.isPrimary, true);
    await registerNode(suite.db.pool, envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node2" }).identity());
    assert.equal((await getNode(suite.db.pool, "node2"))?.isPrimary, false);
  });

  test("default local node: created into an empty table only", async () => {
    const local = envOf({}).identity();
    assert.equal(await ensureDefaultNode(suite.db.pool, local), true);
    const row = await getNode(suite.db.pool, "local-node");
    assert.deepEqual([row?.nodeName, row?.host, row?.isPrimary, row?.status], ["Local Node", "127.0.0.1:3001", true, "online"]);
    assert.equal(await ensureDefaultNode(suite.db.pool, local), false);
    assert.equal(await nodeCount(suite.db.pool), 1);

    await suite.db.pool.query("DELETE FROM node");
    await registerNode(suite.db.pool, envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1" }).identity());
    assert.equal(await ensureDefaultNode(suite.db.pool, local), false);
    assert.equal(await getNode(suite.db.pool, "local-node"), undefined);
  });

  test("initializeFromEnv: registers a named node, else the default node only into an empty table", async () => {
    assert.equal((await initializeFromEnv(suite.db.pool, envOf({}))).action, "default-created");
    assert.equal((await initializeFromEnv(suite.db.pool, envOf({}))).action, "default-skipped");
    const named = await initializeFromEnv(suite.db.pool, envOf({ ...K8S, UPTIME_KUMA_NODE_ID: "uptime-kuma-1" }));
    assert.equal(named.action, "registered");
    assert.equal((await getNode(suite.db.pool, "uptime-kuma-1"))?.isPrimary, false);
    await assert.rejects(initializeFromEnv(suite.db.pool, envOf({ UPTIME_KUMA_NODE_ID: "bad id" })), ClusterEnvError);
  });

  test("heartbeat moves last_seen to the database's now and brings the node back online", async () => {
    await registerNode(suite.db.pool, envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1" }).identity());
    await backdate(suite.db.pool, "node1", 3600, "offline");
    assert.equal(await heartbeat(suite.db.pool, "node1"), true);
    assert.ok(((await ageOf(suite.db.pool, "node1", "last_seen")) ?? 99) <= 2);
    assert.equal(await status(suite.db.pool, "node1"), "online");
    assert.ok(((await ageOf(suite.db.pool, "node1", "modified_date")) ?? 99) <= 2, "going online is a modification");
    // Twice in the same second still finds the row.
    assert.equal(await heartbeat(suite.db.pool, "node1"), true);
    assert.equal(await heartbeat(suite.db.pool, "node9"), false);
  });

  test("a heartbeat of an online node keeps its modified_date", async () => {
    await registerNode(suite.db.pool, envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1" }).identity());
    await backdate(suite.db.pool, "node1", 3600);
    await heartbeat(suite.db.pool, "node1");
    assert.ok(((await ageOf(suite.db.pool, "node1", "modified_date")) ?? 0) >= 3600);
  });

  test("cleanup marks only online nodes unseen for longer than the timeout, by the database clock", async () => {
    for (const id of ["node1", "node2", "node3", "node4"]) {
      await registerNode(suite.db.pool, envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: id }).identity());
    }
    await backdate(suite.db.pool, "node1", 700); // stale
    await backdate(suite.db.pool, "node2", 30); // fresh
    await suite.db.pool.query("UPDATE node SET last_seen = NULL WHERE node_id = 'node3'"); // never seen: unknown
    await backdate(suite.db.pool, "node4", 7200, "offline"); // already offline

    assert.equal(await cleanupStaleNodes(suite.db.pool, 600), 1);
    assert.equal(await status(suite.db.pool, "node1"), "offline");
    assert.equal(await status(suite.db.pool, "node2"), "online");
    assert.equal(await status(suite.db.pool, "node3"), "online");
    assert.ok(((await ageOf(suite.db.pool, "node1", "modified_date")) ?? 99) <= 2);
    assert.ok(((await ageOf(suite.db.pool, "node4", "modified_date")) ?? 0) >= 7200, "an offline node is not touched again");

    assert.equal(await cleanupStaleNodes(suite.db.pool, 600), 0);
    assert.equal(await cleanupStaleNodes(suite.db.pool, 20.5), 1);
    assert.equal(await status(suite.db.pool, "node2"), "offline");
    await assert.rejects(cleanupStaleNodes(suite.db.pool, 0), RangeError);
  });

  test("the cutoff is exact to the second (no text comparison of timestamps)", async () => {
    await registerNode(suite.db.pool, envOf({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1" }).identity());
    await backdate(suite.db.pool, "node1", 100);
    assert.equal(await cleanupStaleNodes(suite.db.pool, 110), 0);
    assert.equal(await cleanupStaleNodes(suite.db.pool, 90), 1);
  });

  test("deregister sets the node offline at once", async () => {
    await registerNode(suite.db.pool, envOf({ ...K8S, UPTIME_KUMA_NODE_ID: "uptime-kuma-3" }).identity());
    await backdate(suite.db.pool, "uptime-kuma-3", 60, "online");
    assert.equal(await deregisterNode(suite.db.pool, "uptime-kuma-3"), true);
    assert.equal(await status(suite.db.pool, "uptime-kuma-3"), "offline");
    assert.ok(((await ageOf(suite.db.pool, "uptime-kuma-3", "modified_date")) ?? 99) <= 2);
    assert.equal(await deregisterNode(suite.db.pool, "uptime-kuma-9"), false);
  });

  test("ids are checked before any query; values are bound, never spliced into SQL", async () => {
    await assert.rejects(heartbeat(suite.db.pool, "x' OR '1'='1"), ClusterEnvError);
    await assert.rejects(deregisterNode(suite.db.pool, ""), ClusterEnvError);
    const sneaky = { nodeId: "node1", nodeName: "a'); DROP TABLE node; --", host: "h:1", isPrimary: false };
    await registerNode(suite.db.pool, sneaky);
    const [rows] = await suite.db.pool.query<RowDataPacket[]>("SELECT node_name FROM node");
    assert.deepEqual(
      rows.map((r) => r.node_name),
      [sneaky.nodeName],
    );
  });
});
