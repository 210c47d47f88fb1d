// Scale events with real fork nodes (docs/health.md, "Scale events with the real fork nodes"):
// the Kubernetes world's StatefulSet (world.ts, the staging overlay scaled to 5 pods, 3 started)
// behind the real router on a private MariaDB, 300 push monitors (one per pod added over
// socket.io, the rest copied from it in SQL, as an import would), and the three scenarios:
//   scale 3 -> 5: time until the imbalance is below 20%, monitors moved, none moved twice;
//   scale 5 -> 3: pods 4 then 3 removed as the StatefulSet removes them (preStop drain, SIGTERM),
//     time until their monitors run elsewhere;
//   rolling restart: pods 2, 1, 0 one at a time (preStop, SIGTERM, start, Ready), a push monitor
//     per pod pushed every second through the router: pushes refused, each monitor's gap and
//     overlap from the fork's own logs (coverage.ts).
// And the rolling restart in the Compose world (3 nodes, 20 monitors each), each node drained
// first with the command docs/health.md gives for Compose.
// Without the fork's source every test reports "skipped: no fork source".
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { imbalance } from "../../src-lua-ts/core/rebalance";
import { luaErrors } from "../../harness/router";
import { addPushMonitor, connect, login, setup, type KumaClient } from "./client";
import { lbNodes, rows, startForkCluster, startNode, until, type ForkCluster } from "./cluster";
import { copyMonitor, loads, owners, runWhereOwned } from "./scenario";
import { coverage, summarize, type MonitorCoverage } from "./coverage";
import type { ForkNode } from "./fork-node";
import { forkCommits, forkSource, installFork } from "./install";
import { Pusher } from "./pusher";
import { composePlan, kubernetesPlan } from "./world";

const SKIP = "skipped: no fork source";
const ADMIN = { username: "admin", password: "Kuma-test-only-Pass-2031!" };
const PER_NODE = 100;
/** The Compose world has no scale-up here (its nodes are named services): its rolling restart, with fewer monitors. */
const COMPOSE_PER_NODE = 20;
/**
 * The rebalance's settle time for this suite (default 60 s): the figures below add it. The
 * other rebalance variables keep their defaults (threshold 20%, 50 per pass, a pass every 5 s).
 */
const REBALANCE_SETTLE_S = 10;

const source = forkSource();
const commit = source === undefined ? undefined : forkCommits(source).find((c) => c.branch === "main");
const skip = commit === undefined ? (source === undefined ? SKIP : "skipped: no main tarball in the fork source") : undefined;

const figures: Record<string, unknown> = {};
after(() => {
  if (source === undefined)
    console.log(
      `scale events with real fork nodes: ${SKIP} (set KUMA_FORK_DIR to a folder of uptime-kuma-cluster-<branch>-<commit>.tar.gz)`,
    );
  else console.log(`scale events with real fork nodes (fork main), figures:\n${JSON.stringify(figures, null, 1)}`);
});

const round = (v: number): number => Math.round(v);
const covFigures = (cov: MonitorCoverage[]): Record<string, number> => summarize(cov) as unknown as Record<string, number>;

/**
 * On each node, a push monitor added over socket.io by a browser pinned to it (kept in
 * `sessions`), and `perNode - 1` copies of it in SQL; resolves once the fork's logs show each
 * running on its owner.
 */
async function populate(
  c: ForkCluster,
  nodes: ForkNode[],
  perNode: number,
  sessions: KumaClient[],
): Promise<{ pushed: Map<string, { id: number; token: string }>; all: number[]; runningMs: number }> {
  const since = Date.now();
  const pushed = new Map<string, { id: number; token: string }>();
  const all: number[] = [];
  for (const node of nodes) {
    const s = await connect(c.router.publicUrl, { transports: ["websocket"], pinTo: node.id });
    sessions.push(s);
    await login(s, ADMIN.username, ADMIN.password);
    const token = randomBytes(8).toString("hex");
    const id = await addPushMonitor(s, `${node.id}-pushed`, token);
    pushed.set(node.id, { id, token });
    all.push(id, ...(await copyMonitor(c, id, perNode - 1, `${node.id}-copy`)));
  }
  const running = await runWhereOwned(c, all, since, 180_000);
  return { pushed, all, runningMs: running - since };
}

/** First-time setup through the router (it reaches the primary). */
async function setupAdmin(c: ForkCluster): Promise<void> {
  const browser = await connect(c.router.publicUrl, { transports: ["websocket"] });
  try {
    const answer = await setup(browser, ADMIN.username, ADMIN.password);
    assert.equal(answer.ok, true, answer.msg);
  } finally {
    browser.close();
  }
}

/**
 * A rolling restart: each node in `order` drained by its preStop (world.ts), SIGTERM, started
 * again, and the next once the router counts it up (a StatefulSet waits for Ready), with the
 * `pushed` monitors pushed every second through the router. Returns the figures; asserts no
 * push refused.
 */
async function rollingRestart(
  c: ForkCluster,
  order: ForkNode[],
  pushed: { id: number; token: string }[],
  all: number[],
): Promise<Record<string, unknown>> {
  const pusher = new Pusher(
    { router: c.router.publicUrl },
    pushed.map((m) => m.token),
  );
  pusher.start();
  await new Promise((r) => setTimeout(r, 3000));
  const t0 = Date.now();
  const steps: Record<string, number | string>[] = [];
  try {
    for (const node of order) {
      const began = Date.now();
      const mine = [...(await owners(c))].filter(([, owner]) => owner === node.id).map(([id]) => id);
      const hook = await node.preStop();
      assert.equal(hook.code, 0, hook.output);
      const elsewhere = await runWhereOwned(c, mine, began, 60_000);
      const exit = await node.terminate();
      const down = Date.now();
      await startNode(node);
      await until(
        `the router counting ${node.id} up`,
        60_000,
        async () =>
          (await lbNodes(c.router)).some((l) => l.id === node.id && l.health === "up" && l.registry === "online") ? true : undefined,
        100,
      );
      steps.push({
        node: node.id,
        monitors: mine.length,
        preStopMs: hook.ms,
        runElsewhereMs: elsewhere - began,
        stopMs: down - began - hook.ms,
        readyAgainMs: Date.now() - down,
        exit: JSON.stringify(exit),
      });
    }
    const restarted = Date.now();
    // Every monitor back with its owner (those of nodes removed before stay where the drain gave them).
    const running = c.nodes.filter((n) => n.running).map((n) => n.id);
    const home = await until(
      "every monitor home",
      120_000,
      async () => {
        const stray = await rows(
          c.db,
          `SELECT COUNT(*) AS n FROM monitor WHERE assigned_node IS NOT NULL AND node_id IN (${running.map(() => "?").join(", ")})`,
          running,
        );
        return Number(stray[0].n) === 0 ? Date.now() : undefined;
      },
      250,
    );
    const settled = await runWhereOwned(c, all, t0, 120_000);
    await new Promise((r) => setTimeout(r, 3000));
    await pusher.stop();
    const cov = coverage(c.nodes, all, t0, settled);
    const pushedCov = cov.filter((m) => pushed.some((p) => p.id === m.id));
    const refused = pusher.refused();
    const result = {
      steps,
      restartMs: restarted - t0,
      homeMs: home - t0,
      runWhereOwnedMs: settled - t0,
      pushes: pusher.outcomes.length,
      refused: refused.length,
      pushSummary: pusher.summary(),
      allMonitors: covFigures(cov),
      pushedMonitors: pushedCov.map((m) => ({ id: m.id, gapMs: round(m.gapMs), overlapMs: round(m.overlapMs) })),
    };
    console.log(`rolling restart, ${c.plan.world}: ${JSON.stringify(result)}`);
    assert.deepEqual(
      refused.slice(0, 5).map((r) => `${r.status} ${r.body}`),
      [],
      `${refused.length} pushes refused`,
    );
    return result;
  } finally {
    await pusher.stop();
  }
}

/** Closes the sessions, stops the cluster, and fails on any Lua error its router logged. */
async function closeAndStop(sessions: { close(): void }[], c: ForkCluster | undefined): Promise<void> {
  for (const s of sessions) s.close();
  if (c === undefined) return;
  const errors = luaErrors(c.router.errorLog());
  await c.stop();
  assert.deepEqual(errors, [], "no Lua error in the router's log");
}

describe("scale events with real fork nodes (Kubernetes world)", { skip }, () => {
  let c: ForkCluster;
  let pods: ForkNode[];
  const sessions: KumaClient[] = [];
  /** The monitor added over socket.io on each pod: the push monitors of the rolling restart. */
  const pushTokens = new Map<string, { id: number; token: string }>();
  const all: number[] = [];

  before(
    async () => {
      if (commit === undefined) return;
      const forkDir = await installFork(commit);
      c = await startForkCluster(kubernetesPlan(5), forkDir, {
        running: 3,
        routerEnv: { CLUSTER_NODE_COUNT: "5", REBALANCE_SETTLE: String(REBALANCE_SETTLE_S) },
      });
      pods = c.nodes;
      await setupAdmin(c);
      const made = await populate(c, pods.slice(0, 3), PER_NODE, sessions);
      for (const [id, m] of made.pushed) pushTokens.set(id, m);
      all.push(...made.all);
      figures.setup = { monitors: all.length, runningEverywhereMs: made.runningMs };
    },
    { timeout: 15 * 60_000 },
  );

  after(() => closeAndStop(sessions, c));

  test("scale 3 -> 5 with 300 monitors: imbalance below 20%, monitors moved, none moved twice", { timeout: 10 * 60_000 }, async () => {
    const ids = pods.map((p) => p.id);
    const initial = await owners(c);
    assert.deepEqual(loads(initial, ids), [100, 100, 100, 0, 0]);
    const t0 = Date.now();
    const changes = new Map<number, number>();
    let last = initial;
    let balancedAt: number | undefined;
    const watch = async (): Promise<void> => {
      const now = await owners(c);
      for (const [id, owner] of now) if (last.get(id) !== owner) changes.set(id, (changes.get(id) ?? 0) + 1);
      last = now;
      if (balancedAt === undefined && imbalance(loads(now, ids)) < 0.2) balancedAt = Date.now();
    };
    // The StatefulSet adds pod 3, then pod 4 once pod 3 is Ready (OrderedReady).
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        await watch();
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    try {
      await startNode(pods[3]);
      const pod3Ready = Date.now();
      await startNode(pods[4]);
      const pod4Ready = Date.now();
      await until("the imbalance below 20%", 180_000, async () => (balancedAt !== undefined ? true : undefined), 200);
      // 10 s more: nothing moves twice, nothing moves on.
      await new Promise((r) => setTimeout(r, 10_000));
      watching = false;
      await watcher;
      const moved = [...changes.keys()];
      const movedTwice = [...changes.values()].filter((n) => n > 1).length;
      const final = loads(last, ids);
      const running = await runWhereOwned(c, moved, t0, 120_000);
      const cov = coverage(c.nodes, moved, t0, running);
      const records = await rows(c.db, "SELECT COUNT(*) AS n FROM kuma_cluster_move WHERE kind = 'rebalance'");
      figures.scaleUp = {
        settleS: REBALANCE_SETTLE_S,
        pod3ReadyMs: pod3Ready - t0,
        pod4ReadyMs: pod4Ready - t0,
        balancedMs: (balancedAt as number) - t0,
        balancedAfterPod4ReadyMs: (balancedAt as number) - pod4Ready,
        movesRunByNewOwnersMs: running - t0,
        moved: moved.length,
        minimumNeeded: 120,
        movedTwice,
        final: final.join("/"),
        imbalance: Number(imbalance(final).toFixed(3)),
        rebalanceRecords: Number(records[0].n),
        handover: covFigures(cov),
      };
      console.log(`scale 3 -> 5: ${JSON.stringify(figures.scaleUp)}`);
      assert.equal(movedTwice, 0, "no monitor moved twice");
      assert.ok(imbalance(final) < 0.2, `imbalance of ${final.join("/")}`);
      assert.ok(moved.length >= 60, `monitors moved: ${moved.length}`);
      assert.ok(final[3] > 0 && final[4] > 0, "the new pods took work");
    } finally {
      watching = false;
      await watcher;
    }
  });

  test(
    "scale 5 -> 3: pods 4 and 3 drained by their preStop and stopped; their monitors run elsewhere",
    { timeout: 10 * 60_000 },
    async () => {
      const before = await owners(c);
      const leaving = [pods[4], pods[3]];
      const theirs = [...before].filter(([, owner]) => leaving.some((p) => p.id === owner)).map(([id]) => id);
      assert.ok(theirs.length > 0);
      const t0 = Date.now();
      const steps: Record<string, number | string>[] = [];
      // The StatefulSet removes the highest ordinal first, the next once it is gone.
      for (const pod of leaving) {
        const began = Date.now();
        const mine = [...(await owners(c))].filter(([, owner]) => owner === pod.id).map(([id]) => id);
        const hook = await pod.preStop();
        assert.equal(hook.code, 0, hook.output);
        // The drain's hand-over, before SIGTERM: each monitor runs on its new owner alone.
        const elsewhere = await runWhereOwned(c, mine, began, 60_000);
        const exit = await pod.terminate();
        steps.push({
          pod: pod.id,
          monitors: mine.length,
          preStopMs: hook.ms,
          runElsewhereMs: elsewhere - began,
          stoppedMs: Date.now() - began,
          exit: JSON.stringify(exit),
          hook: hook.output.split("\n").slice(-1)[0],
        });
      }
      const stopped = Date.now();
      const after = await owners(c);
      const stranded = theirs.filter((id) => leaving.some((p) => p.id === after.get(id)));
      assert.deepEqual(stranded, [], "no monitor left with a removed pod");
      const running = await runWhereOwned(c, theirs, t0, 120_000);
      const cov = coverage(c.nodes, theirs, t0, running);
      figures.scaleDown = {
        monitors: theirs.length,
        steps,
        removedMs: stopped - t0,
        runElsewhereMs: running - t0,
        handover: covFigures(cov),
        final: loads(
          after,
          pods.slice(0, 3).map((p) => p.id),
        ).join("/"),
      };
      console.log(`scale 5 -> 3: ${JSON.stringify(figures.scaleDown)}`);
    },
  );

  test(
    "rolling restart of every pod, one at a time: pushes every second through the router, none refused; each monitor's gap and overlap",
    { timeout: 15 * 60_000 },
    async () => {
      const remaining = pods.slice(0, 3);
      // A StatefulSet's rolling update: the highest ordinal first, the next once this one is Ready.
      figures.rollingRestart = await rollingRestart(
        c,
        [...remaining].reverse(),
        remaining.map((p) => pushTokens.get(p.id) as { id: number; token: string }),
        all,
      );
    },
  );
});

describe("rolling restart with real fork nodes (Compose world)", { skip }, () => {
  let c: ForkCluster;
  const sessions: KumaClient[] = [];
  let made: Awaited<ReturnType<typeof populate>>;

  before(
    async () => {
      if (commit === undefined) return;
      c = await startForkCluster(composePlan(), await installFork(commit));
      await setupAdmin(c);
      made = await populate(c, c.nodes, COMPOSE_PER_NODE, sessions);
    },
    { timeout: 15 * 60_000 },
  );

  after(() => closeAndStop(sessions, c));

  test(
    "rolling restart of every node, one at a time, each drained first (docs/health.md, Drain): none refused; each monitor's gap and overlap",
    { timeout: 15 * 60_000 },
    async () => {
      // The primary last.
      figures.composeRollingRestart = await rollingRestart(
        c,
        [...c.nodes].reverse(),
        c.nodes.map((n) => made.pushed.get(n.id) as { id: number; token: string }),
        made.all,
      );
    },
  );
});
