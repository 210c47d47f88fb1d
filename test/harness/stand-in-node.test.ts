import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { io as connectSocket, type Socket } from "socket.io-client";
import { StandInNode } from "../../harness/stand-in-node";

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; node: string | null; body: unknown }> {
  const response = await fetch(url, init);
  return { status: response.status, node: response.headers.get("x-kuma-node"), body: await response.json() };
}

function once<T>(socket: Socket, event: string, timeoutMs = 3_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

async function fetchError(url: string): Promise<string | undefined> {
  try {
    await fetch(url);
    return undefined;
  } catch (error) {
    return ((error as Error & { cause?: NodeJS.ErrnoException }).cause ?? (error as NodeJS.ErrnoException)).code;
  }
}

describe("StandInNode", { timeout: 10_000 }, () => {
  // Same port on two loopback addresses, like two nodes on two hosts.
  const node1 = new StandInNode({ nodeId: "node1", host: "127.0.0.2", port: 0 });
  let node2: StandInNode;
  before(async () => {
    const { port } = await node1.start();
    node2 = new StandInNode({ nodeId: "node2", host: "127.0.0.3", port });
    await node2.start();
  });
  after(async () => {
    await node1.stop();
    await node2.stop();
  });

  test("every route answers with its node id in the body and the X-Kuma-Node header", async () => {
    node1.resetCounts();
    const base = node1.url;
    const cases: Array<[string, RequestInit | undefined, unknown]> = [
      ["/api/v1/health", undefined, { ok: true, nodeId: "node1" }],
      [
        "/api/push/tok3n?status=up&msg=OK&ping=",
        { method: "POST", body: "x".repeat(70_000) },
        { ok: true, nodeId: "node1", token: "tok3n" },
      ],
      ["/api/push/tok3n", undefined, { ok: true, nodeId: "node1", token: "tok3n" }],
      ["/api/badge/12/status", undefined, { ok: true, nodeId: "node1", monitorId: "12", badge: "status" }],
      ["/api/badge/12/uptime/24h?style=flat", undefined, { ok: true, nodeId: "node1", monitorId: "12", badge: "uptime/24h" }],
      ["/api/v1/monitors/7", { method: "PUT", body: "{}" }, { ok: true, nodeId: "node1", monitorId: "7", method: "PUT" }],
      ["/dashboard?tab=1", undefined, { nodeId: "node1", method: "GET", path: "/dashboard" }],
      ["/api/status-page/main", { method: "DELETE" }, { nodeId: "node1", method: "DELETE", path: "/api/status-page/main" }],
    ];
    for (const [path, init, expected] of cases) {
      const { status, node, body } = await getJson(base + path, init);
      assert.equal(status, 200, path);
      assert.equal(node, "node1", path);
      assert.deepEqual(body, expected, path);
    }
    assert.deepEqual((await getJson(`${node2.url}/api/push/tok3n`)).body, { ok: true, nodeId: "node2", token: "tok3n" });
    assert.equal(node1.requestCount("/api/push/tok3n"), 2);
    assert.equal(node1.requestCount("/api/badge/12/status"), 1);
    assert.equal(node1.requestCount(), cases.length);
    const last = node1.requests().at(-1);
    assert.equal(last?.url, "/api/status-page/main");
    assert.equal(last?.method, "DELETE");
  });

  test("a socket.io client with default transports gets the node id and upgrades to WebSocket", async () => {
    node1.resetCounts();
    const socket = connectSocket(node1.url, { reconnection: false, forceNew: true });
    try {
      // Record the transports as they happen: on loopback the upgrade is over in a few ms.
      const transports: string[] = [];
      const upgraded = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no upgrade to websocket: ${transports.join(",")}`)), 3_000);
        socket.io.once("open", () => {
          transports.push(socket.io.engine.transport.name);
          socket.io.engine.once("upgrade", (transport: { name: string }) => {
            transports.push(transport.name);
            clearTimeout(timer);
            resolve();
          });
        });
      });
      assert.deepEqual(await once(socket, "node"), { nodeId: "node1" });
      await upgraded;
      assert.deepEqual(transports, ["polling", "websocket"]);
      const seen = node1.requests().map((r) => /transport=(\w+)/.exec(r.url)?.[1]);
      assert.ok(seen.includes("polling") && seen.includes("websocket"), `server saw ${seen.join(",")}`);
      assert.deepEqual(await socket.timeout(2_000).emitWithAck("echo", { n: 1 }), { nodeId: "node1", data: { n: 1 } });
      assert.equal(node1.socketCount(), 1);
      assert.ok(node1.requestCount("/socket.io/") >= 2, "polling requests and the upgrade are counted");
    } finally {
      socket.disconnect();
    }
  });

  test("a polling session of one node is unknown to another (the router must pin)", async () => {
    const handshake = await fetch(`${node1.url}/socket.io/?EIO=4&transport=polling`);
    assert.equal(handshake.headers.get("x-kuma-node"), "node1");
    const open = /^0(\{.*\})$/.exec(await handshake.text());
    assert.ok(open, "engine.io open packet");
    const { sid } = JSON.parse(open[1]) as { sid: string };
    const elsewhere = await fetch(`${node2.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`);
    assert.equal(elsewhere.status, 400);
    assert.equal(elsewhere.headers.get("x-kuma-node"), "node2");
    assert.match(await elsewhere.text(), /Session ID unknown/);
    const home = await fetch(`${node1.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: "POST",
      body: "1", // engine.io close packet: end the session cleanly
    });
    assert.equal(home.status, 200);
  });

  test("the WebSocket handshake response carries X-Kuma-Node", async () => {
    const { host, port } = node2.address;
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      const request = http.request({
        host,
        port,
        path: "/socket.io/?EIO=4&transport=websocket",
        headers: {
          Connection: "Upgrade",
          Upgrade: "websocket",
          "Sec-WebSocket-Version": "13",
          "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        },
      });
      request.on("upgrade", (response, socket) => {
        socket.destroy();
        resolve(response.headers);
      });
      request.on("response", (response) => reject(new Error(`no upgrade: ${response.statusCode}`)));
      request.on("error", reject);
      request.end();
    });
    assert.equal(headers["x-kuma-node"], "node2");
  });

  test("health modes: 503, redirect, hang; other routes keep answering", async () => {
    const health = `${node1.url}/api/v1/health`;
    try {
      node1.setHealth("503");
      const failed = await getJson(health);
      assert.equal(failed.status, 503);
      assert.equal(failed.node, "node1");
      assert.deepEqual(failed.body, { ok: false, nodeId: "node1", msg: "database check failed" });

      node1.setHealth("redirect");
      const redirected = await fetch(health, { redirect: "manual" });
      assert.equal(redirected.status, 302);
      assert.equal(redirected.headers.get("location"), "/dashboard");
      assert.equal(redirected.headers.get("x-kuma-node"), "node1");

      node1.setHealth("hang");
      const started = Date.now();
      await assert.rejects(fetch(health, { signal: AbortSignal.timeout(200) }), { name: "TimeoutError" });
      assert.ok(Date.now() - started >= 190);
      assert.equal((await getJson(`${node1.url}/api/push/x`)).status, 200);
    } finally {
      node1.setHealth("ok");
    }
    assert.equal((await getJson(health)).status, 200);
  });

  test("restart on the same address, with a hanging request and a socket open at stop", async () => {
    const before = node2.address;
    const socket = connectSocket(node2.url, { reconnection: false, forceNew: true, transports: ["websocket"] });
    await once(socket, "node");
    node2.setHealth("hang");
    const hanging = fetch(`${node2.url}/api/v1/health`).then(
      () => "answered",
      () => "cut",
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const disconnected = once<string>(socket, "disconnect");
    await node2.stop();
    node2.setHealth("ok");
    assert.equal(node2.running, false);
    assert.equal(await hanging, "cut");
    assert.ok(await disconnected);
    assert.equal(await fetchError(`${node2.url}/api/v1/health`), "ECONNREFUSED");

    assert.deepEqual(await node2.start(), before);
    assert.deepEqual((await getJson(`${node2.url}/api/v1/health`)).body, { ok: true, nodeId: "node2" });
    const again = connectSocket(node2.url, { reconnection: false, forceNew: true });
    try {
      assert.deepEqual(await once(again, "node"), { nodeId: "node2" });
    } finally {
      again.disconnect();
    }
  });

  test("a second node on a taken address fails, and non-loopback hosts are refused", async () => {
    const clash = new StandInNode({ nodeId: "clash", ...node1.address });
    await assert.rejects(clash.start(), { code: "EADDRINUSE" });
    assert.throws(() => new StandInNode({ nodeId: "x", host: "192.168.1.10", port: 3001 }), /non-loopback/);
  });
});
