// The kuma-cluster-node command end to end, as a child process against the real MariaDB.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ageOf,
  backdate,
  CliProcess,
  closedPort,
  COMPOSE,
  hasStackTrace,
  K8S,
  nodeCount,
  runCli,
  status,
  suiteDb,
  waitFor,
} from "./support";

describe("kuma-cluster-node CLI", () => {
  const suite = suiteDb();

  test("run: registers online, keeps last_seen moving, and goes offline on SIGTERM with exit 0", async () => {
    const cli = new CliProcess(["run"], {
      ...suite.db.env,
      ...COMPOSE,
      UPTIME_KUMA_NODE_ID: "node1",
      UPTIME_KUMA_PRIMARY: "true",
      HEARTBEAT_INTERVAL: "1",
    });
    try {
      await cli.waitForOutput("node1 online");
      assert.equal(await status(suite.db.pool, "node1"), "online");
      await backdate(suite.db.pool, "node1", 3600);
      await waitFor(
        async () => ((await ageOf(suite.db.pool, "node1", "last_seen")) ?? 9999) <= 2,
        5000,
        () => `a heartbeat; stderr: ${cli.stderr}`,
      );
      cli.child.kill("SIGTERM");
      assert.equal(await cli.exit(), 0);
      assert.equal(await status(suite.db.pool, "node1"), "offline");
      assert.match(cli.stdout, /SIGTERM: node1 marked offline/);
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  test("run: a Kubernetes pod registers with its FQDN and deregisters on SIGINT", async () => {
    const cli = new CliProcess(["run"], { ...suite.db.env, ...K8S, UPTIME_KUMA_NODE_ID: "uptime-kuma-0", HEARTBEAT_INTERVAL: "1" });
    try {
      await cli.waitForOutput("uptime-kuma-0 online");
      const [rows] = await suite.db.pool.execute("SELECT host, is_primary FROM node WHERE node_id = 'uptime-kuma-0'");
      assert.deepEqual(rows, [{ host: "uptime-kuma-0.uptime-kuma-headless.monitoring.svc.cluster.local:3001", is_primary: 1 }]);
      cli.child.kill("SIGINT");
      assert.equal(await cli.exit(), 0);
      assert.equal(await status(suite.db.pool, "uptime-kuma-0"), "offline");
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  test("run: re-registers a node whose row was deleted while it runs", async () => {
    const cli = new CliProcess(["run"], { ...suite.db.env, ...COMPOSE, UPTIME_KUMA_NODE_ID: "node2", HEARTBEAT_INTERVAL: "1" });
    try {
      await cli.waitForOutput("node2 online");
      await suite.db.pool.query("DELETE FROM node WHERE node_id = 'node2'");
      await waitFor(
        async () => (await status(suite.db.pool, "node2")) === "online",
        5000,
        () => `re-registration; stderr: ${cli.stderr}`,
      );
      cli.child.kill("SIGTERM");
      assert.equal(await cli.exit(), 0);
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  test("register, heartbeat, deregister and cleanup one at a time", async () => {
    const vars = { ...suite.db.env, ...COMPOSE, UPTIME_KUMA_NODE_ID: "node2" };
    const heartbeatFirst = await runCli(["heartbeat"], vars);
    assert.equal(heartbeatFirst.code, 1, "a heartbeat of an unregistered node fails");
    assert.match(heartbeatFirst.stderr, /node2 is not registered/);

    assert.equal((await runCli(["register"], vars)).code, 0);
    assert.equal(await status(suite.db.pool, "node2"), "online");
    await backdate(suite.db.pool, "node2", 3600);
    assert.equal((await runCli(["heartbeat"], vars)).code, 0);
    assert.ok(((await ageOf(suite.db.pool, "node2", "last_seen")) ?? 9999) <= 2);

    assert.equal((await runCli(["deregister"], vars)).code, 0);
    assert.equal(await status(suite.db.pool, "node2"), "offline");

    assert.equal((await runCli(["register"], vars)).code, 0);
    await backdate(suite.db.pool, "node2", 120);
    const keep = await runCli(["cleanup"], suite.db.env); // STALE_NODE_TIMEOUT default: 600 s
    assert.match(keep.stdout, /0 node\(s\)/);
    assert.equal(await status(suite.db.pool, "node2"), "online");
    const sweep = await runCli(["cleanup", "--timeout", "60"], suite.db.env);
    assert.equal(sweep.code, 0);
    assert.match(sweep.stdout, /1 node\(s\) unseen for more than 60s marked offline/);
    assert.equal(await status(suite.db.pool, "node2"), "offline");
  });

  test("forget-node deletes only a node that is offline and that no monitor names (plan's cleanup, made safe)", async () => {
    const pool = suite.db.pool;
    await pool.query("DELETE FROM monitor");
    const vars = { ...suite.db.env, ...K8S, UPTIME_KUMA_NODE_ID: "uptime-kuma-1" };
    assert.equal((await runCli(["register"], vars)).code, 0);
    await pool.query("INSERT INTO kuma_cluster_agent (node_id, handover, seen_at) VALUES ('uptime-kuma-1', 'trigger', UTC_TIMESTAMP(3))");
    const online = await runCli(["forget-node", "uptime-kuma-1"], suite.db.env);
    assert.equal(online.code, 3, online.stderr);
    assert.match(online.stderr, /uptime-kuma-1 is online; stop it first/);
    assert.equal((await runCli(["deregister"], vars)).code, 0);
    // Owner of one monitor it created, temporary owner of another: either keeps the row.
    await pool.query(
      "INSERT INTO monitor (id, name, node_id, assigned_node) VALUES (1, 'a', 'uptime-kuma-1', NULL), (2, 'b', 'node2', 'uptime-kuma-1'), (3, 'c', 'uptime-kuma-1', 'node2')",
    );
    const owns = await runCli(["forget-node", "uptime-kuma-1"], suite.db.env);
    assert.equal(owns.code, 3, owns.stderr);
    assert.match(owns.stderr, /uptime-kuma-1 still owns 2 monitor\(s\); drain it/);
    assert.equal(await nodeCount(pool), 1);
    // Drained away: monitor 1 runs on node3 now; 2 is back with node2.
    await pool.query("UPDATE monitor SET assigned_node = 'node3' WHERE id = 1");
    await pool.query("UPDATE monitor SET assigned_node = NULL WHERE id = 2");
    await pool.query(
      "INSERT INTO kuma_cluster_move (monitor_id, from_node, to_node, kind, moved_at) VALUES (1, 'uptime-kuma-1', 'node3', 'drain', UTC_TIMESTAMP(3))",
    );
    const done = await runCli(["forget-node", "uptime-kuma-1"], suite.db.env);
    assert.equal(done.code, 0, done.stderr);
    assert.match(
      done.stdout,
      /uptime-kuma-1 deleted from the registry; 2 monitor\(s\) it created stay with the nodes that run them now, for good/,
    );
    assert.equal(await nodeCount(pool), 0);
    const [monitors] = await pool.query("SELECT id, node_id, assigned_node FROM monitor ORDER BY id");
    assert.deepEqual(monitors, [
      { id: 1, node_id: "node3", assigned_node: null },
      { id: 2, node_id: "node2", assigned_node: null },
      { id: 3, node_id: "node2", assigned_node: null },
    ]);
    const [records] = await pool.query("SELECT monitor_id FROM kuma_cluster_move");
    assert.deepEqual(records, [], "no record would return a monitor to the forgotten node");
    const [agents] = await pool.query("SELECT node_id FROM kuma_cluster_agent WHERE node_id = 'uptime-kuma-1'");
    assert.deepEqual(agents, []);
    const again = await runCli(["forget-node", "uptime-kuma-1"], suite.db.env);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /not registered; nothing to do/);
    for (const args of [["forget-node"], ["forget-node", "a b"], ["forget-node", "x", "y"]]) {
      const bad = await runCli(args, { ...suite.db.env, DB_HOST: "203.0.113.1" });
      assert.equal(bad.code, 2, `${args.join(" ")}: checked before connecting; ${bad.stderr}`);
    }
    await pool.query("DELETE FROM monitor");
    await pool.query("DELETE FROM kuma_cluster_move");
  });

  test("register without a node id creates the default local node only into an empty table", async () => {
    const first = await runCli(["register"], suite.db.env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /created the default node local-node/);
    await suite.db.pool.query("DELETE FROM node");
    assert.equal((await runCli(["register"], { ...suite.db.env, ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1" })).code, 0);
    const second = await runCli(["register"], suite.db.env);
    assert.match(second.stdout, /nothing registered/);
    assert.equal(await nodeCount(suite.db.pool), 1);
  });

  test("run without a node id refuses to stand for another cluster's nodes", async () => {
    assert.equal((await runCli(["register"], { ...suite.db.env, ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1" })).code, 0);
    const result = await runCli(["run"], suite.db.env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /UPTIME_KUMA_NODE_ID/);
    assert.equal(await nodeCount(suite.db.pool), 1);
  });

  test("a bad environment exits 2 naming the variable, before touching the database", async () => {
    const badId = await runCli(["run"], { ...suite.db.env, UPTIME_KUMA_NODE_ID: "bad id" });
    assert.equal(badId.code, 2);
    assert.match(badId.stderr, /UPTIME_KUMA_NODE_ID=bad id: expected/);
    assert.equal(hasStackTrace(badId.stderr), false, badId.stderr);
    assert.equal(await nodeCount(suite.db.pool), 0);

    const badPort = await runCli(["register"], { ...suite.db.env, DB_PORT: "not-a-port" });
    assert.equal(badPort.code, 2);
    assert.match(badPort.stderr, /DB_PORT=not-a-port/);

    const badInterval = await runCli(["run"], { ...suite.db.env, HEARTBEAT_INTERVAL: "often" });
    assert.equal(badInterval.code, 2);
    assert.match(badInterval.stderr, /HEARTBEAT_INTERVAL=often/);
  });

  test("an unreachable database exits 1 naming host:port, without a stack trace", async () => {
    const port = await closedPort();
    const result = await runCli(["run"], { ...suite.db.env, DB_PORT: String(port), ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1" });
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`cannot reach MariaDB at 127\\.0\\.0\\.1:${port}/${suite.db.name}: connection refused`));
    assert.equal(hasStackTrace(result.stderr), false, result.stderr);
  });

  test("a database error (unknown database) exits 1 with the server's message", async () => {
    const result = await runCli(["register"], { ...suite.db.env, DB_NAME: `${suite.db.name}_missing` });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Unknown database/);
    assert.equal(hasStackTrace(result.stderr), false, result.stderr);
  });

  test("usage errors exit 2", async () => {
    assert.equal((await runCli([], suite.db.env)).code, 2);
    assert.equal((await runCli(["launch"], suite.db.env)).code, 2);
    const badTimeout = await runCli(["cleanup", "--timeout", "0"], suite.db.env);
    assert.equal(badTimeout.code, 2);
    assert.match(badTimeout.stderr, /--timeout 0/);
    assert.equal((await runCli(["help"], suite.db.env)).code, 0);
  });

  test("show prints the identity without connecting", async () => {
    const result = await runCli(["show"], {
      ...K8S,
      UPTIME_KUMA_NODE_ID: "uptime-kuma-1",
      DNS_SERVERS: "10.0.0.10",
      DB_PASSWORD: "s3cret",
    });
    assert.equal(result.code, 0, result.stderr);
    const shown = JSON.parse(result.stdout) as { identity: { host: string; isPrimary: boolean }; dns: { servers: string[] } };
    assert.equal(shown.identity.host, "uptime-kuma-1.uptime-kuma-headless.monitoring.svc.cluster.local:3001");
    assert.equal(shown.identity.isPrimary, false);
    assert.deepEqual(shown.dns.servers, ["10.0.0.10"]);
    assert.ok(!result.stdout.includes("s3cret"), "the password is never printed");
  });
});
