// socket.io through the router (docs/routing.md: paths, fixed node, retries): a real socket.io 4 client, three
// stand-in nodes with real socket.io servers. Long-polling requests of one session must reach
// one node or the node answers 400 "Session ID unknown"; the KUMA_FIXED_NODE cookie the router
// sets on the handshake keeps them together, through the upgrade to WebSocket.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import type { RecordedRequest } from "../../harness/stand-in-node";
import { CHECKS_NEVER_DOWN, Cluster, sleep, startCluster } from "../../harness/cluster";
import { luaErrors } from "../../harness/router";

const SESSIONS = 100;
const SESSION_TIMEOUT_MS = 5_000;
/** Longer than one sync (0.2 s): the least-loaded node changes while sessions run. */
const ROTATE_EVERY_MS = 300;
/** Monitors whose owners the rotation moves, so that each node in turn has the fewest. */
const ROTATING_MONITORS = [901, 902] as const;
const COOKIE = "KUMA_FIXED_NODE";

interface SessionOutcome {
  sid: string;
  transport: string;
  /** The node the socket.io server said it is (its "node" event). */
  servedBy: string;
  connectErrors: string[];
}

/** Connects, waits for the upgrade to WebSocket, disconnects. withCredentials: the client's cookie jar. */
function runSession(url: string): Promise<SessionOutcome> {
  return new Promise((resolve, reject) => {
    const socket: Socket = io(url, {
      transports: ["polling", "websocket"],
      withCredentials: true,
      forceNew: true,
      reconnection: false,
      timeout: SESSION_TIMEOUT_MS,
    });
    const connectErrors: string[] = [];
    let servedBy: string | undefined;
    let upgraded = false;
    let connected = false;
    const timer = setTimeout(
      () => finish(new Error(`no connect+upgrade within ${SESSION_TIMEOUT_MS} ms (connected ${connected}, upgraded ${upgraded})`)),
      SESSION_TIMEOUT_MS,
    );
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      const engine = socket.io.engine;
      const outcome: SessionOutcome = {
        sid: engine?.id ?? "",
        transport: engine?.transport?.name ?? "",
        servedBy: servedBy ?? "",
        connectErrors,
      };
      socket.disconnect();
      if (error !== undefined && connectErrors.length === 0) reject(error);
      else resolve(outcome);
    };
    const check = (): void => {
      if (connected && upgraded && servedBy !== undefined) finish();
    };
    // The manager's "open" comes before the engine starts probing the WebSocket transport.
    socket.io.on("open", () => {
      socket.io.engine.on("upgrade", () => {
        upgraded = true;
        check();
      });
    });
    socket.on("node", (data: { nodeId: string }) => {
      servedBy = data.nodeId;
      check();
    });
    socket.on("connect", () => {
      connected = true;
      check();
    });
    socket.on("connect_error", (error: Error) => {
      connectErrors.push(error.message);
      finish(error);
    });
  });
}

function cookieOf(request: RecordedRequest): string | undefined {
  const header = request.headers.cookie;
  const match = header === undefined ? null : new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]*)`).exec(header);
  return match === null ? undefined : match[1];
}

function socketIoRequests(c: Cluster): Map<string, RecordedRequest[]> {
  const out = new Map<string, RecordedRequest[]>();
  for (const [id, node] of c.nodes) {
    const seen = node.requests().filter((r) => r.path === "/socket.io/");
    if (seen.length > 0) out.set(id, seen);
  }
  return out;
}

/** Status codes in nginx's combined access log. */
function accessStatuses(path: string): number[] {
  if (!existsSync(path)) return [];
  const statuses: number[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = /"[A-Z]+ [^"]*" (\d{3}) /.exec(line);
    if (match !== null) statuses.push(Number(match[1]));
  }
  return statuses;
}

/** The directive lines of the block opened by `opening` (one directive per line, as nginx/ has them). */
function blockOf(conf: string, opening: string): string[] {
  const lines = conf.split("\n");
  const start = lines.indexOf(opening);
  if (start < 0) return [];
  const end = lines.indexOf("}", start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  upgraded: boolean;
  ms: number;
  body: string;
}

/** A request through node:http that resolves on a response or on a completed upgrade (101). */
function rawRequest(url: string, method: string, headers: http.OutgoingHttpHeaders, body?: string): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false });
    req.setTimeout(10_000, () => req.destroy(new Error("timed out")));
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, upgraded: false, ms: Date.now() - started, body }));
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, upgraded: true, ms: Date.now() - started, body: "" });
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("socket.io through the router (three stand-in nodes)", () => {
  let c: Cluster;
  let accessLog: string;
  const ids: string[] = [];

  before(async () => {
    accessLog = join(mkdtempSync(join(tmpdir(), "kuma-socketio-")), "access.log");
    c = await startCluster({ world: "compose", nodes: 3, routerEnv: { ...CHECKS_NEVER_DOWN, ACCESS_LOG: accessLog } });
    for (let i = 0; i < 3; i++) ids.push(c.nodeId(i));
    await c.addMonitor(ROTATING_MONITORS[0], ids[1]);
    await c.addMonitor(ROTATING_MONITORS[1], ids[2]);
    await c.settle();
  });
  after(async () => {
    assert.deepEqual(luaErrors(c.router.errorLog()), []);
    await c.stop();
  });

  test(`${SESSIONS} sessions in a row: polling handshake, then WebSocket, each on the node its cookie names`, async () => {
    // Move the least-loaded node around while sessions run: a session whose later requests
    // lost the cookie would be split across nodes and get "Session ID unknown".
    let rotating = true;
    let phase = 0;
    const rotation = (async () => {
      while (rotating) {
        await sleep(ROTATE_EVERY_MS);
        phase = (phase + 1) % 3;
        await c.db.execute("UPDATE monitor SET node_id = CASE id WHEN ? THEN ? ELSE ? END WHERE id IN (?, ?)", [
          ROTATING_MONITORS[0],
          ids[(phase + 1) % 3],
          ids[(phase + 2) % 3],
          ...ROTATING_MONITORS,
        ]);
      }
    })();

    const perNode = new Map<string, number>();
    const connectErrors: string[] = [];
    const problems: string[] = [];
    try {
      for (let i = 0; i < SESSIONS; i++) {
        for (const node of c.nodes.values()) node.resetCounts();
        const outcome = await runSession(c.router.publicUrl);
        connectErrors.push(...outcome.connectErrors);
        const byNode = socketIoRequests(c);
        const where = [...byNode.keys()];
        if (where.length !== 1) {
          problems.push(`session ${i}: socket.io requests reached ${JSON.stringify(where)}`);
          continue;
        }
        const [node] = where;
        const requests = byNode.get(node) as RecordedRequest[];
        const [handshake, ...rest] = requests;
        const pinned = rest.map(cookieOf);
        const upgrade = rest.find((r) => r.headers.upgrade === "websocket");
        if (handshake.url.includes("sid=") || cookieOf(handshake) !== undefined)
          problems.push(`session ${i}: first request ${handshake.url} is not a fresh handshake`);
        // The client only learns the node id from the router's Set-Cookie on the handshake.
        if (rest.length === 0 || pinned.some((v) => v !== node))
          problems.push(`session ${i}: cookies ${JSON.stringify(pinned)} on ${node}`);
        if (rest.some((r) => !r.url.includes(`sid=${outcome.sid}`))) problems.push(`session ${i}: a request without sid ${outcome.sid}`);
        if (upgrade === undefined || !/upgrade/i.test(String(upgrade.headers.connection)))
          problems.push(`session ${i}: no Upgrade/Connection pass-through on ${node}`);
        if (outcome.transport !== "websocket") problems.push(`session ${i}: transport ${outcome.transport} after the session`);
        if (outcome.servedBy !== node) problems.push(`session ${i}: socket.io said ${outcome.servedBy}, requests went to ${node}`);
        perNode.set(node, (perNode.get(node) ?? 0) + 1);
      }
    } finally {
      rotating = false;
      await rotation;
    }

    assert.deepEqual({ connectErrors, problems }, { connectErrors: [], problems: [] });
    // Each WebSocket is logged (101) when it closes: wait for the last ones.
    const deadline = Date.now() + 3_000;
    while (accessStatuses(accessLog).filter((s) => s === 101).length < SESSIONS && Date.now() < deadline) await sleep(50);
    const statuses = accessStatuses(accessLog);
    assert.equal(statuses.filter((s) => s === 400).length, 0, "400 answers (Session ID unknown) in the router's access log");
    assert.equal(statuses.filter((s) => s === 101).length, SESSIONS, "WebSocket upgrades in the router's access log");
    // The rotation made every node the least-loaded one at some point: the cookie mattered.
    assert.deepEqual([...perNode.keys()].sort(), [...ids].sort(), `sessions per node: ${JSON.stringify([...perNode])}`);
  });

  test("WebSocket first with a browser's Origin: the node gets Host with the router's port, so Uptime Kuma's origin check passes", async () => {
    const origin = c.router.publicUrl;
    const port = new URL(origin).port;
    assert.notEqual(port, "", "the router listens on a non-default port");
    const connect = (originHeader: string): Promise<string> =>
      new Promise((resolve) => {
        const socket: Socket = io(origin, {
          transports: ["websocket"],
          extraHeaders: { Origin: originHeader },
          forceNew: true,
          reconnection: false,
          timeout: SESSION_TIMEOUT_MS,
        });
        const done = (outcome: string): void => {
          socket.disconnect();
          resolve(outcome);
        };
        socket.on("node", (data: { nodeId: string }) => done(`served by ${data.nodeId}`));
        socket.on("connect_error", (error: Error) => done(`refused: ${error.message}`));
      });
    for (const node of c.nodes.values()) node.resetCounts();
    const served = await connect(origin);
    assert.match(served, /^served by /);
    const upgrades = [...c.nodes.values()].flatMap((n) => n.requests()).filter((r) => r.headers.upgrade === "websocket");
    assert.deepEqual(
      upgrades.map((r) => r.headers.host),
      [new URL(origin).host],
      "the Host each node received",
    );
    // The check is the node's: another page's Origin is refused, as Uptime Kuma refuses it.
    assert.match(await connect(`http://127.0.0.1:${Number(port) + 1}`), /^refused: /);
  });

  test("WebSockets get long timeouts and the Upgrade/Connection headers; nothing overrides them", () => {
    const conf = (name: string): string =>
      readFileSync(join(c.router.prefix, "conf", name), "utf8")
        .split("\n")
        .map((l) => l.replace(/#.*$/, "").trim().replace(/\s+/g, " "))
        .filter((l) => l !== "")
        .join("\n");
    const main = conf("nginx.conf");
    const publicConf = conf("public.conf");
    const proxy = conf("proxy.conf");
    // The public server serves public.conf, whose proxying locations all use proxy.conf.
    assert.match(main, /server \{\nlisten [^\n]+;\ninclude public\.conf;/);
    const socketIo = blockOf(publicConf, "location ^~ /socket.io/ {");
    for (const location of ["location / {", "location ^~ /api/ {", "location ^~ /socket.io/ {"]) {
      assert.ok(blockOf(publicConf, location).includes("include proxy.conf;"), `${location} includes proxy.conf`);
    }
    // A WebSocket idle past nginx's default 60 s would be cut without these.
    assert.match(proxy, /^proxy_read_timeout 3600s;$/m);
    assert.match(proxy, /^proxy_send_timeout 3600s;$/m);
    assert.match(proxy, /^proxy_http_version 1\.1;$/m);
    // Only socket.io's location passes an upgrade, and only a WebSocket one.
    assert.ok(socketIo.includes("proxy_set_header Upgrade $upstream_upgrade;"), "socket.io passes Upgrade");
    assert.ok(socketIo.includes("proxy_set_header Connection $upstream_connection;"), "socket.io passes Connection");
    assert.ok(socketIo.includes('access_by_lua_block { require("hooks.access").socketio() }'), "socket.io tells access it may upgrade");
    for (const location of ["location / {", "location ^~ /api/ {"]) {
      const block = blockOf(publicConf, location);
      assert.ok(!block.some((l) => l.includes("Upgrade")), `${location} passes no Upgrade`);
      assert.ok(block.includes('proxy_set_header Connection "";'), `${location} keeps upstream connections alive`);
    }
    assert.doesNotMatch(proxy, /Upgrade|Connection/);
    assert.deepEqual(blockOf(conf("http.conf"), "map $http_upgrade $upstream_upgrade {"), ['"~*^websocket$" websocket;', 'default "";']);
    assert.deepEqual(blockOf(conf("http.conf"), "map $upstream_upgrade $upstream_connection {"), ["websocket upgrade;", 'default "";']);
    // No other file sets a shorter timeout for some location.
    for (const name of ["nginx.conf", "http.conf", "public.conf", "status.conf", "shared-dicts.conf"]) {
      assert.doesNotMatch(conf(name), /proxy_(read|send)_timeout/, name);
    }
  });

  test("a dead pinned node: a WebSocket upgrade and a polling POST fail fast instead of landing elsewhere", async () => {
    const outcome = await runSession(c.router.publicUrl);
    assert.equal(outcome.transport, "websocket");
    const dead = outcome.servedBy;
    const index = ids.indexOf(dead);
    assert.ok(index >= 0, dead);
    // Still online in the registry and healthy by the probes: only the process is gone.
    await c.stopNode(index);
    try {
      for (const node of c.nodes.values()) node.resetCounts();
      const cookie = `${COOKIE}=${dead}`;
      const upgrade = await rawRequest(`${c.router.publicUrl}/socket.io/?EIO=4&transport=websocket&sid=${outcome.sid}`, "GET", {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
        Cookie: cookie,
      });
      assert.equal(upgrade.upgraded, false);
      assert.equal(upgrade.status, 502);
      assert.equal(upgrade.headers["content-type"], "application/json");
      assert.equal((JSON.parse(upgrade.body) as { error: string }).error, "node_unreachable");
      assert.equal(upgrade.headers["x-routed-to"], dead);
      assert.equal(upgrade.headers["x-routed-via"], "fixed-node");
      assert.ok(upgrade.ms < 2_000, `upgrade answered after ${upgrade.ms} ms`);

      const post = await rawRequest(
        `${c.router.publicUrl}/socket.io/?EIO=4&transport=polling&sid=${outcome.sid}`,
        "POST",
        { Cookie: cookie, "Content-Type": "text/plain;charset=UTF-8" },
        "40",
      );
      assert.equal(post.status, 502);
      assert.equal(post.headers["x-routed-via"], "fixed-node");
      assert.ok(post.ms < 2_000, `POST answered after ${post.ms} ms`);

      // Neither reached a live node: a session's messages never surface on another node.
      assert.deepEqual([...socketIoRequests(c).keys()], []);
    } finally {
      await c.startNode(index);
    }
  });
});
