import { describe, test } from "node:test";
import assert from "node:assert/strict";
import dgram from "node:dgram";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { findFreePort, startProcess, waitForPort } from "../../harness/processes";

const NODE = process.execPath;
const PROCESSES_MODULE = path.join(__dirname, "..", "..", "harness", "processes.js");

/** Alive and not a zombie: an orphan waits as a zombie until PID 1 reaps it, which may be slow. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S ..."; the comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no procfs: trust kill(0)
  }
}

async function eventually(check: () => boolean, what: string, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(what);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function node(script: string, readyLine: string | RegExp, timeoutMs = 3_000): ReturnType<typeof startProcess> {
  return startProcess(NODE, { args: ["-e", script], readyLine, timeoutMs, name: "script" });
}

describe("startProcess", { timeout: 10_000 }, () => {
  test("resolves on the ready line (stdout or stderr) and stops with SIGTERM", async () => {
    const child = await node(`setTimeout(() => console.log("listening on 1234"), 50); setInterval(() => {}, 1000);`, /listening on \d+/);
    assert.equal(child.readyLine, "listening on 1234");
    assert.deepEqual(await child.stop(), { code: null, signal: "SIGTERM" });
    assert.equal(isAlive(child.pid), false);

    const viaStderr = await node(`console.error("warming up"); console.error("ready"); setInterval(() => {}, 1000);`, "ready");
    assert.deepEqual(viaStderr.output("stderr"), ["warming up", "ready"]);
    await viaStderr.stop();
  });

  test("times out, kills the process and puts its stderr in the error", async () => {
    let pid = 0;
    const started = Date.now();
    await assert.rejects(
      node(`console.error("pid=" + process.pid + " cannot bind 127.0.0.2:3001"); setInterval(() => {}, 1000);`, "ready", 300),
      (error: Error) => {
        assert.match(error.message, /no line matching ready within 300 ms/);
        assert.match(error.message, /cannot bind 127\.0\.0\.2:3001/);
        pid = Number(/pid=(\d+)/.exec(error.message)?.[1]);
        return true;
      },
    );
    assert.ok(Date.now() - started < 2_000);
    assert.ok(pid > 0);
    assert.equal(isAlive(pid), false, "the timed-out process was killed");
  });

  test("an early exit rejects with the exit code and stderr, even when written just before exiting", async () => {
    await assert.rejects(node(`process.stderr.write("fatal: bad config\\n"); process.exit(3);`, "ready"), (error: Error) => {
      assert.match(error.message, /exited \(\{"code":3,"signal":null\}\)/);
      assert.match(error.message, /fatal: bad config/);
      return true;
    });
  });

  test("a missing executable rejects instead of hanging", async () => {
    const started = Date.now();
    await assert.rejects(
      startProcess("/nonexistent/kuma-binary", { readyLine: "ready", timeoutMs: 5_000 }),
      /failed to start: spawn .*ENOENT/,
    );
    assert.ok(Date.now() - started < 1_000);
  });

  test("stop escalates to SIGKILL when SIGTERM is ignored", async () => {
    const child = await node(`process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000);`, "ready");
    assert.deepEqual(await child.stop({ graceMs: 200 }), { code: null, signal: "SIGKILL" });
  });

  test("signals reach grandchildren through the process group", async () => {
    const child = await node(
      `const { spawn } = require("child_process");
       const grandchild = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
       console.log("ready grandchild=" + grandchild.pid);
       process.on("SIGTERM", () => process.exit(0));
       setInterval(() => {}, 1000);`,
      /ready grandchild=\d+/,
    );
    const grandchild = Number(/grandchild=(\d+)/.exec(child.readyLine)?.[1]);
    assert.equal(isAlive(grandchild), true);
    await child.stop();
    await eventually(() => !isAlive(grandchild), "grandchild survived stop()");
  });

  test("waitForLine sees later output", async () => {
    const child = await node(`console.log("ready"); process.stdin.on("data", (d) => console.log("got " + String(d).trim()));`, "ready");
    try {
      const line = child.waitForLine(/^got /, 2_000);
      child.write("ping\n");
      assert.equal(await line, "got ping");
    } finally {
      await child.stop();
    }
  });

  for (const how of ["ends normally", "gets SIGTERM"] as const) {
    test(`children die when the test process ${how}`, async () => {
      const driver = await node(
        `const { startProcess } = require(${JSON.stringify(PROCESSES_MODULE)});
         startProcess(process.execPath, { args: ["-e", "console.log('up'); setInterval(() => {}, 1000)"], readyLine: "up" })
           .then((c) => console.log("child=" + c.pid));
         ${how === "gets SIGTERM" ? "setInterval(() => {}, 1000);" : ""}`,
        /child=\d+/,
      );
      const childPid = Number(/child=(\d+)/.exec(driver.readyLine)?.[1]);
      if (how === "gets SIGTERM") process.kill(driver.pid, "SIGTERM");
      const status = await driver.waitForExit(3_000);
      assert.deepEqual(status, how === "gets SIGTERM" ? { code: null, signal: "SIGTERM" } : { code: 0, signal: null });
      await eventually(() => !isAlive(childPid), `child ${childPid} outlived its parent`);
    });
  }
});

describe("ports", { timeout: 10_000 }, () => {
  test("waitForPort resolves once a listener appears, rejects after its timeout otherwise", async () => {
    const port = await findFreePort("127.0.0.4");
    const server = net.createServer();
    setTimeout(() => server.listen(port, "127.0.0.4"), 150);
    try {
      const started = Date.now();
      await waitForPort("127.0.0.4", port, { timeoutMs: 2_000 });
      assert.ok(Date.now() - started >= 100, "resolved before the listener existed");
    } finally {
      server.close();
    }
    await assert.rejects(waitForPort("127.0.0.4", port, { timeoutMs: 200 }), /did not accept a connection within 200 ms: .*ECONNREFUSED/);
    await assert.rejects(waitForPort("8.8.8.8", 53), /non-loopback/);
  });

  test("findFreePort gives a port that can be bound, for TCP and UDP alike", async () => {
    const port = await findFreePort("127.0.0.5", "both");
    assert.ok(port > 0 && port < 65536);
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.5", resolve));
    const udp = dgram.createSocket("udp4");
    await new Promise<void>((resolve, reject) => {
      udp.once("error", reject);
      udp.bind(port, "127.0.0.5", resolve);
    });
    udp.close();
    server.close();
    await assert.rejects(findFreePort("0.0.0.0"), /non-loopback/);
  });
});
