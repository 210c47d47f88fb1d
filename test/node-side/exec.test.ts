// `kuma-cluster-node exec` as a child process, supervising a fake node (fake-node.ts) against
// the real MariaDB: the identity it exports, output passed through, signals, exit status, the
// heartbeat, offline on SIGTERM before the node sees the signal, and the hand-over trigger.
// The same supervisor in front of the real fork: test/fork/.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RowDataPacket } from "mysql2/promise";
import { registerNode } from "../../node/src/registry";
import { ageOf, backdate, CliProcess, K8S, ROOT, runCli, status, suiteDb, waitFor } from "./support";

const FAKE = join(ROOT, "build", "js", "test", "node-side", "fake-node.js");
const SECRET = "test-only-jwt-secret";
const USER = "admin";
const OCTET = process.pid % 250;
let nextAddress = 10;

/** A loopback address of its own for each fake node. */
function address(): string {
  return `127.5.${OCTET}.${nextAddress++}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the wall clock is 2-48 s into a minute: a step started then stays clear of the node's minute run. */
async function clearOfTheMinute(): Promise<void> {
  const second = (Date.now() % 60_000) / 1000;
  if (second < 2) await sleep((2 - second) * 1000);
  else if (second > 48) await sleep((62 - second) * 1000);
}

function fakeReconciles(cli: CliProcess): number {
  return (cli.stdout.match(/fake reconcile \d+ begins/g) ?? []).length;
}

describe("kuma-cluster-node exec", () => {
  const suite = suiteDb();

  before(async () => {
    // The fork's setting table, as far as the supervisor reads it.
    await suite.db.pool.query("CREATE TABLE IF NOT EXISTS setting (`key` VARCHAR(200) NOT NULL PRIMARY KEY, `value` TEXT NULL)");
  });

  const compose = (nodeId: string, host: string, extra: Record<string, string> = {}): Record<string, string> => ({
    ...suite.db.env,
    COMPOSE_PROJECT_NAME: "kuma",
    UPTIME_KUMA_NODE_ID: nodeId,
    UPTIME_KUMA_HOST: host,
    UPTIME_KUMA_PORT: "3001",
    HEARTBEAT_INTERVAL: "1",
    ...extra,
  });

  /** exec with the fake node, once the fake listens. */
  async function startExec(vars: Record<string, string>): Promise<CliProcess> {
    const cli = new CliProcess(["exec", "--", process.execPath, FAKE], vars);
    await cli.waitForOutput("Found 0 monitors to start");
    return cli;
  }

  /** The fork's jwtSecret (its first start writes it), and with `user` the admin of first-time setup. */
  async function credentials(user: boolean): Promise<void> {
    await suite.db.pool.query("DELETE FROM setting");
    await suite.db.pool.query("DELETE FROM `user`");
    await suite.db.pool.execute("INSERT INTO setting (`key`, `value`) VALUES ('jwtSecret', ?)", [SECRET]);
    if (user) await suite.db.pool.execute("INSERT INTO `user` (username, active) VALUES (?, 1)", [USER]);
  }

  async function agentRow(nodeId: string): Promise<RowDataPacket | undefined> {
    const [rows] = await suite.db.pool.execute<RowDataPacket[]>("SELECT * FROM kuma_cluster_agent WHERE node_id = ?", [nodeId]);
    return rows[0];
  }

  test("exports the identity the router expects (a pod named only by HOSTNAME), passes output through byte for byte, exits with the node's status", async () => {
    const cli = await startExec({
      ...suite.db.env,
      ...K8S,
      HOSTNAME: "uptime-kuma-0",
      UPTIME_KUMA_HOST: address(),
      UPTIME_KUMA_PORT: "3001",
    });
    try {
      assert.match(
        cli.stdout,
        /fake env UPTIME_KUMA_NODE_ID=uptime-kuma-0 UPTIME_KUMA_NODE_HOST=uptime-kuma-0\.uptime-kuma-headless\.monitoring\.svc\.cluster\.local:3001 UPTIME_KUMA_PRIMARY=true\n/,
      );
      const before = cli.stdout.length;
      cli.child.stdin?.write("say \\e[36mcolour\\e[0m line\\nand a partial line without its end\n");
      await cli.waitForOutput("without its end");
      cli.child.stdin?.write("exit 7\n");
      assert.equal(await cli.exit(), 7);
      assert.equal(
        cli.stdout.slice(before),
        "\x1b[36mcolour\x1b[0m line\nand a partial line without its end",
        "stdout is the node's alone, unchanged",
      );
      assert.match(
        cli.stderr,
        /kuma-cluster-node: uptime-kuma-0 \(kubernetes, host uptime-kuma-0\.uptime-kuma-headless\.monitoring\.svc\.cluster\.local:3001, primary\): started /,
      );
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  test("a bad environment or command line fails before the node starts, naming the variable", async () => {
    for (const [vars, pattern] of [
      [{ UPTIME_KUMA_NODE_ID: "not an id" }, /UPTIME_KUMA_NODE_ID=not an id: expected/],
      [{ UPTIME_KUMA_NODE_ID: "node1", DB_PORT: "x" }, /DB_PORT=x: expected/],
      [{ HOSTNAME: "pod_1", K8S_MODE: "true" }, /HOSTNAME=pod_1: cannot build a kubernetes host/],
      [{ UPTIME_KUMA_NODE_ID: "node1", UPTIME_KUMA_PRIMARY: "maybe" }, /UPTIME_KUMA_PRIMARY=maybe: expected true or false/],
    ] as const) {
      const r = await runCli(["exec", "--", process.execPath, FAKE], { ...suite.db.env, ...vars });
      assert.equal(r.code, 2, JSON.stringify(vars));
      assert.match(r.stderr, pattern);
      assert.equal(r.stdout, "", "the node never started");
    }
    const none = await runCli(["exec", "--"], { ...suite.db.env, UPTIME_KUMA_NODE_ID: "node1" });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /exec needs the node's command/);
    const missing = await runCli(["exec", "--", "/nonexistent/uptime-kuma"], { ...suite.db.env, UPTIME_KUMA_NODE_ID: "node1" });
    assert.equal(missing.code, 127);
    assert.match(missing.stderr, /cannot start \/nonexistent\/uptime-kuma: .*ENOENT/);
  });

  test("SIGTERM: the node is offline before it gets the signal; other signals pass straight on", async () => {
    const host = address();
    await registerNode(suite.db.pool, { nodeId: "node2", nodeName: "node2", host: "uptime-kuma-node2:3001", isPrimary: false });
    const cli = await startExec(compose("node2", host));
    try {
      process.kill(cli.child.pid as number, "SIGHUP");
      await cli.waitForOutput("fake got SIGHUP");
      assert.equal(await status(suite.db.pool, "node2"), "online", "SIGHUP does not stop the node");
      process.kill(cli.child.pid as number, "SIGTERM");
      await cli.waitForOutput("fake got SIGTERM; registry says offline");
      assert.equal(await cli.exit(), 0, "the node's own status");
      assert.match(cli.stderr, /SIGTERM: node2 marked offline/);
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  test("heartbeat moves last_seen; a node that dies by itself is marked offline at once; 128 + signal", async () => {
    await registerNode(suite.db.pool, { nodeId: "node3", nodeName: "node3", host: "uptime-kuma-node3:3001", isPrimary: false });
    const cli = await startExec(compose("node3", address()));
    try {
      await backdate(suite.db.pool, "node3", 3600);
      await waitFor(
        async () => ((await ageOf(suite.db.pool, "node3", "last_seen")) ?? 9999) <= 2,
        5000,
        () => `a heartbeat; stderr ${cli.stderr}`,
      );
      const pid = Number(/ as pid (\d+)/.exec(cli.stderr)?.[1]);
      assert.ok(pid > 0, cli.stderr);
      process.kill(pid, "SIGKILL");
      assert.equal(await cli.exit(), 137);
      assert.equal(await status(suite.db.pool, "node3"), "offline");
      assert.match(cli.stderr, /node exited: node3 marked offline/);
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  describe("hand-over trigger", () => {
    test("before first-time setup: 'timer', saying why; then 'trigger' once a user exists", async () => {
      await credentials(false);
      const cli = await startExec(compose("node4", address(), { FAKE_SECRET: SECRET, FAKE_USER: USER }));
      try {
        await waitFor(
          async () => /no active user yet/.test(String((await agentRow("node4"))?.detail)),
          5000,
          () => `a timer row; stderr ${cli.stderr}`,
        );
        assert.equal((await agentRow("node4"))?.handover, "timer");
        await credentials(true);
        // Credentials are looked for every 2 s; the mode is written, then the first reconcile runs
        // and records its time.
        await waitFor(
          async () => {
            const r = await agentRow("node4");
            return r?.handover === "trigger" && r?.last_reconcile_at instanceof Date;
          },
          15_000,
          () => `a trigger row with its first reconcile; stderr ${cli.stderr}`,
        );
        const row = await agentRow("node4");
        assert.match(String(row?.detail), /POST \/api\/v1\/reconcile-monitors on 127\.5\.\d+\.\d+:3001 with a token of user admin/);
        assert.equal(
          row?.agent_version,
          (JSON.parse(readFileSync(join(ROOT, "node", "package.json"), "utf8")) as { version: string }).version,
        );
        assert.ok(row?.last_reconcile_at instanceof Date && typeof row?.last_reconcile_ms === "number");
        assert.equal(fakeReconciles(cli), 1);
      } finally {
        cli.child.kill("SIGKILL");
      }
    });

    test("a change of the node's assignment: one reconcile within 3 s, with a token the node verified, from the node's own address", async () => {
      await credentials(true);
      await suite.db.pool.query("DELETE FROM monitor");
      await suite.db.pool.query(
        "INSERT INTO monitor (id, name, active, type, node_id) VALUES (1, 'a', 1, 'push', 'node5'), (2, 'b', 1, 'push', 'node6'), (3, 'c', 1, 'push', 'node6')",
      );
      const host = address();
      const cli = await startExec(compose("node5", host, { FAKE_SECRET: SECRET, FAKE_USER: USER }));
      try {
        await waitFor(
          () => fakeReconciles(cli) === 1,
          8_000,
          () => `the first reconcile; stderr ${cli.stderr}`,
        );
        assert.match(cli.stdout, new RegExp(`fake reconcile 1 begins .*from ${host.replace(/\./g, "\\.")}`));
        await clearOfTheMinute();
        // A failover moves two monitors here.
        const moved = Date.now();
        await suite.db.pool.query("UPDATE monitor SET assigned_node = 'node5' WHERE id IN (2, 3)");
        await waitFor(
          () => fakeReconciles(cli) === 2,
          3_000,
          () => `a reconcile after the move; stdout ${cli.stdout}`,
        );
        const tookMs = Date.now() - moved;
        // They go home: one more.
        await suite.db.pool.query("UPDATE monitor SET assigned_node = NULL WHERE id IN (2, 3)");
        await waitFor(
          () => fakeReconciles(cli) === 3,
          3_000,
          () => `a reconcile after the return; stdout ${cli.stdout}`,
        );
        await sleep(1500);
        assert.equal(fakeReconciles(cli), 3, "nothing more without a change");
        console.log(`exec hand-over: move to reconcile ${tookMs} ms`);
      } finally {
        cli.child.kill("SIGKILL");
      }
    });

    test("changes while a reconcile runs wait for it and are coalesced into one more", async () => {
      await credentials(true);
      await suite.db.pool.query("DELETE FROM monitor");
      const cli = await startExec(compose("node7", address(), { FAKE_SECRET: SECRET, FAKE_USER: USER, FAKE_RECONCILE_MS: "2500" }));
      try {
        await waitFor(
          () => fakeReconciles(cli) === 1,
          8_000,
          () => `the first reconcile; stderr ${cli.stderr}`,
        );
        await waitFor(
          () => /fake reconcile 1 ends/.test(cli.stdout),
          5_000,
          () => "the first reconcile's end",
        );
        await clearOfTheMinute();
        for (let id = 10; id < 15; id++) {
          await suite.db.pool.execute("INSERT INTO monitor (id, name, active, type, node_id) VALUES (?, 'x', 1, 'push', 'nodeX')", [id]);
          await suite.db.pool.execute("UPDATE monitor SET assigned_node = 'node7' WHERE id = ?", [id]);
          await sleep(300);
        }
        await waitFor(
          () => /fake reconcile 2 ends/.test(cli.stdout),
          8_000,
          () => `the second reconcile's end; stdout ${cli.stdout}`,
        );
        // A third may follow for changes seen while the second ran; then nothing.
        await sleep(3500);
        const count = fakeReconciles(cli);
        assert.ok(count >= 2 && count <= 3, `${count} reconciles for five changes 0.3 s apart: ${cli.stdout}`);
        assert.doesNotMatch(cli.stdout, /at most 2/, "never two at once");
      } finally {
        cli.child.kill("SIGKILL");
      }
    });

    test("a monitor the node added itself needs no reconcile; one it started without owning it (an edit on a non-owner) gets one", async () => {
      await credentials(true);
      await suite.db.pool.query("DELETE FROM monitor");
      const cli = await startExec(compose("node8", address(), { FAKE_SECRET: SECRET, FAKE_USER: USER }));
      try {
        await waitFor(
          () => fakeReconciles(cli) === 1,
          8_000,
          () => `the first reconcile; stderr ${cli.stderr}`,
        );
        await clearOfTheMinute();
        // Uptime Kuma's add: the row, then its own start.
        await suite.db.pool.query("INSERT INTO monitor (id, name, active, type, node_id) VALUES (20, 'new', 1, 'push', 'node8')");
        cli.child.stdin?.write("say 2026-01-01T00:00:00Z [MANAGE] INFO: Resume Monitor: 20 User ID: 1\\n\n");
        await sleep(2500);
        assert.equal(fakeReconciles(cli), 1, `no reconcile for its own add: ${cli.stdout}`);
        // An edit on this node of a monitor owned elsewhere starts it here too.
        await suite.db.pool.query("INSERT INTO monitor (id, name, active, type, node_id) VALUES (21, 'theirs', 1, 'push', 'node9')");
        await sleep(1200);
        cli.child.stdin?.write("say 2026-01-01T00:00:01Z [MANAGE] INFO: Resume Monitor: 21 User ID: 1\\n\n");
        await waitFor(
          () => fakeReconciles(cli) === 2,
          3_000,
          () => `a reconcile stopping the stray start; stdout ${cli.stdout}`,
        );
      } finally {
        cli.child.kill("SIGKILL");
      }
    });

    test("a node without the trigger (404) or refusing the token (401): 'timer', saying why", async () => {
      await credentials(true);
      const without = await startExec(compose("node10", address(), { FAKE_TRIGGER: "404" }));
      const refusing = await startExec(compose("node11", address(), { FAKE_SECRET: "another-secret", FAKE_USER: USER }));
      try {
        await waitFor(
          async () => /\(404\)/.test(String((await agentRow("node10"))?.detail)),
          8_000,
          () => `a 404 row; stderr ${without.stderr}`,
        );
        assert.equal((await agentRow("node10"))?.handover, "timer");
        await waitFor(
          async () => /refused the token \(401/.test(String((await agentRow("node11"))?.detail)),
          8_000,
          () => `a 401 row; stderr ${refusing.stderr}`,
        );
        assert.equal((await agentRow("node11"))?.handover, "timer");
        assert.match(refusing.stderr, /hand-over by timer: the node refused the token \(401: .*bad signature/);
      } finally {
        without.child.kill("SIGKILL");
        refusing.child.kill("SIGKILL");
      }
    });
  });
});
