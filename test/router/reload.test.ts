// A reload with WebSockets open: socket.io keeps them for hours (pings every 25 s, the proxy's
// read timeout is an hour), so without worker_shutdown_timeout the old workers never exit.
// 500 real socket.io clients over WebSocket, then SIGHUP to the nginx master: the old workers
// are gone within ROUTER_WORKER_SHUTDOWN_TIMEOUT + 5 s, every client reconnects (socket.io's own
// reconnection) to the new workers, and the WebSocket gauge is back at the number open.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { parseExposition, valueOf } from "../metrics/prom-text";
import { CHECKS_NEVER_DOWN, Cluster, sleep, startCluster } from "../../harness/cluster";
import { luaErrors } from "../../harness/router";

const SOCKETS = 500;
const SHUTDOWN_TIMEOUT_S = 3;
const GRACE_MS = 5_000;

/** The state letter of /proc/<pid>/stat, or undefined when the process is gone. */
function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  const s = procState(pid);
  return s !== undefined && s !== "Z";
}

/** The nginx master's live children: its workers (and, on Debian, no helper processes). */
function workersOf(master: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) === master && fields[0] !== "Z") out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out.sort((a, b) => a - b);
}

async function openSockets(c: Cluster): Promise<number> {
  const res = await fetch(`${c.router.statusUrl}/metrics`);
  const families = parseExposition(await res.text());
  let total = 0;
  for (let i = 0; i < 3; i++) total += valueOf(families, "uptime_kuma_websocket_connections", { node_id: c.nodeId(i) }) ?? 0;
  return total;
}

async function until(
  what: string,
  timeoutMs: number,
  probe: () => Promise<boolean> | boolean,
  describeLast: () => string | Promise<string>,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms; ${await describeLast()}`);
    await sleep(50);
  }
}

describe("reload with 500 open WebSockets", () => {
  let c: Cluster;
  const sockets: Socket[] = [];

  before(async () => {
    c = await startCluster({
      world: "compose",
      nodes: 3,
      routerEnv: { ...CHECKS_NEVER_DOWN, ROUTER_WORKER_SHUTDOWN_TIMEOUT: String(SHUTDOWN_TIMEOUT_S) },
    });
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await c?.stop();
  });

  test("old workers exit within the timeout + 5 s, clients reconnect, the gauge returns to the number open", async () => {
    const connects = new Array<number>(SOCKETS).fill(0);
    const disconnects = new Array<number>(SOCKETS).fill(0);
    for (let i = 0; i < SOCKETS; i++) {
      const s = io(c.router.publicUrl, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: true,
        reconnectionDelay: 200,
        reconnectionDelayMax: 2_000,
        timeout: 10_000,
      });
      s.on("connect", () => connects[i]++);
      s.on("disconnect", () => disconnects[i]++);
      sockets.push(s);
      if (i % 50 === 49) await sleep(20);
    }
    const connected = (): number => sockets.filter((s) => s.connected).length;
    await until(
      `${SOCKETS} sockets connected`,
      30_000,
      () => connected() === SOCKETS,
      () => `${connected()} connected`,
    );
    await until(
      `the gauge at ${SOCKETS}`,
      10_000,
      async () => (await openSockets(c)) === SOCKETS,
      async () => `gauge ${await openSockets(c)}`,
    );

    const master = Number(readFileSync(join(c.router.prefix, "logs", "nginx.pid"), "utf8").trim());
    const oldWorkers = workersOf(master);
    assert.ok(oldWorkers.length >= 1, "workers before the reload");
    const reloadAt = Date.now();
    process.kill(master, "SIGHUP");

    const limitMs = SHUTDOWN_TIMEOUT_S * 1000 + GRACE_MS;
    const goneMs = await until(
      "old workers gone",
      limitMs,
      () => oldWorkers.every((p) => !alive(p)),
      () => `still running: ${oldWorkers.filter(alive).join(", ")}`,
    );
    const reconnectedMs = await until(
      "every client reconnected",
      limitMs + 10_000 - (Date.now() - reloadAt),
      () => connected() === SOCKETS && disconnects.every((d, i) => connects[i] === d + 1),
      () => `${connected()} connected, ${disconnects.filter((d) => d > 0).length} disconnected once or more`,
    );
    const gaugeMs = await until(
      `the gauge back at ${SOCKETS}`,
      15_000,
      async () => (await openSockets(c)) === SOCKETS,
      async () => `gauge ${await openSockets(c)}`,
    );
    const newWorkers = workersOf(master);
    assert.ok(
      newWorkers.length >= 1 && newWorkers.every((p) => !oldWorkers.includes(p)),
      `new workers ${newWorkers.join(",")} vs old ${oldWorkers.join(",")}`,
    );
    // Every socket was on an old worker: each was closed by the timeout and came back once.
    assert.equal(disconnects.filter((d) => d === 1).length, SOCKETS, "sockets closed once by the reload");
    console.log(
      `reload with ${SOCKETS} WebSockets, worker_shutdown_timeout ${SHUTDOWN_TIMEOUT_S} s: old workers (${oldWorkers.length}) gone after ${goneMs} ms, ` +
        `all clients reconnected ${reconnectedMs} ms later, gauge at ${SOCKETS} ${gaugeMs} ms after that`,
    );

    // Closing them all brings the gauge to 0: no share of the old workers is left behind.
    for (const s of sockets) s.disconnect();
    await until(
      "the gauge at 0",
      10_000,
      async () => (await openSockets(c)) === 0,
      async () => `gauge ${await openSockets(c)}`,
    );
    assert.deepEqual(luaErrors(c.router.errorLog()), []);
  });
});
