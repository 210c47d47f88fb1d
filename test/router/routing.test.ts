// docs/routing.md#the-decision, rule by rule, end to end: real nginx running the generated Lua, real MariaDB,
// stand-in nodes on their own loopback addresses found through the test DNS server.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { CHECKS_NEVER_DOWN, Cluster, startCluster } from "../../harness/cluster";
import { luaErrors } from "../../harness/router";

interface Routed {
  status: number;
  node: string | null;
  routedTo: string | null;
  via: string | null;
  setCookie: string | null;
  contentType: string | null;
  body: string;
}

/** The one loopback address this suite's router trusts as a proxy in front of it. */
const TRUSTED_PROXY = "127.0.0.77";

/** A GET sent from TRUSTED_PROXY's address: status and Set-Cookie. */
function fromTrustedProxy(
  cluster: Cluster,
  path: string,
  headers: http.OutgoingHttpHeaders,
): Promise<{ status: number; setCookie: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${cluster.router.publicUrl}${path}`, { headers, localAddress: TRUSTED_PROXY, agent: false });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers["set-cookie"]?.[0] }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The headers `nodeId` received with its last request for `path`. */
function receivedBy(cluster: Cluster, nodeId: string, path: string): http.IncomingHttpHeaders {
  const seen = (cluster.nodes.get(nodeId)?.requests() ?? []).filter((r) => r.path === path);
  assert.ok(seen.length > 0, `${nodeId} got no request for ${path}`);
  return seen[seen.length - 1].headers;
}

async function get(cluster: Cluster, path: string, init: RequestInit & { cookie?: string } = {}): Promise<Routed> {
  const headers = new Headers(init.headers);
  if (init.cookie !== undefined) headers.set("Cookie", init.cookie);
  const res = await fetch(`${cluster.router.publicUrl}${path}`, { ...init, headers, redirect: "manual" });
  return {
    status: res.status,
    node: res.headers.get("x-kuma-node"),
    routedTo: res.headers.get("x-routed-to"),
    via: res.headers.get("x-routed-via"),
    setCookie: res.headers.get("set-cookie"),
    contentType: res.headers.get("content-type"),
    body: await res.text(),
  };
}

describe("routing in a Compose cluster (node1 primary, three nodes)", () => {
  let c: Cluster;
  before(async () => {
    c = await startCluster({
      world: "compose",
      nodes: 3,
      routerEnv: { ...CHECKS_NEVER_DOWN, ROUTER_TRUSTED_PROXIES: `${TRUSTED_PROXY}/32` },
    });
    // node1 owns 2 monitors, node2 owns 1, node3 none.
    await c.addMonitor(1, "node1", "tok1");
    await c.addMonitor(2, "node1");
    await c.addMonitor(3, "node2", "tok3");
    await c.settle();
  });
  after(async () => {
    assert.deepEqual(luaErrors(c.router.errorLog()), []);
    await c.stop();
  });

  test("own endpoints: the router answers its own endpoints; internal ones only on the internal listener", async () => {
    assert.equal((await get(c, "/lb/health")).status, 200);
    assert.equal((await get(c, "/lb/ready")).status, 200);
    assert.equal((await get(c, "/lb/status")).status, 404);
    const status = await fetch(`${c.router.statusUrl}/lb/status`);
    assert.equal(status.status, 200);
    const body = (await status.json()) as { nodes: { id: string; owned: number }[]; snapshot: { version: number } };
    assert.deepEqual(
      body.nodes.map((n) => [n.id, n.owned]),
      [
        ["node1", 2],
        ["node2", 1],
        ["node3", 0],
      ],
    );
    assert.ok(body.snapshot.version >= 1);
  });

  test("least loaded: a new browser goes to the least-loaded node and is pinned with the cookie", async () => {
    const r = await get(c, "/dashboard");
    assert.equal(r.status, 200);
    assert.equal(r.node, "node3");
    assert.equal(r.routedTo, "node3");
    assert.equal(r.via, "least-loaded");
    assert.equal(r.setCookie, "KUMA_FIXED_NODE=node3; Path=/; Max-Age=604800; HttpOnly; SameSite=Lax");
  });

  test("least loaded: the cookie is Secure when a trusted proxy says the browser came over TLS, not when a client says so", async () => {
    const proxied = await fromTrustedProxy(c, "/", { "X-Forwarded-Proto": "https" });
    assert.match(proxied.setCookie ?? "", /; Secure$/);
    const claimed = await get(c, "/", { headers: { "X-Forwarded-Proto": "https" } });
    assert.match(claimed.setCookie ?? "", /^KUMA_FIXED_NODE=node\d; /);
    assert.doesNotMatch(claimed.setCookie ?? "", /Secure/);
  });

  test("forwarded headers: kept (and appended to) from a trusted proxy, replaced from anyone else", async () => {
    const claims = {
      "X-Forwarded-For": "203.0.113.9",
      "X-Forwarded-Proto": "https",
      "X-Forwarded-Host": "kuma.example.com",
      "X-Forwarded-Port": "443",
      Forwarded: "for=203.0.113.9;host=kuma.example.com;proto=https",
      Cookie: "KUMA_FIXED_NODE=node1",
    };
    assert.equal((await get(c, "/forwarded-direct", { headers: claims })).node, "node1");
    const direct = receivedBy(c, "node1", "/forwarded-direct");
    assert.equal(direct["x-forwarded-for"], "127.0.0.1");
    assert.equal(direct["x-forwarded-proto"], "http");
    assert.equal(direct["x-real-ip"], "127.0.0.1");
    assert.deepEqual([direct["x-forwarded-host"], direct["x-forwarded-port"], direct.forwarded], [undefined, undefined, undefined]);
    assert.equal((await fromTrustedProxy(c, "/forwarded-proxied", claims)).status, 200);
    const proxied = receivedBy(c, "node1", "/forwarded-proxied");
    assert.equal(proxied["x-forwarded-for"], `203.0.113.9, ${TRUSTED_PROXY}`);
    assert.equal(proxied["x-forwarded-proto"], "https");
    assert.equal(proxied["x-real-ip"], TRUSTED_PROXY);
    assert.equal(proxied["x-forwarded-host"], "kuma.example.com");
    assert.equal(proxied["x-forwarded-port"], "443");
    assert.equal(proxied.forwarded, "for=203.0.113.9;host=kuma.example.com;proto=https");
  });

  test("Host reaches the node as the client sent it, port included, directly and from a trusted proxy", async () => {
    const publicHost = new URL(c.router.publicUrl).host;
    assert.equal((await get(c, "/host-direct", { cookie: "KUMA_FIXED_NODE=node1" })).node, "node1");
    assert.equal(receivedBy(c, "node1", "/host-direct").host, publicHost);
    // An Ingress passes the browser's Host through; Uptime Kuma compares it with Origin.
    assert.equal(
      (await fromTrustedProxy(c, "/host-proxied", { Host: "kuma.example.com:8443", Cookie: "KUMA_FIXED_NODE=node1" })).status,
      200,
    );
    assert.equal(receivedBy(c, "node1", "/host-proxied").host, "kuma.example.com:8443");
  });

  test("fixed node: a cookie naming a healthy node keeps the browser there", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await get(c, "/socket.io/?EIO=4&transport=polling", { cookie: "KUMA_FIXED_NODE=node1" });
      assert.equal(r.node, "node1");
      assert.equal(r.via, "fixed-node");
      assert.equal(r.setCookie, null);
    }
  });

  test("fixed node: an unknown or malformed cookie is replaced and never used as an address", async () => {
    for (const value of ["node9", "127.0.0.1:22", "evil.example.com", "../node1", "", "uptime-kuma-node1:3001"]) {
      const r = await get(c, "/", { cookie: `KUMA_FIXED_NODE=${value}` });
      assert.equal(r.status, 200, value);
      // A new pin: to a registered node near the least-loaded one (new browsers spread).
      assert.ok(["node1", "node2", "node3"].includes(r.node ?? ""), `${value}: ${r.node}`);
      assert.equal(r.via, "least-loaded", value);
      assert.match(r.setCookie ?? "", new RegExp(`^KUMA_FIXED_NODE=${r.node};`), value);
    }
  });

  test("a burst of new browsers spreads over the nodes near the least-loaded one", async () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 30; i++) {
      const r = await get(c, "/burst");
      assert.equal(r.via, "least-loaded");
      counts[r.node ?? ""] = (counts[r.node ?? ""] ?? 0) + 1;
    }
    // node1 has 2 monitors, node2 1, node3 0: all within the margin (2), so all three take some.
    assert.deepEqual(Object.keys(counts).sort(), ["node1", "node2", "node3"], JSON.stringify(counts));
    for (const n of Object.values(counts)) assert.ok(n >= 5, JSON.stringify(counts));
  });

  test("monitor owner: a push goes to the monitor's owner, whatever the cookie says", async () => {
    const r = await get(c, "/api/push/tok3?status=up", { cookie: "KUMA_FIXED_NODE=node1" });
    assert.equal(r.node, "node2");
    assert.equal(r.via, "owner");
    assert.equal(r.setCookie, null);
    const post = await get(c, "/api/push/tok1", { method: "POST" });
    assert.equal(post.node, "node1");
  });

  test("monitor owner: badge and REST monitor ids go to the owner", async () => {
    assert.equal((await get(c, "/api/badge/3/status")).node, "node2");
    assert.equal((await get(c, "/api/badge/1/uptime/24")).node, "node1");
    assert.equal((await get(c, "/api/v1/monitors/2")).node, "node1");
  });

  test("monitor owner: a monitor created after the last sync is routed to its owner", async () => {
    await c.addMonitor(40, "node2", "fresh-token");
    const r = await get(c, "/api/push/fresh-token");
    assert.equal(r.node, "node2");
    assert.equal(r.via, "owner");
  });

  test("monitor owner: failover: assigned_node overrides node_id once the router has synced", async () => {
    await c.db.execute("UPDATE monitor SET assigned_node = 'node3' WHERE id = 1");
    await c.settle();
    assert.equal((await get(c, "/api/push/tok1")).node, "node3");
    await c.db.execute("UPDATE monitor SET assigned_node = NULL WHERE id = 1");
    await c.settle();
    assert.equal((await get(c, "/api/push/tok1")).node, "node1");
  });

  test("retries: an idempotent request to a dead node is retried once on another; a POST is not", async () => {
    await c.stopNode(1); // node2: still online in the registry, its process gone
    try {
      const r = await get(c, "/dashboard", { cookie: "KUMA_FIXED_NODE=node2" });
      assert.equal(r.status, 200);
      assert.notEqual(r.node, "node2");
      assert.equal(r.routedTo, r.node);
      assert.equal(r.via, "fixed-node,retry");
      assert.match(r.setCookie ?? "", new RegExp(`^KUMA_FIXED_NODE=${r.node};`));
      const post = await get(c, "/api/v1/anything", { method: "POST", cookie: "KUMA_FIXED_NODE=node2", body: "x" });
      assert.equal(post.status, 502);
      // nginx's own answer for the dead node: JSON like the router's, still naming the node.
      assert.equal(post.contentType, "application/json");
      assert.equal((JSON.parse(post.body) as { error: string }).error, "node_unreachable");
      assert.equal(post.routedTo, "node2");
      assert.equal(post.via, "fixed-node");
    } finally {
      await c.startNode(1);
    }
  });

  test("fixed node: a pinned node that went offline: the browser is re-pinned", async () => {
    await c.stopNode(2, true); // node3 deregisters: offline in the registry at once
    try {
      await c.settle();
      const r = await get(c, "/", { cookie: "KUMA_FIXED_NODE=node3" });
      assert.equal(r.via, "re-pin");
      // node1 and node2 own two monitors each by now: the tie goes to the lower id.
      assert.equal(r.node, "node1");
      assert.match(r.setCookie ?? "", /^KUMA_FIXED_NODE=node1;/);
      const push = await get(c, "/api/push/tok3");
      assert.equal(push.node, "node2");
    } finally {
      await c.startNode(2);
      await c.settle();
    }
  });

  test("/lb/fixed-node endpoints: set (validated against the registry), status, clear", async () => {
    const set = await get(c, "/lb/fixed-node/node2");
    assert.equal(set.status, 200);
    assert.match(set.setCookie ?? "", /^KUMA_FIXED_NODE=node2;/);
    assert.equal((await get(c, "/lb/fixed-node/node9")).status, 404);
    assert.equal((await get(c, "/lb/fixed-node/..%2Fetc")).status, 404);
    const status = JSON.parse((await get(c, "/lb/fixed-node", { cookie: "KUMA_FIXED_NODE=node2" })).body);
    assert.deepEqual(status, { fixedNode: "node2", online: true, healthy: true });
    const clear = await get(c, "/lb/clear-fixed-node");
    assert.match(clear.setCookie ?? "", /^KUMA_FIXED_NODE=; Path=\/; Max-Age=0/);
    const available = JSON.parse((await get(c, "/lb/available-nodes")).body) as { nodes: { id: string }[] };
    assert.deepEqual(
      available.nodes.map((n) => n.id),
      ["node1", "node2", "node3"],
    );
    assert.doesNotMatch(JSON.stringify(available), /127\.|3001/);
  });
});

describe("routing before setup and with no nodes", () => {
  test("setup: setup unfinished: every request goes to the primary", async () => {
    const c = await startCluster({ world: "compose", nodes: 3, setupComplete: false });
    try {
      for (const path of ["/", "/setup", "/socket.io/?EIO=4&transport=polling"]) {
        const r = await get(c, path, { cookie: "KUMA_FIXED_NODE=node3" });
        assert.equal(r.node, "node1", path);
        assert.equal(r.via, "setup");
      }
      await c.db.execute("INSERT INTO `user` (username) VALUES ('admin')");
      await c.settle();
      assert.equal((await get(c, "/", { cookie: "KUMA_FIXED_NODE=node3" })).node, "node3");
    } finally {
      await c.stop();
    }
  });

  test("candidates: no registered node: 503 with a JSON body, nothing proxied", async () => {
    const c = await startCluster({ world: "compose", nodes: 0 });
    try {
      const r = await get(c, "/");
      assert.equal(r.status, 503);
      assert.equal(JSON.parse(r.body).error, "no_node_available");
      // Empty lists stay JSON lists (an empty Lua table would encode as {}).
      const status = (await (await fetch(`${c.router.statusUrl}/lb/status`)).json()) as { nodes: unknown };
      assert.deepEqual(status.nodes, []);
      assert.deepEqual(JSON.parse((await get(c, "/lb/available-nodes")).body), { nodes: [] });
    } finally {
      await c.stop();
    }
  });
});

describe("routing in a Kubernetes cluster (StatefulSet pods, FQDN hosts)", () => {
  let c: Cluster;
  before(async () => {
    c = await startCluster({ world: "kubernetes", nodes: 3, setupComplete: false });
  });
  after(async () => {
    assert.deepEqual(luaErrors(c.router.errorLog()), []);
    await c.stop();
  });

  test("primary rule: pod 0 is primary by index; pod 0 down sends primary traffic to pod 1", async () => {
    const r = await get(c, "/setup");
    assert.equal(r.node, "uptime-kuma-0");
    await c.stopNode(0, true);
    await c.settle();
    const next = await get(c, "/setup");
    assert.equal(next.node, "uptime-kuma-1");
    await c.startNode(0);
    await c.settle();
    assert.equal((await get(c, "/setup")).node, "uptime-kuma-0");
  });

  test("nodes are reached through their headless-Service FQDN, as the registry has it", async () => {
    const fqdn = "uptime-kuma-0.uptime-kuma-headless.kuma-test.svc.cluster.local";
    assert.equal((await get(c, "/setup")).node, "uptime-kuma-0");
    assert.ok(c.dns.queryCount(fqdn) >= 1, "the pod's FQDN was resolved");
    // Only registry names were ever asked for: no search-suffixed or request-derived names.
    const asked = new Set(c.dns.queries().map((q) => q.name));
    for (const name of asked) assert.match(name, /^uptime-kuma-\d\.uptime-kuma-headless\.kuma-test\.svc\.cluster\.local\.?$/);
    const status = (await (await fetch(`${c.router.statusUrl}/lb/status`)).json()) as { nodes: { id: string; host: string }[] };
    assert.equal(
      status.nodes.find((n) => n.id === "uptime-kuma-2")?.host,
      "uptime-kuma-2.uptime-kuma-headless.kuma-test.svc.cluster.local:3001",
    );
  });
});
