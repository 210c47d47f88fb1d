// A 60 s database outage under traffic, cut for real: the router reaches MariaDB through a TCP
// relay in this process that first refuses connections (server down) and then accepts and
// never answers (network partition). Requests never wait on the database: routing to known
// nodes and monitors goes on from the last snapshot with no failure, the snapshot's age and
// the error show in /lb/status, the error is logged once (then once a minute), recovery needs
// nobody, and a router started during the outage says so in JSON until it can route.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { Cluster, sleep, startCluster } from "../../harness/cluster";
import { Router, luaErrors, startRouter } from "../../harness/router";

const SYNC_INTERVAL_S = 0.5;
/** The router's DB timeout: a request that waited on the database would take at least this. */
const DB_TIMEOUT_MS = 3000;
/**
 * 60 s as the issue requires: the first half refuses connections, the second half swallows
 * them. OUTAGE_TEST_MS shortens it when checking that the test can fail.
 */
const OUTAGE_MS = Number(process.env.OUTAGE_TEST_MS ?? 60_000);
const LOAD_CONCURRENCY = 4;
const REQUEST_TIMEOUT_MS = 10_000;
/** The sync logs the first failure, then at most once a minute. */
const REPEAT_ERROR_EVERY_MS = 60_000;
const SYNC_FAILED = "snapshot sync failed";

type RelayMode = "open" | "refuse" | "blackhole";

/** A TCP relay to MariaDB that can be cut (refuse, or accept and stay silent) and restored. */
class DbRelay {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly sockets = new Set<net.Socket>();
  private mode: RelayMode = "open";
  private listening = false;
  port = 0;
  /** Connections the routers opened, per mode they arrived in. */
  readonly accepted: Record<RelayMode, number> = { open: 0, refuse: 0, blackhole: 0 };
  /** Most connections held silent at once while partitioned. */
  heldPeak = 0;

  constructor(private readonly upstream: { host: string; port: number }) {}

  async start(): Promise<void> {
    await this.listen();
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** refuse: every socket closed, nothing listening. blackhole: new connections held silent. */
  async cut(mode: "refuse" | "blackhole"): Promise<void> {
    this.mode = mode;
    this.dropAll();
    if (mode === "refuse") await this.unlisten();
    else await this.listen();
  }

  /** The partition heals: held sockets are reset (as their TCP state would be), new ones relay. */
  async restore(): Promise<void> {
    this.mode = "open";
    this.dropAll();
    await this.listen();
  }

  async stop(): Promise<void> {
    this.dropAll();
    await this.unlisten();
  }

  private accept(client: net.Socket): void {
    this.accepted[this.mode]++;
    this.track(client);
    if (this.mode !== "open") {
      this.heldPeak = Math.max(this.heldPeak, this.sockets.size);
      return;
    }
    const upstream = net.connect(this.upstream.port, this.upstream.host);
    this.track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const close = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close);
    upstream.on("close", close);
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => this.sockets.delete(socket));
  }

  private dropAll(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  private listen(): Promise<void> {
    if (this.listening) return Promise.resolve();
    this.listening = true;
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.port, "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve();
      });
    });
  }

  private unlisten(): Promise<void> {
    if (!this.listening) return Promise.resolve();
    this.listening = false;
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Probe {
  what: string;
  path: string;
  method: "GET" | "POST";
  cookie?: string;
  /** The node that must serve it, or the nodes that may (a new session spreads over them). */
  expect: string | string[];
}

function expected(p: Probe, node: string | null | undefined): boolean {
  return typeof p.expect === "string" ? node === p.expect : p.expect.includes(node ?? "");
}

interface LoadStats {
  requests: number;
  failures: number;
  /** The first few failures, described. */
  samples: string[];
  latenciesMs: number[];
}

async function send(router: Router, p: Probe): Promise<{ status: number; routedTo: string | null; node: string | null; body: string }> {
  const headers: Record<string, string> = p.cookie === undefined ? {} : { Cookie: p.cookie };
  const res = await fetch(`${router.publicUrl}${p.path}`, {
    method: p.method,
    headers,
    body: p.method === "POST" ? "{}" : undefined,
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: res.status, routedTo: res.headers.get("x-routed-to"), node: res.headers.get("x-kuma-node"), body: await res.text() };
}

/** LOAD_CONCURRENCY clients cycling through `probes` until `running()` turns false. */
async function load(router: Router, probes: Probe[], running: () => boolean): Promise<LoadStats> {
  const stats: LoadStats = { requests: 0, failures: 0, samples: [], latenciesMs: [] };
  let next = 0;
  const client = async (): Promise<void> => {
    while (running()) {
      const p = probes[next++ % probes.length];
      const started = performance.now();
      let problem: string | undefined;
      try {
        const r = await send(router, p);
        if (r.status !== 200 || !expected(p, r.routedTo) || r.node !== r.routedTo) {
          problem = `${p.what}: ${r.status} routed to ${r.routedTo} served by ${r.node}, expected ${p.expect}: ${r.body.slice(0, 200)}`;
        }
      } catch (e) {
        problem = `${p.what}: ${(e as Error).message}`;
      }
      stats.latenciesMs.push(performance.now() - started);
      stats.requests++;
      if (problem !== undefined) {
        stats.failures++;
        if (stats.samples.length < 5) stats.samples.push(problem);
      }
    }
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, client));
  return stats;
}

interface SnapshotState {
  version: number;
  ageS?: number;
  lastError?: string;
  failingSinceS?: number;
}

async function snapshotState(router: Router): Promise<{ status: number; snapshot: SnapshotState }> {
  const res = await fetch(`${router.statusUrl}/lb/status`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return { status: res.status, snapshot: ((await res.json()) as { snapshot: SnapshotState }).snapshot };
}

/** Polls until `ok` returns true; resolves with the milliseconds it took. */
async function timeUntil(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!(await ok().catch(() => false))) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
  return performance.now() - started;
}

const count = (log: string, needle: string): number => log.split("\n").filter((l) => l.includes(needle)).length;

/** Lua errors other than the sync failures this test provokes on purpose. */
const unexpectedErrors = (log: string): string[] => luaErrors(log).filter((l) => !l.includes(SYNC_FAILED));

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

// node1 owns one monitor, node2 two, node3 three: node1 is least-loaded until node4 appears.
const MONITORS: { id: number; owner: string; token: string }[] = [
  { id: 1, owner: "node1", token: "tok1" },
  { id: 2, owner: "node2", token: "tok2" },
  { id: 3, owner: "node2", token: "tok3" },
  { id: 4, owner: "node3", token: "tok4" },
  { id: 5, owner: "node3", token: "tok5" },
  { id: 6, owner: "node3", token: "tok6" },
];

const PROBES: Probe[] = [
  ...["node1", "node2", "node3"].map((n): Probe => ({
    what: `pinned to ${n}`,
    path: "/dashboard",
    method: "GET",
    cookie: `KUMA_FIXED_NODE=${n}`,
    expect: n,
  })),
  ...MONITORS.map((m): Probe => ({
    what: `push ${m.token}`,
    path: `/api/push/${m.token}?status=up&msg=OK`,
    method: "GET",
    expect: m.owner,
  })),
  ...MONITORS.map((m): Probe => ({ what: `POST push ${m.token}`, path: `/api/push/${m.token}`, method: "POST", expect: m.owner })),
  ...MONITORS.map((m): Probe => ({ what: `badge ${m.id}`, path: `/api/badge/${m.id}/status`, method: "GET", expect: m.owner })),
];

let c: Cluster;
let relay: DbRelay;
let late: Router | undefined;

before(async () => {
  relay = new DbRelay({ host: process.env.TEST_DB_HOST ?? "127.0.0.1", port: Number(process.env.TEST_DB_PORT ?? 3306) });
  await relay.start();
  c = await startCluster({
    world: "compose",
    nodes: 3,
    routerEnv: {
      DB_HOST: "127.0.0.1",
      DB_PORT: String(relay.port),
      DB_TIMEOUT: String(DB_TIMEOUT_MS),
      ROUTER_SYNC_INTERVAL: String(SYNC_INTERVAL_S),
    },
  });
  for (const m of MONITORS) await c.addMonitor(m.id, m.owner, m.token);
  await c.settle();
});

after(async () => {
  await late?.stop();
  await c?.stop();
  await relay?.stop();
});

test("a 60 s database outage: routing goes on, the age shows, one log line, recovery by itself", async () => {
  // Before: everything routes, and new sessions go to the known nodes near the least-loaded
  // one (node1; all three are within the margin, so new sessions spread over them).
  for (const p of PROBES) assert.ok(expected(p, (await send(c.router, p)).routedTo), p.what);
  const newSession: Probe = { what: "new session", path: "/dashboard", method: "GET", expect: ["node1", "node2", "node3"] };
  assert.ok(expected(newSession, (await send(c.router, newSession)).routedTo));
  const logBefore = c.router.errorLog();

  await relay.cut("refuse");
  const cutAt = performance.now();
  const elapsedS = (): number => (performance.now() - cutAt) / 1000;
  let loadOn = true;
  const traffic = load(c.router, [...PROBES, newSession], () => loadOn);

  // (d) A router started now has no snapshot: it says so in JSON, at once, without a guess.
  late = await startRouter(c.routerEnvironment);
  const lateRouter = late;
  const refused = await send(lateRouter, newSession);
  assert.equal(refused.status, 503);
  const body = JSON.parse(refused.body) as { error: string; message: string };
  assert.equal(body.error, "no_cluster_snapshot");
  assert.match(body.message, /database/);
  await timeUntil(
    "the late router records its failed sync",
    async () => (await snapshotState(lateRouter)).snapshot.lastError !== undefined,
    5000,
  );
  const lateStatus = await snapshotState(lateRouter);
  assert.equal(lateStatus.status, 503);
  assert.equal(lateStatus.snapshot.version, 0);
  // Not ready: a Service must not send it traffic. The router that read the registry before
  // the outage stays ready: it routes from its snapshot.
  assert.equal((await fetch(`${lateRouter.publicUrl}/lb/ready`)).status, 503);
  assert.equal((await fetch(`${c.router.publicUrl}/lb/ready`)).status, 200);
  assert.match(lateStatus.snapshot.lastError ?? "", /connect/);

  // (c) A change made while the router cannot see it: a fourth node, owning nothing.
  await c.startNode(3);

  // (b) The age grows and the error is shown, sampled through both halves of the outage.
  const samples: { atS: number; snapshot: SnapshotState }[] = [];
  const until = (fraction: number): Promise<void> => sleep(Math.max(0, OUTAGE_MS * fraction - elapsedS() * 1000));
  const sample = async (): Promise<void> => {
    const s = await snapshotState(c.router);
    assert.equal(s.status, 200);
    samples.push({ atS: elapsedS(), snapshot: s.snapshot });
  };
  await until(0.4);
  await sample();
  await until(0.5);
  await relay.cut("blackhole");
  await until(0.7);
  await sample();
  // During the partition too, the late router answers at once instead of waiting on the DB.
  const partitioned = performance.now();
  assert.equal((await send(lateRouter, newSession)).status, 503);
  const lateAnswerMs = performance.now() - partitioned;
  assert.ok(lateAnswerMs < DB_TIMEOUT_MS / 2, `the late router took ${lateAnswerMs} ms to answer`);
  await until(0.97);
  await sample();
  await until(1);

  loadOn = false;
  const stats = await traffic;
  const outageS = elapsedS();
  const logDuring = c.router.errorLog().slice(logBefore.length);
  await relay.restore();
  const restoredAt = performance.now();

  // (c) Recovery needs nobody: node4 takes new sessions within a few sync intervals ...
  const node4Ms = await timeUntil(
    "node4 routed after recovery",
    async () => (await send(c.router, { ...newSession, expect: "node4" })).routedTo === "node4",
    20 * SYNC_INTERVAL_S * 1000,
  );
  // ... and the late router starts routing by itself.
  await timeUntil("the late router routes", async () => (await send(lateRouter, newSession)).status === 200, 20 * SYNC_INTERVAL_S * 1000);
  assert.equal((await fetch(`${lateRouter.publicUrl}/lb/ready`)).status, 200);
  const lateMs = performance.now() - restoredAt;
  const recovered = await snapshotState(c.router);

  const p50 = percentile(stats.latenciesMs, 50);
  const p99 = percentile(stats.latenciesMs, 99);
  const max = stats.latenciesMs.reduce((a, b) => (b > a ? b : a), 0);
  console.log(
    `outage ${outageS.toFixed(1)} s (refused, then partitioned): ${stats.requests} routed requests, ${stats.failures} failed; ` +
      `latency p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(0)} ms; ` +
      `snapshot age ${samples.map((s) => `${s.snapshot.ageS?.toFixed(1)} s at ${s.atS.toFixed(1)} s`).join(", ")}; "${SYNC_FAILED}" logged ${count(logDuring, SYNC_FAILED)}x; ` +
      `relay connections while partitioned: ${relay.accepted.blackhole}, at most ${relay.heldPeak} at once; after restore: node4 routed in ${Math.round(node4Ms)} ms, ` +
      `the late router routes within ${Math.round(lateMs)} ms`,
  );

  // (a) Zero failures to known nodes and monitors, and nothing waited on the database.
  assert.deepEqual(stats.samples, []);
  assert.equal(stats.failures, 0);
  assert.ok(stats.requests >= 1000, `only ${stats.requests} requests in ${outageS} s`);
  assert.ok(max < DB_TIMEOUT_MS, `a request took ${max} ms: it waited on the database`);
  // Each router waits on at most one sync and one registry-writer connection at a time, not
  // one more per tick.
  assert.ok(relay.heldPeak <= 2 * 3, `${relay.heldPeak} connections pending on the partitioned database at once`);

  // (b) The age is the time since the cut (the last good sync was at most one interval before
  // it); the error is visible; it was logged once, then at most once a minute.
  for (const { atS, snapshot } of samples) {
    const what = JSON.stringify({ atS, snapshot });
    assert.ok((snapshot.ageS ?? 0) >= atS - 0.2 && (snapshot.ageS ?? 0) <= atS + SYNC_INTERVAL_S + 0.5, what);
    assert.ok((snapshot.failingSinceS ?? 0) >= atS - SYNC_INTERVAL_S - 0.5, what);
    assert.match(snapshot.lastError ?? "", /connect|timeout|closed/, what);
  }
  const logged = count(logDuring, SYNC_FAILED);
  assert.ok(
    logged >= 1 && logged <= 1 + Math.floor((outageS * 1000) / REPEAT_ERROR_EVERY_MS),
    `"${SYNC_FAILED}" logged ${logged} times in ${outageS} s`,
  );

  // (c) Within a few sync intervals of the database answering again.
  assert.ok(node4Ms <= 4 * SYNC_INTERVAL_S * 1000 + 500, `node4 took ${node4Ms} ms`);
  assert.equal(recovered.snapshot.lastError, undefined);
  assert.ok((recovered.snapshot.ageS ?? 99) < 2 * SYNC_INTERVAL_S + 0.5, JSON.stringify(recovered.snapshot));
  assert.equal(count(c.router.errorLog(), "snapshot sync recovered"), 1);

  // (d) The late router: the same one log line for its whole outage, and it routes now.
  assert.ok(expected(PROBES[0], (await send(lateRouter, PROBES[0])).routedTo));
  assert.ok(count(lateRouter.errorLog(), SYNC_FAILED) <= 2, lateRouter.errorLog());
  assert.ok(lateMs <= 4 * SYNC_INTERVAL_S * 1000 + 500, `the late router took ${lateMs} ms`);

  assert.deepEqual(unexpectedErrors(c.router.errorLog()), []);
  assert.deepEqual(unexpectedErrors(lateRouter.errorLog()), []);
});
