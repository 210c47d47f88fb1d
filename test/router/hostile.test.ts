// Hostile input against the real router (docs/routing.md#addresses: "a token, id or cookie from a request is a key
// to look up, never an address to connect to"). Cookies, paths, ids, tokens and headers crafted
// to make the router connect somewhere else, resolve a name, run SQL, or fail. Sent over raw
// sockets so that nothing (fetch's URL normalisation, header validation) softens them.
//
// Traps: a canary TCP listener on another loopback address, reachable through DNS names a
// request could smuggle in (it must see no connection); the test DNS server's query log (only
// registry names may be asked); the stand-in nodes' request counts (every proxied request
// reached exactly one of them); a MySQL tap in front of MariaDB (no lookup for a malformed key,
// no payload in any statement), cross-checked against the server's count of the cluster user's SELECTs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import type { RowDataPacket } from "mysql2/promise";
import { MysqlTap } from "../../bench/mysql-tap";
import { HEALTH_PATH } from "../../harness/stand-in-node";
import { Cluster, World, sleep, startCluster } from "../../harness/cluster";
import { luaErrors } from "../../harness/router";
import { userSelects } from "../../harness/user-selects";

const COOKIE = "KUMA_FIXED_NODE";
/** Another loopback address than the nodes' (127.1.x.y): only a request-derived address leads here. */
const CANARY_IP = `127.3.${process.pid % 250}.250`;
const CANARY_PORTS = [3001, 80] as const;
/** Names a request could carry; the DNS server points them at the canary. */
const CANARY_NAMES = [
  "evil.example.com",
  "canary",
  "uptime-kuma-canary",
  "uptime-kuma-node9",
  "uptime-kuma-9.uptime-kuma-headless.kuma-test.svc.cluster.local",
];

interface Answer {
  status: number;
  /** Lower-cased names, in order; repeated headers stay repeated. */
  headers: [string, string][];
  body: string;
}

function header(a: Answer, name: string): string | undefined {
  return a.headers.find(([n]) => n === name)?.[1];
}

function headersNamed(a: Answer, name: string): string[] {
  return a.headers.filter(([n]) => n === name).map(([, v]) => v);
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf("\r\n", at);
    if (eol < 0) break;
    const size = parseInt(body.subarray(at, eol).toString("latin1"), 16);
    if (!(size > 0)) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Sends raw bytes, reads until the server closes (every request says Connection: close). */
function exchange(port: number, request: Buffer, timeoutMs = 5_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on("data", (d: Buffer) => chunks.push(d));
    socket.on("error", reject);
    socket.on("close", () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf("\r\n\r\n");
      if (split < 0) return reject(new Error(`no HTTP answer: ${JSON.stringify(raw.toString("latin1").slice(0, 200))}`));
      const [statusLine, ...lines] = raw.subarray(0, split).toString("latin1").split("\r\n");
      const headers = lines.map((l): [string, string] => [
        l.slice(0, l.indexOf(":")).trim().toLowerCase(),
        l.slice(l.indexOf(":") + 1).trim(),
      ]);
      const rest = raw.subarray(split + 4);
      const chunked = headers.some(([n, v]) => n === "transfer-encoding" && /chunked/i.test(v));
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: (chunked ? dechunk(rest) : rest).toString("utf8") });
    });
    // No half-close: nginx takes an early FIN for a client abort (499) while it proxies.
    socket.write(request);
  });
}

type HeaderValue = string | Buffer;

/** The router's own JSON answer ({error, message}), or undefined when the body is not one. */
function routerJsonBody(body: string): { error?: unknown; message?: unknown } | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as { error?: unknown; message?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

/** One request as bytes: Host (unless given) and Connection: close are added. */
function request(method: string, target: string, headers: [string, HeaderValue][] = [], body?: string): Buffer {
  const parts: Buffer[] = [Buffer.from(`${method} ${target} HTTP/1.1\r\n`, "latin1")];
  if (!headers.some(([n]) => n.toLowerCase() === "host")) parts.push(Buffer.from("Host: kuma.test\r\n"));
  for (const [name, value] of headers)
    parts.push(Buffer.from(`${name}: `, "latin1"), typeof value === "string" ? Buffer.from(value, "latin1") : value, Buffer.from("\r\n"));
  if (body !== undefined) parts.push(Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n`));
  parts.push(Buffer.from("Connection: close\r\n\r\n"), Buffer.from(body ?? ""));
  return Buffer.concat(parts);
}

interface Case {
  name: string;
  bytes: Buffer;
  /** X-Routed-Via the router must give (when it proxies). */
  via?: string;
  /** The exact status, when one is certain. */
  status?: number;
  /** The router answers itself: JSON with this `error` and a `message`. */
  error?: string;
}

const cookie = (value: string | Buffer): [string, HeaderValue] => [
  "Cookie",
  typeof value === "string" ? `${COOKIE}=${value}` : Buffer.concat([Buffer.from(`${COOKIE}=`), value]),
];

/** Cookie values that name no registered node: each must be replaced, never followed. */
function badCookieValues(world: World): (string | Buffer)[] {
  const registryHost = world === "compose" ? "uptime-kuma-node1" : "uptime-kuma-0.uptime-kuma-headless.kuma-test.svc.cluster.local";
  return [
    "evil.example.com",
    "canary",
    "node9",
    "uptime-kuma-9",
    registryHost,
    `${registryHost}:3001`,
    `${CANARY_IP}`,
    `${CANARY_IP}:3001`,
    "127.0.0.1:22",
    "[::1]:3001",
    "uptime-kuma-9.uptime-kuma-headless.kuma-test.svc.cluster.local",
    "evil.example.com.",
    "../",
    "../../etc/passwd",
    "..%2F..%2Fetc",
    "%00",
    "node1%00",
    "x".repeat(10_000),
    "a".repeat(51),
    Buffer.from("nöde1", "utf8"),
    Buffer.from("node1\u202e", "utf8"),
    Buffer.from("\u{1F4A9}", "utf8"),
    Buffer.from([0xff, 0xfe, 0x80]),
    '"node1"',
    "constructor",
    "__proto__",
    "toString",
    "' OR '1'='1",
  ];
}

/** Keys that must never reach SQL: malformed ids and tokens (their path segment as sent). */
const MALFORMED_KEYS = [
  "/api/badge/99999999999999999999/status",
  "/api/badge/2147483648/status",
  "/api/badge/1%20OR%201=1/status",
  "/api/badge/1;DROP%20TABLE%20monitor/status",
  "/api/badge/0/status",
  "/api/badge/-1/status",
  "/api/badge/01/status",
  "/api/badge/1e3/status",
  "/api/v1/monitors/1%20OR%201=1",
  "/api/v1/monitors/1'--",
  "/api/push/x'%20OR%20'1'='1",
  "/api/push/x%27%3B%20DROP%20TABLE%20monitor%3B--",
  "/api/push/tok1'%20OR%20'1'='1",
  `/api/push/${"a".repeat(33)}`,
  "/api/push/%F0%9F%92%A9",
  "/api/push/x%22",
  "/api/push/x%5C",
];

function cases(world: World, ids: string[]): Case[] {
  const out: Case[] = [];
  const get = (target: string, headers: [string, HeaderValue][] = []): Buffer => request("GET", target, headers);
  for (const value of badCookieValues(world)) {
    const label = typeof value === "string" ? value.slice(0, 40) : `bytes ${value.toString("hex")}`;
    out.push({ name: `cookie ${label}`, bytes: get("/", [cookie(value)]), via: "least-loaded", status: 200 });
  }
  out.push({ name: "cookie empty", bytes: get("/", [cookie("")]), via: "least-loaded", status: 200 });
  out.push({ name: "cookie header empty", bytes: get("/", [["Cookie", ""]]), via: "least-loaded", status: 200 });
  const repeated = Array.from({ length: 300 }, (_, i) => `${COOKIE}=evil${i}.example.com`).join("; ");
  out.push({ name: "300 repeated cookies in one header", bytes: get("/", [["Cookie", repeated]]), via: "least-loaded", status: 200 });
  const manyHeaders = Array.from({ length: 50 }, (_, i): [string, HeaderValue] => ["Cookie", `${COOKIE}=${CANARY_IP}:${3000 + i}`]);
  out.push({ name: "50 Cookie headers", bytes: get("/", manyHeaders), via: "least-loaded", status: 200 });
  out.push({
    name: "valid cookie after a bad one",
    bytes: get("/", [["Cookie", `${COOKIE}=evil.example.com; ${COOKIE}=${ids[1]}`]]),
    via: "least-loaded",
    status: 200,
  });
  out.push({
    name: "valid cookie first, bad one after",
    bytes: get("/", [["Cookie", `${COOKIE}=${ids[1]}; ${COOKIE}=evil.example.com`]]),
    via: "fixed-node",
    status: 200,
  });
  // The cookie's name is matched exactly, as browsers send it: another case pins nothing.
  out.push({
    name: "cookie name in lower case",
    bytes: get("/", [["Cookie", `kuma_fixed_node=${CANARY_IP}`]]),
    via: "least-loaded",
    status: 200,
  });
  out.push({
    name: "cookie name in lower case naming a node",
    bytes: get("/", [["Cookie", `kuma_fixed_node=${ids[1]}`]]),
    via: "least-loaded",
    status: 200,
  });
  out.push({
    name: "cookie name in mixed case naming a node",
    bytes: get("/", [["Cookie", `Kuma_Fixed_Node=${ids[1]}`]]),
    via: "least-loaded",
    status: 200,
  });
  out.push({
    name: "cookie name inside another name",
    bytes: get("/", [["Cookie", `X${COOKIE}=${ids[1]}`]]),
    via: "least-loaded",
    status: 200,
  });
  out.push({
    name: "exact name after a lower-case one",
    bytes: get("/", [["Cookie", `kuma_fixed_node=${CANARY_IP}; ${COOKIE}=${ids[1]}`]]),
    via: "fixed-node",
    status: 200,
  });

  // Paths: traversal, NUL, encodings, overlong and SQL-shaped keys.
  for (const target of [
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/api/push/../../../etc/passwd",
    "/api/push/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/badge/%2e%2e/status",
    "/%00",
    "/api/push/tok1%00",
    "/api/push/%00",
    "/api/badge/1%00/status",
    "/api/badge/0x1/status",
    ...MALFORMED_KEYS,
    "/api/push/tok1%0d%0aX-Injected:%201",
    `/${"a".repeat(7_000)}`,
    "/lb/fixed-node/127.0.0.1:3001",
    `/lb/fixed-node/${CANARY_IP}`,
    "/lb/fixed-node/evil.example.com",
    "/lb/fixed-node/%2e%2e%2fnode1",
    "/lb/fixed-node/node1%0d%0aSet-Cookie:%20injected=1",
    "/lb/fixed-node/constructor",
    "/lb/config",
    "/lb/status",
    "/socket.io/?EIO=4&transport=polling&sid=..%2F..%2Fx",
  ]) {
    out.push({ name: `path ${target.slice(0, 60)}`, bytes: get(target, [cookie(CANARY_IP)]) });
  }

  // The router's own answers are JSON, 404s included: internal endpoints and unknown /lb/ paths.
  for (const target of [
    "/lb/config",
    "/lb/status",
    "/lb/status.html",
    "/lb/",
    "/lb/nothing-here",
    "/lb/health/x",
    "/lb/x/%2e%2e/config.json",
    "/metrics",
    "/metrics?x=1",
  ]) {
    out.push({ name: `JSON 404 ${target}`, bytes: get(target, [cookie(ids[0])]), status: 404, error: "not_found" });
  }

  // Endpoints only the cluster calls: refused with a JSON 403 in every spelling Express or nginx
  // would take for them, whatever Authorization the request carries (the fork takes any).
  const auth: [string, HeaderValue] = ["Authorization", "anything"];
  for (const [method, target] of [
    ["POST", "/api/v1/reconcile-monitors"],
    ["POST", "/api/v1/reconcile-monitors/"],
    ["POST", "/API/V1/Reconcile-Monitors"],
    ["POST", "/api//v1/reconcile-monitors"],
    ["POST", "/api/v1/%72econcile-monitors"],
    ["POST", "/api/v1/reconcile-monitors?x=1"],
    ["POST", "/api/v1/x/../reconcile-monitors"],
    ["GET", "/api/v1/nodes"],
    ["POST", "/api/v1/nodes"],
    ["PUT", `/api/v1/nodes/${ids[0]}`],
    ["DELETE", `/api/v1/nodes/${ids[1]}`],
    ["GET", `/api/v1/nodes/${ids[0]}/monitors`],
    ["GET", "/api/V1/NODES/"],
    ["PUT", "/api/v1/nodes/evil/.."],
    ["GET", `http://evil.example.com/api/v1/nodes`],
  ] as const) {
    out.push({
      name: `node-internal ${method} ${target}`,
      bytes: request(
        method,
        target,
        [auth, ["Content-Type", "application/json"]],
        method === "GET" || method === "DELETE" ? undefined : "{}",
      ),
      status: 403,
      error: "node_internal",
    });
  }
  // The user's REST API stays reachable (routed by its monitor).
  out.push({ name: "REST monitor path beside the refused ones", bytes: get("/api/v1/monitors/1", [auth]), via: "owner", status: 200 });

  // Headers: Host and absolute-form targets naming elsewhere, spoofed forwarding headers.
  for (const host of [
    "evil.example.com",
    `${CANARY_IP}:3001`,
    world === "compose" ? "uptime-kuma-node2:3001" : "uptime-kuma-1.uptime-kuma-headless.kuma-test.svc.cluster.local:3001",
    "canary",
  ]) {
    out.push({ name: `Host ${host}`, bytes: get("/", [["Host", host]]), via: "least-loaded", status: 200 });
  }
  out.push({ name: "Host with UTF-8", bytes: get("/", [["Host", Buffer.from("évil.example.com", "utf8")]]) });
  out.push({ name: "absolute-form target naming the canary", bytes: get(`http://${CANARY_IP}:3001/`), via: "least-loaded", status: 200 });
  out.push({ name: "absolute-form push", bytes: get(`http://evil.example.com/api/push/tok1`), via: "owner", status: 200 });
  out.push({
    name: "two Host headers",
    bytes: get("/", [
      ["Host", "kuma.test"],
      ["Host", `${CANARY_IP}:3001`],
    ]),
  });
  for (const [name, value] of [
    ["X-Forwarded-For", CANARY_IP],
    ["X-Real-IP", CANARY_IP],
    ["X-Forwarded-Host", `${CANARY_IP}:3001`],
    ["X-Forwarded-Port", "3001"],
    ["Forwarded", `for=${CANARY_IP};host=evil.example.com;proto=https`],
    ["X-Forwarded-Proto", "https\r\nX-Injected: 1"],
  ] as const) {
    out.push({ name: `spoofed ${name}`, bytes: get("/", [[name, value]]), via: "least-loaded", status: 200 });
  }
  // CRLF and bare CR/LF inside a cookie value: whatever nginx makes of it, no header is injected
  // into the answer and no address is taken from it.
  out.push({ name: "cookie CRLF header injection", bytes: get("/", [["Cookie", `${COOKIE}=${CANARY_IP}\r\nX-Injected: 1`]]) });
  out.push({ name: "cookie bare CR", bytes: get("/", [["Cookie", `${COOKIE}=${CANARY_IP}\rSet-Cookie: injected=1`]]) });
  out.push({ name: "cookie bare LF", bytes: get("/", [["Cookie", `${COOKIE}=${CANARY_IP}\nX-Injected: 1`]]) });
  out.push({
    name: "Content-Length with Transfer-Encoding",
    bytes: Buffer.from(
      "POST /api/push/tok1 HTTP/1.1\r\nHost: kuma.test\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n",
    ),
  });
  out.push({ name: "method with CRLF-free junk", bytes: request("K\u00fcMA", "/", []) });
  // The push's owner holds, whatever the request carries.
  out.push({ name: "push with a canary cookie", bytes: get("/api/push/tok1", [cookie(CANARY_IP)]), via: "owner", status: 200 });
  return out;
}

/** Fragments of the payloads: none may appear in any statement the router sends. */
const PAYLOAD_FRAGMENTS = [" OR ", "DROP", "1=1", "'1'='1", "--", "99999999999", "2147483648", "1e3", "x\\", 'x"', "💩"];

/** SELECTs of the cluster's database user, which the router shares with the suite's own pool. */
function comSelect(c: Cluster): Promise<number> {
  return userSelects(c.db, c.routerEnvironment.DB_USER);
}

for (const world of ["compose", "kubernetes"] as const) {
  describe(`hostile input against the router (${world})`, () => {
    let c: Cluster;
    let tap: MysqlTap;
    const ids: string[] = [];
    const canaryConnections: string[] = [];
    const canaries: net.Server[] = [];
    const answers: Answer[] = [];

    before(async () => {
      for (const port of CANARY_PORTS) {
        const server = net.createServer((s) => {
          canaryConnections.push(`${port}`);
          s.destroy();
        });
        await new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen({ host: CANARY_IP, port }, () => resolve());
        });
        canaries.push(server);
      }
      tap = new MysqlTap({ host: process.env.TEST_DB_HOST ?? "127.0.0.1", port: Number(process.env.TEST_DB_PORT ?? 3306) });
      const tapAddress = await tap.start({ host: "127.0.0.1", port: 0 });
      c = await startCluster({ world, nodes: 3, routerEnv: { DB_HOST: tapAddress.host, DB_PORT: String(tapAddress.port) } });
      for (const name of CANARY_NAMES) c.dns.setRecord(name, CANARY_IP, 30);
      for (let i = 0; i < 3; i++) ids.push(c.nodeId(i));
      // ids[0] owns two monitors, ids[1] one: ids[2] is the least-loaded node.
      await c.addMonitor(1, ids[0], "tok1");
      await c.addMonitor(2, ids[0]);
      await c.addMonitor(3, ids[1], "tok3");
      await c.settle();
    });
    after(async () => {
      await c?.stop();
      await tap?.stop();
      for (const s of canaries) await new Promise<void>((resolve) => s.close(() => resolve()));
    });

    test("every hostile request: routed by the registry only, no 5xx, no injected header", async () => {
      for (const node of c.nodes.values()) node.resetCounts();
      c.dns.resetCounts();
      const port = Number(new URL(c.router.publicUrl).port);
      const problems: string[] = [];
      for (const k of cases(world, ids)) {
        let a: Answer;
        try {
          a = await exchange(port, k.bytes);
        } catch (error) {
          problems.push(`${k.name}: ${(error as Error).message}`);
          continue;
        }
        answers.push(a);
        const routedTo = header(a, "x-routed-to");
        const node = header(a, "x-kuma-node");
        const via = header(a, "x-routed-via");
        const fail = (what: string): void => {
          problems.push(`${k.name}: ${what} (status ${a.status}, routed ${routedTo}/${via}, body ${a.body.slice(0, 120)})`);
        };
        const routerJson = (): boolean => typeof routerJsonBody(a.body)?.error === "string";
        if (a.status >= 500 && !((a.status === 502 || a.status === 503) && routerJson())) fail("5xx");
        if (k.status !== undefined && a.status !== k.status) fail(`expected status ${k.status}`);
        if (k.via !== undefined && via !== k.via) fail(`expected X-Routed-Via ${k.via}`);
        if (k.error !== undefined) {
          if (!/^application\/json/.test(header(a, "content-type") ?? "")) fail(`Content-Type ${header(a, "content-type")}, not JSON`);
          const body = routerJsonBody(a.body);
          if (body?.error !== k.error || typeof body.message !== "string") fail(`expected JSON with error ${k.error} and a message`);
        }
        if (routedTo !== undefined && !ids.includes(routedTo)) fail("X-Routed-To outside the registry");
        if (node !== undefined && node !== routedTo) fail(`served by ${node}, routed to ${routedTo}`);
        for (const setCookie of headersNamed(a, "set-cookie")) {
          const m = new RegExp(`^${COOKIE}=([^;]*);`).exec(setCookie);
          if (m === null || (m[1] !== "" && !ids.includes(m[1]))) fail(`Set-Cookie ${setCookie}`);
        }
        if (a.headers.some(([n]) => n === "x-injected")) fail("injected header in the answer");
        if (a.body.includes("3001") || a.body.includes("127.1.")) {
          if (header(a, "x-kuma-node") === undefined) fail("an address in the router's answer");
        }
      }
      assert.deepEqual(problems, []);

      // Each proxied answer came from exactly one stand-in; nothing else was reached.
      const proxied = answers.filter((a) => header(a, "x-kuma-node") !== undefined).length;
      let received = 0;
      for (const n of c.nodes.values()) received += n.requests().filter((r) => r.path !== HEALTH_PATH).length;
      assert.equal(received, proxied, "requests the stand-ins saw vs answers they gave");
      // The client address the nodes see is the router's peer, whatever the request claimed.
      const realIps = new Set<string>();
      for (const n of c.nodes.values())
        for (const r of n.requests()) if (r.path !== HEALTH_PATH) realIps.add(String(r.headers["x-real-ip"]));
      assert.deepEqual([...realIps], ["127.0.0.1"], "X-Real-IP at the nodes");
      const hostClaims: string[] = [];
      for (const n of c.nodes.values()) {
        for (const r of n.requests())
          for (const h of ["x-forwarded-host", "x-forwarded-port", "forwarded"])
            if (r.headers[h] !== undefined) hostClaims.push(`${r.path} ${h}: ${String(r.headers[h])}`);
      }
      assert.deepEqual(hostClaims, [], "forwarded host claims of an untrusted client at the nodes");
      assert.deepEqual(canaryConnections, [], "connections to the canary");
      const registryNames = new Set(
        world === "compose"
          ? ids.map((id) => `uptime-kuma-${id}`)
          : ids.map((id) => `${id}.uptime-kuma-headless.kuma-test.svc.cluster.local`),
      );
      const asked = [...new Set(c.dns.queries().map((q) => q.name))].filter((n) => !registryNames.has(n));
      assert.deepEqual(asked, [], "DNS names asked that are not in the registry");
      assert.deepEqual(luaErrors(c.router.errorLog()), []);
    });

    test("SQL payloads and malformed keys never reach the database; a valid unknown key costs one lookup", async () => {
      const port = Number(new URL(c.router.publicUrl).port);
      const send = (target: string): Promise<Answer> => exchange(port, request("GET", target));
      // The server counts the SELECTs of the cluster's user (the router and this suite's pool);
      // the tap counts the router's. A window where the two agree proves the tap saw all of the
      // router's traffic (a stand-in's read can inflate a window, never shrink it).
      const windows: string[] = [];
      let agreed = false;
      for (let attempt = 0; attempt < 5 && !agreed; attempt++) {
        const mark = tap.total;
        const before = await comSelect(c);
        for (const target of MALFORMED_KEYS) for (let i = 0; i < 3; i++) assert.ok((await send(target)).status < 500, target);
        await sleep(50);
        const afterCount = await comSelect(c);
        const statements = tap.since(mark);
        const routerSelects = statements.filter((s) => /^\s*SELECT\b/i.test(s)).length;
        assert.deepEqual(
          statements.filter((s) => /\bFROM monitor WHERE (id|push_token) = /.test(s)),
          [],
          "lookups for malformed keys",
        );
        for (const fragment of PAYLOAD_FRAGMENTS) {
          assert.deepEqual(
            statements.filter((s) => s.includes(fragment)),
            [],
            `statements containing ${JSON.stringify(fragment)}`,
          );
        }
        const delta = afterCount - before;
        windows.push(`user SELECTs +${delta}, router SELECTs ${routerSelects}`);
        agreed = delta === routerSelects;
      }
      assert.ok(agreed, `no window where the user's SELECTs matched the router's own SELECTs: ${windows.join("; ")}`);

      // The control: keys that are well-formed but unknown to the snapshot are looked up, once.
      const mark = tap.total;
      const token = `unknown-${process.pid}-${Date.now() % 1e6}`;
      await send(`/api/push/${token}`);
      await send("/api/badge/2147483647/status");
      const lookups = tap.since(mark).filter((s) => /\bFROM monitor WHERE (id|push_token) = /.test(s));
      assert.deepEqual(
        lookups.map((s) => s.replace(/^.* WHERE /, "")),
        [`push_token = '${token}' LIMIT 1`, "id = 2147483647 LIMIT 1"],
      );
      const [tables] = await c.db.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM monitor");
      assert.equal(Number(tables[0].n), 3, "the monitor table is intact");
      assert.deepEqual(luaErrors(c.router.errorLog()), []);
    });

    test("spoofed forwarded headers: with no trusted proxy (the default) a node sees the connection's own", async () => {
      const claims = {
        "X-Forwarded-For": CANARY_IP,
        "X-Forwarded-Proto": "https",
        "X-Real-IP": CANARY_IP,
        "X-Forwarded-Host": `${CANARY_IP}:3001`,
        "X-Forwarded-Port": "443",
        Forwarded: `for=${CANARY_IP};host=evil.example.com;proto=https`,
      };
      const pinned = await fetch(`${c.router.publicUrl}/forwarded-claims`, { headers: { ...claims, Cookie: `${COOKIE}=${ids[0]}` } });
      assert.equal(pinned.status, 200);
      const seen = (c.nodes.get(ids[0])?.requests() ?? []).filter((r) => r.path === "/forwarded-claims");
      assert.equal(seen.length, 1);
      assert.equal(seen[0].headers["x-forwarded-for"], "127.0.0.1");
      assert.equal(seen[0].headers["x-forwarded-proto"], "http");
      assert.equal(seen[0].headers["x-real-ip"], "127.0.0.1");
      // Host claims are removed, not replaced: the node has the client's Host itself.
      assert.deepEqual(
        [seen[0].headers["x-forwarded-host"], seen[0].headers["x-forwarded-port"], seen[0].headers.forwarded],
        [undefined, undefined, undefined],
      );
      // A new session claiming TLS gets a cookie without Secure: the claim is not believed.
      const fresh = await fetch(`${c.router.publicUrl}/`, { headers: claims });
      assert.match(fresh.headers.get("set-cookie") ?? "", new RegExp(`^${COOKIE}=`));
      assert.doesNotMatch(fresh.headers.get("set-cookie") ?? "", /Secure/);
    });

    // A node answers no upgrade outside /socket.io/: its HTTP server drops the connection after
    // 1 s, and nginx answered an HTML 502 that the passive checks counted against the node. Three
    // such requests marked healthy nodes down, wrote them offline and moved their monitors. Now
    // nginx forwards only socket.io's WebSocket upgrade (`outcomes`), and passive failures take a
    // node down only once a probe fails too (spec/cases/health.json, spec/health/); `down` and
    // `moved` catch the second if such a request reaches a node again.
    test(
      "Upgrade headers a node does not serve neither fail the request nor take a node down",
      { skip: world === "compose" ? false : "the same in both worlds: run once" },
      async () => {
        const port = Number(new URL(c.router.publicUrl).port);
        const victim = ids[1];
        const outcomes: string[] = [];
        const attempt = async (name: string, bytes: Buffer, timeoutMs: number): Promise<void> => {
          try {
            const a = await exchange(port, bytes, timeoutMs);
            if (a.status >= 500) outcomes.push(`${name}: ${a.status} via ${header(a, "x-routed-via")}`);
          } catch (error) {
            outcomes.push(`${name}: ${(error as Error).message}`);
          }
        };
        // Pinned to the victim: each try fails there (1 s), and the retry fails on another node.
        for (let i = 0; i < 3; i++) {
          await attempt(
            "GET Upgrade: h2c",
            request("GET", "/", [
              cookie(victim),
              ["Upgrade", "h2c"],
              ["Connection", "Upgrade, HTTP2-Settings"],
              ["HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA"],
            ]),
            4_000,
          );
        }
        // A WebSocket upgrade outside /socket.io/ on a reused upstream connection: the node never
        // answers, so the request holds a connection until proxy_read_timeout (3600 s).
        await attempt(
          "POST push with Upgrade: websocket",
          request(
            "POST",
            "/api/push/tok3",
            [
              ["Upgrade", "websocket"],
              ["Connection", "Upgrade"],
            ],
            "x",
          ),
          2_500,
        );
        await c.settle();
        const status = (await (await fetch(`${c.router.statusUrl}/lb/status`)).json()) as {
          nodes: { id: string; health: string; registry: string }[];
        };
        const [moved] = await c.db.query<RowDataPacket[]>("SELECT id FROM monitor WHERE assigned_node IS NOT NULL");
        assert.deepEqual(
          {
            outcomes,
            down: status.nodes.filter((n) => n.health !== "up" || n.registry !== "online").map((n) => n.id),
            moved: moved.map((r) => r.id),
          },
          { outcomes: [], down: [], moved: [] },
        );
      },
    );
  });
}
