// /metrics, the status page and the anomaly log end to end: the real router in front of
// stand-in nodes, its output read back with a real Prometheus text parser.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { REASONS } from "../../src-lua-ts/core/metrics_catalog";
import { Cluster, sleep, startCluster } from "../../harness/cluster";
import { ROOT, luaErrors, routerEnv, startRouter } from "../../harness/router";
import { Family, expositionProblems, labelValues, parseExposition, valueOf } from "./prom-text";

const NODES = ["node1", "node2", "node3"];

async function scrape(c: Cluster): Promise<Map<string, Family>> {
  const res = await fetch(`${c.router.statusUrl}/metrics`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  const families = parseExposition(await res.text());
  assert.deepEqual(expositionProblems(families), []);
  return families;
}

/** The router's own counters and the node verdicts, as one line for a failure message. */
function routerCounters(f: Map<string, Family>): string {
  const out: string[] = [];
  for (const [name, family] of f) {
    if (!name.startsWith("kuma_router_") && name !== "uptime_kuma_node_status") continue;
    for (const s of family.samples) out.push(`${name}${JSON.stringify(s.labels)}=${s.value}`);
  }
  return out.join(" ");
}

/** Scrapes until `check` holds (workers flush every second), or fails with the last value. */
async function eventually(
  c: Cluster,
  what: string,
  check: (f: Map<string, Family>) => boolean,
  timeoutMs = 8000,
): Promise<Map<string, Family>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const f = await scrape(c);
    if (check(f)) return f;
    if (Date.now() > deadline) assert.fail(`${what}: not reached in ${timeoutMs} ms; router counters then: ${routerCounters(f)}`);
    await sleep(200);
  }
}

const decisions = (f: Map<string, Family>, reason: string): number => valueOf(f, "kuma_router_decisions_total", { reason }) ?? 0;
const get = (c: Cluster, path: string, cookie?: string): Promise<Response> =>
  fetch(`${c.router.publicUrl}${path}`, { headers: cookie === undefined ? {} : { Cookie: cookie }, redirect: "manual" });

function webSocket(c: Cluster, cookie: string): Promise<Socket> {
  const s = io(c.router.publicUrl, { transports: ["websocket"], extraHeaders: { Cookie: cookie }, reconnection: false });
  return new Promise((resolve, reject) => {
    s.once("connect", () => resolve(s));
    s.once("connect_error", reject);
  });
}

describe("metrics through the router (Compose, three nodes, fast probes)", () => {
  let c: Cluster;
  before(async () => {
    c = await startCluster({ world: "compose", nodes: 3, routerEnv: { HEALTH_CHECK_INTERVAL: "0.2" } });
    await c.addMonitor(1, "node1", "tok1");
    await c.addMonitor(2, "node1", "tok2");
    await c.addMonitor(3, "node2", "tok3");
    await c.settle();
  });
  after(async () => {
    assert.deepEqual(luaErrors(c.router.errorLog()), []);
    await c.stop();
  });

  test("internal listener only: the public listener answers 404 for /metrics and the status page", async () => {
    assert.equal((await get(c, "/metrics")).status, 404);
    assert.equal((await get(c, "/metrics?x=1", "KUMA_FIXED_NODE=node1")).status, 404);
    assert.equal((await get(c, "/lb/status.html")).status, 404);
    const families = await scrape(c);
    assert.equal(valueOf(families, "kuma_router_expected_nodes"), 3);
  });

  test("gauges from the snapshot: status, registry, owned monitors per node", async () => {
    const f = await scrape(c);
    for (const id of NODES) {
      assert.equal(valueOf(f, "uptime_kuma_node_status", { node_id: id }), 1, id);
      assert.equal(valueOf(f, "uptime_kuma_node_registry_online", { node_id: id }), 1, id);
      assert.equal(valueOf(f, "uptime_kuma_websocket_connections", { node_id: id }), 0, id);
    }
    assert.deepEqual(
      ["node1", "node2", "node3"].map((id) => valueOf(f, "uptime_kuma_monitor_count", { node_id: id })),
      [2, 1, 0],
    );
    assert.equal(valueOf(f, "kuma_router_snapshot_sync_failing"), 0);
    assert.ok((valueOf(f, "kuma_router_snapshot_age_seconds") ?? -1) >= 0);
    assert.ok((valueOf(f, "kuma_router_dns_names", { state: "fresh" }) ?? 0) >= 3);
  });

  test("after N proxied requests the counters reflect them, per reason and per node", async () => {
    const before = await scrape(c);
    const n = { owner: 7, fixed: 5, least: 3 };
    for (let i = 0; i < n.owner; i++) assert.equal((await get(c, "/api/push/tok1?status=up")).headers.get("x-routed-to"), "node1");
    for (let i = 0; i < n.fixed; i++)
      assert.equal((await get(c, "/dashboard", "KUMA_FIXED_NODE=node2")).headers.get("x-routed-via"), "fixed-node");
    // New browsers spread over the nodes near the least-loaded one (core/route.ts): count where each went.
    const leastTo: string[] = [];
    for (let i = 0; i < n.least; i++) {
      const res = await get(c, "/");
      assert.equal(res.headers.get("x-routed-via"), "least-loaded");
      leastTo.push(res.headers.get("x-routed-to") ?? "");
    }
    const newBrowsers = (node: string): number => leastTo.filter((x) => x === node).length;
    const delta = (f: Map<string, Family>, reason: string): number => decisions(f, reason) - decisions(before, reason);
    const count = (f: Map<string, Family>, node: string): number =>
      valueOf(f, "uptime_kuma_api_latency_seconds_count", { node_id: node }) ?? 0;
    const after = await eventually(
      c,
      "decisions flushed",
      (f) => delta(f, "owner") === n.owner && delta(f, "fixed-node") === n.fixed && delta(f, "least-loaded") === n.least,
    );
    for (const reason of REASONS) assert.notEqual(valueOf(after, "kuma_router_decisions_total", { reason }), undefined, reason);
    assert.equal(count(after, "node1") - count(before, "node1"), n.owner + newBrowsers("node1"));
    assert.equal(count(after, "node2") - count(before, "node2"), n.fixed + newBrowsers("node2"));
    assert.equal(count(after, "node3") - count(before, "node3"), newBrowsers("node3"));
    // Buckets are cumulative and +Inf is the count (expositionProblems checked both); stand-ins answer in well under 1 s.
    const within1s = valueOf(after, "uptime_kuma_api_latency_seconds_bucket", { node_id: "node1", le: "1" });
    const inf = valueOf(after, "uptime_kuma_api_latency_seconds_bucket", { node_id: "node1", le: "+Inf" });
    assert.equal(within1s, inf);
    assert.ok((valueOf(after, "uptime_kuma_api_latency_seconds_sum", { node_id: "node1" }) ?? -1) >= 0);
    assert.equal(valueOf(after, "kuma_router_retries_total", { node_id: "node1" }), undefined, "no retry happened");
  });

  test("a socket.io long-poll stays out of the latency histogram; quick socket.io requests count", async () => {
    const cookie = "KUMA_FIXED_NODE=node3";
    const count = (f: Map<string, Family>, le?: string): number =>
      (le === undefined
        ? valueOf(f, "uptime_kuma_api_latency_seconds_count", { node_id: "node3" })
        : valueOf(f, "uptime_kuma_api_latency_seconds_bucket", { node_id: "node3", le })) ?? 0;
    const before = await scrape(c);
    // Engine.IO: the handshake answers at once; the next GET is held until the server has a
    // packet, which the POSTed CONNECT ("40") produces here 600 ms later.
    const handshake = await (await get(c, "/socket.io/?EIO=4&transport=polling", cookie)).text();
    const sid = (JSON.parse(handshake.slice(1)) as { sid: string }).sid;
    const started = Date.now();
    const held = get(c, `/socket.io/?EIO=4&transport=polling&sid=${sid}`, cookie);
    await sleep(600);
    const post = await fetch(`${c.router.publicUrl}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "text/plain;charset=UTF-8" },
      body: "40",
    });
    assert.equal(post.status, 200);
    assert.equal((await held).status, 200);
    assert.ok(Date.now() - started >= 500, "the poll was held");
    const f = await eventually(c, "three socket.io decisions", (x) => decisions(x, "fixed-node") === decisions(before, "fixed-node") + 3);
    assert.equal(count(f) - count(before), 2, "the handshake and the POST count, the held poll does not");
    assert.equal(count(f, "0.25") - count(before, "0.25"), 2);
  });

  test("open WebSockets are counted while open and uncounted when closed", async () => {
    const ws = (f: Map<string, Family>): number | undefined => valueOf(f, "uptime_kuma_websocket_connections", { node_id: "node2" });
    const a = await webSocket(c, "KUMA_FIXED_NODE=node2");
    const b = await webSocket(c, "KUMA_FIXED_NODE=node2");
    try {
      await eventually(c, "two open", (f) => ws(f) === 2);
      const page = await (await fetch(`${c.router.statusUrl}/lb/status.html`)).text();
      assert.match(page, /node2<\/span>.*?<td class="num">2<\/td><td>/s, "the status page shows them too");
      a.close();
      await eventually(c, "one left", (f) => ws(f) === 1);
    } finally {
      a.close();
      b.close();
    }
    await eventually(c, "none left", (f) => ws(f) === 0);
  });

  test("no label value ever carries a token, a monitor id or a cookie value, even after hostile requests", async () => {
    const hostile = [
      ["/api/push/SeCrEtPushTok3n?msg=x", undefined],
      ["/api/badge/987654/status", undefined],
      ["/api/v1/monitors/123456789", "KUMA_FIXED_NODE=node1"],
      ["/api/push/tok1", 'KUMA_FIXED_NODE=evil"} 1%0Aforged_metric 1'],
      ["/", "KUMA_FIXED_NODE=<script>x</script>"],
      ["/", "KUMA_FIXED_NODE=uptime-kuma-node1:3001"],
      ["/", "KUMA_FIXED_NODE=node1%7Cowner; session=c00kieSecret"],
      ['/"quoted"/path?a="b"', "KUMA_FIXED_NODE=node9"],
    ] as const;
    for (const [path, cookie] of hostile) await get(c, path, cookie);
    await sleep(1200);
    const res = await fetch(`${c.router.statusUrl}/metrics`);
    const body = await res.text();
    for (const secret of [
      "SeCrEtPushTok3n",
      "987654",
      "123456789",
      "evil",
      "forged_metric",
      "script",
      "c00kieSecret",
      "node9",
      "quoted",
      "uptime-kuma-node1",
    ]) {
      assert.ok(!body.includes(secret), `/metrics shows ${secret}`);
    }
    const allowed = new Set([...NODES, ...REASONS, "up", "down", "fresh", "stale", "failed"]);
    for (const v of labelValues(parseExposition(body))) assert.ok(allowed.has(v), `label value ${JSON.stringify(v)}`);
    const log = c.router.errorLog();
    for (const secret of ["SeCrEtPushTok3n", "c00kieSecret", "forged_metric", c.routerEnvironment.DB_PASSWORD])
      assert.ok(!log.includes(secret), `error.log shows ${secret}`);
  });

  test("the status page: HTML for a browser, JSON otherwise, on the internal listener", async () => {
    const html = await fetch(`${c.router.statusUrl}/lb/status`, { headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    assert.equal(html.status, 200);
    assert.equal(html.headers.get("content-type"), "text/html; charset=utf-8");
    assert.match(html.headers.get("content-security-policy") ?? "", /default-src 'none'/);
    const page = await html.text();
    for (const id of NODES) assert.match(page, new RegExp(`<span class="id">${id}</span>`));
    assert.match(page, /3 of 3 up/);
    const json = await fetch(`${c.router.statusUrl}/lb/status`);
    assert.equal(json.headers.get("content-type"), "application/json");
    assert.equal(((await json.json()) as { nodes: unknown[] }).nodes.length, 3);
    assert.equal(
      (await fetch(`${c.router.statusUrl}/lb/status.json`, { headers: { Accept: "text/html" } })).headers.get("content-type"),
      "application/json",
    );
  });

  test("the JSON and the page come from one view: a registered node whose host does not parse is down in both", async () => {
    type Status = { expectedNodes: number; nodes: { id: string; host?: string; registry: string; health: string; owned: number }[] };
    await c.db.execute(
      "INSERT INTO node (node_id, node_name, host, status, last_seen) VALUES ('node7', 'node7', 'no port here', 'online', NOW())",
    );
    try {
      await c.settle();
      const json = (await (await fetch(`${c.router.statusUrl}/lb/status.json`)).json()) as Status;
      const page = await (await fetch(`${c.router.statusUrl}/lb/status.html`)).text();
      const node7 = json.nodes.find((n) => n.id === "node7");
      assert.deepEqual(node7 && [node7.registry, node7.health, node7.host], ["online", "down", undefined]);
      const up = json.nodes.filter((n) => n.health === "up").length;
      assert.equal(up, 3);
      assert.match(page, new RegExp(`${up} of ${json.nodes.length} up`));
      for (const n of json.nodes) {
        const row = new RegExp(
          `<span class="id">${n.id}</span>.*?</td><td><span class="pill \\w+">${n.health}</span></td><td><span class="pill \\w+">${n.registry}</span></td><td class="num">${n.owned}<`,
        );
        assert.match(page, row, n.id);
      }
    } finally {
      await c.db.execute("DELETE FROM node WHERE node_id = 'node7'");
      await c.settle();
    }
  });

  test("node status flips when a node stops, and each verdict change is counted once", async () => {
    const status = (f: Map<string, Family>): number | undefined => valueOf(f, "uptime_kuma_node_status", { node_id: "node3" });
    const moved = (f: Map<string, Family>, to: string): number =>
      valueOf(f, "kuma_router_health_transitions_total", { node_id: "node3", to }) ?? 0;
    const before = await scrape(c);
    await c.stopNode(2);
    const down = await eventually(c, "node3 down", (f) => status(f) === 0 && moved(f, "down") === moved(before, "down") + 1);
    assert.equal(valueOf(down, "uptime_kuma_node_status", { node_id: "node1" }), 1);
    await c.startNode(2);
    const up = await eventually(c, "node3 up", (f) => status(f) === 1 && moved(f, "up") === moved(before, "up") + 1);
    assert.equal(moved(up, "down"), moved(before, "down") + 1, "one transition down, not one per probe");
  });

  test("every node failing its checks: requests routed by the registry are counted and logged", async () => {
    const before = await scrape(c);
    for (const n of c.nodes.values()) n.setHealth("503");
    try {
      await eventually(c, "all down", (f) => NODES.every((id) => valueOf(f, "uptime_kuma_node_status", { node_id: id }) === 0));
      for (let i = 0; i < 4; i++) assert.match((await get(c, "/api/push/tok1")).headers.get("x-routed-via") ?? "", /all-down-fallback/);
      await eventually(
        c,
        "fallbacks counted",
        (f) =>
          (valueOf(f, "kuma_router_all_down_fallback_total") ?? 0) >= (valueOf(before, "kuma_router_all_down_fallback_total") ?? 0) + 4,
      );
      const lines = c.router
        .errorLog()
        .split("\n")
        .filter((l) => l.includes("routing anomaly: all-down-fallback node=node1 reason=owner"));
      assert.ok(lines.length >= 1 && lines.length <= 2, `one line per worker per interval, got ${lines.length}`);
    } finally {
      for (const n of c.nodes.values()) n.setHealth("ok");
    }
    await eventually(c, "all up again", (f) => NODES.every((id) => valueOf(f, "uptime_kuma_node_status", { node_id: id }) === 1));
  });

  test("nginx's own 502 for a dead node is JSON and still counted: the log phase runs in the error page", async () => {
    const count = (f: Map<string, Family>): number => valueOf(f, "uptime_kuma_api_latency_seconds_count", { node_id: "node3" }) ?? 0;
    const before = await scrape(c);
    // node3: online in the registry, its process gone. The probes need three misses (0.6 s) to
    // call it down; the POST goes first, and a POST is never retried on another node.
    await c.stopNode(2);
    try {
      const res = await fetch(`${c.router.publicUrl}/api/v1/anything`, {
        method: "POST",
        headers: { Cookie: "KUMA_FIXED_NODE=node3" },
        body: "x",
      });
      assert.equal(res.status, 502);
      assert.equal(res.headers.get("content-type"), "application/json");
      assert.equal(res.headers.get("x-routed-to"), "node3");
      assert.equal(((await res.json()) as { error: string }).error, "node_unreachable");
      await eventually(c, "the 502 counted for node3", (f) => count(f) - count(before) === 1);
    } finally {
      await c.startNode(2);
      await eventually(c, "node3 up again", (f) => valueOf(f, "uptime_kuma_node_status", { node_id: "node3" }) === 1);
    }
  });
});

describe("retries and re-pins (slow probes: only proxied traffic sees the failure)", () => {
  let c: Cluster;
  before(async () => {
    c = await startCluster({ world: "compose", nodes: 3, routerEnv: { HEALTH_CHECK_INTERVAL: "30" } });
  });
  after(async () => {
    assert.deepEqual(luaErrors(c.router.errorLog()), []);
    await c.stop();
  });

  test("a retry is counted against the node that failed, a re-pin by reason, each logged with node ids", async () => {
    await c.stopNode(1); // node2: online in the registry, its process gone
    // The first requests are retried elsewhere; once the failures took node2 down (passive
    // reports, and the probes they trigger), the browser is pinned anew.
    const vias: string[] = [];
    for (const deadline = Date.now() + 15_000; vias[vias.length - 1] !== "re-pin" && Date.now() < deadline; await sleep(100)) {
      const r = await get(c, "/dashboard", "KUMA_FIXED_NODE=node2");
      assert.equal(r.status, 200);
      vias.push(r.headers.get("x-routed-via") ?? "");
    }
    assert.equal(vias[vias.length - 1], "re-pin", "node2 was taken down and the browser pinned anew");
    const f = await eventually(
      c,
      `retries and re-pins (routed via ${vias.join(" ")})`,
      (x) => (valueOf(x, "kuma_router_retries_total", { node_id: "node2" }) ?? 0) >= 1 && decisions(x, "re-pin") >= 1,
    );
    assert.equal(valueOf(f, "uptime_kuma_node_status", { node_id: "node2" }), 0);
    const log = c.router.errorLog();
    assert.match(log, /routing anomaly: retry node=node2 to=node[13] reason=fixed-node/);
    assert.match(log, /routing anomaly: re-pin node=node[13] from=node2/);
    const retryLines = log.split("\n").filter((l) => l.includes("routing anomaly: retry node=node2"));
    assert.ok(retryLines.length <= 2, `at most one line per worker per interval, got ${retryLines.length}`);
  });
});

describe("ROUTER_METRICS", () => {
  test("false: no /metrics, the status page says the counts are off, routing unchanged", async () => {
    const c = await startCluster({ world: "compose", nodes: 1, routerEnv: { ROUTER_METRICS: "false" } });
    try {
      assert.equal((await get(c, "/")).status, 200);
      assert.equal((await fetch(`${c.router.statusUrl}/metrics`)).status, 404);
      const page = await (await fetch(`${c.router.statusUrl}/lb/status.html`)).text();
      assert.equal((page.match(/>off</g) ?? []).length, 2);
      assert.deepEqual(luaErrors(c.router.errorLog()), []);
    } finally {
      await c.stop();
    }
  });

  test("a malformed value stops startup with the variable named", () => {
    const r = spawnSync(join(ROOT, "scripts", "router.sh"), [], {
      env: routerEnv({ ROUTER_METRICS: "maybe", ROUTER_LISTEN: "127.0.0.1:18094", ROUTER_STATUS_LISTEN: "127.0.0.1:19154" }),
      encoding: "utf8",
      timeout: 30_000,
    });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /ROUTER_METRICS=maybe: expected true or false/);
  });

  test("a router without a snapshot still serves /metrics, with the age at -1", async (t) => {
    const router = await startRouter({ DB_HOST: "127.0.0.1", DB_PORT: "9", DB_TIMEOUT: "200" });
    t.after(() => router.stop());
    let f = new Map<string, Family>();
    for (let i = 0; i < 50 && valueOf(f, "kuma_router_snapshot_sync_failing") !== 1; i++) {
      f = parseExposition(await (await fetch(`${router.statusUrl}/metrics`)).text());
      await sleep(100);
    }
    assert.equal(valueOf(f, "kuma_router_snapshot_sync_failing"), 1);
    assert.equal(valueOf(f, "kuma_router_snapshot_age_seconds"), -1);
    // Requests it cannot route are answered by the router itself, and counted.
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${router.publicUrl}/dashboard`)).status, 503);
    for (let i = 0; i < 30 && (valueOf(f, "kuma_router_rejected_requests_total") ?? 0) < 3; i++) {
      await sleep(100);
      f = parseExposition(await (await fetch(`${router.statusUrl}/metrics`)).text());
    }
    assert.equal(valueOf(f, "kuma_router_rejected_requests_total"), 3);
    assert.equal(valueOf(f, "kuma_router_decisions_total", { reason: "least-loaded" }), 0);
    assert.equal((await fetch(`${router.statusUrl}/lb/status.html`)).status, 503);
  });
});
