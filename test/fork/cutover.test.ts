// The live cut-over from Compose to Kubernetes on one database, and back, with real fork nodes
// (docs/deployment.md, "Live cut-over on one database, and back"): three Compose nodes and three
// Kubernetes pods, started from their manifests (world.ts) on one private MariaDB database, a
// router for each world whose DNS answers only its own world's names, push monitors on every
// node pushed every second through both routers while both serve. The runbook's steps:
//   cut-over: drain node3, node2, node1 through the Compose router's internal listener, switch
//     DNS (pushes go through the Kubernetes router alone), stop Compose (nodes, router);
//   rollback: start Compose again, undrain its nodes, drain the pods 2, 1, 0 through the
//     Kubernetes router, switch DNS back, scale the StatefulSet to 0 (preStop, SIGTERM), stop
//     the Kubernetes router.
// Figures: pushes refused (by the router: asserted none; by a node's own statistics, Pusher.statRace:
// printed, the fork's limit when two nodes take one monitor's pushes at once), each monitor's gap and overlap (from the fork's logs, coverage.ts),
// foreign nodes marked offline (never: a watcher reads the registry and both routers' status
// every 250 ms), and the time of each phase. Without the fork's source: "skipped: no fork source".
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { luaErrors } from "../../harness/router";
import { addPushMonitor, connect, login, setup, type KumaClient } from "./client";
import { lbNodes, rows, startForkCluster, startNode, until, type ForkCluster } from "./cluster";
import { coverage, summarize } from "./coverage";
import type { ForkNode } from "./fork-node";
import { forkCommits, forkSource, installFork } from "./install";
import { Pusher } from "./pusher";
import { copyMonitor, owners, runWhereOwned } from "./scenario";
import { composePlan, kubernetesPlan } from "./world";

const SKIP = "skipped: no fork source";
const ADMIN = { username: "admin", password: "Kuma-test-only-Pass-2031!" };
/** Monitors per node: one pushed every second, the rest copies of it. */
const PER_NODE = 5;

const source = forkSource();
const commit = source === undefined ? undefined : forkCommits(source).find((c) => c.branch === "main");
const skip = commit === undefined ? (source === undefined ? SKIP : "skipped: no main tarball in the fork source") : undefined;

const figures: Record<string, unknown> = {};
after(() => {
  if (source === undefined)
    console.log(`cut-over with real fork nodes: ${SKIP} (set KUMA_FORK_DIR to a folder of uptime-kuma-cluster-<branch>-<commit>.tar.gz)`);
  else
    console.log(
      `cut-over with real fork nodes (Compose and Kubernetes on one database, fork main), figures:\n${JSON.stringify(figures, null, 1)}`,
    );
});

/**
 * Foreign nodes never marked offline: every 250 ms, each running node (not being stopped by
 * the suite) must be online in the registry, and each running router must list the other
 * world's nodes as foreign, never down.
 */
class OfflineWatch {
  readonly violations: string[] = [];
  readonly stopping = new Set<string>();
  private running = true;
  private readonly done: Promise<void>;

  constructor(private readonly clusters: ForkCluster[]) {
    this.done = this.loop();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        const registry = new Map(
          (await rows(this.clusters[0].db, "SELECT node_id, status FROM node")).map((r) => [String(r.node_id), String(r.status)]),
        );
        for (const c of this.clusters) {
          for (const n of c.nodes) {
            if (!n.running || this.stopping.has(n.id)) continue;
            if (registry.get(n.id) !== "online")
              this.violations.push(`${new Date().toISOString()} registry: ${n.id} ${registry.get(n.id)}`);
          }
        }
        for (const c of this.clusters) {
          if (c.router.process.exitStatus !== undefined) continue;
          const others = this.clusters.filter((o) => o !== c).flatMap((o) => o.nodes);
          const listed = await lbNodes(c.router).catch(() => []);
          for (const l of listed) {
            const foreign = others.find((n) => n.id === l.id);
            if (foreign === undefined || !foreign.running || this.stopping.has(foreign.id)) continue;
            if (l.health !== "foreign")
              this.violations.push(`${new Date().toISOString()} ${c.plan.world} router: ${l.id} ${l.health}/${l.registry}`);
          }
        }
      } catch {
        // a router between stop and start; the next round reads again
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

async function lbPost(c: ForkCluster, id: string, verb: "drain" | "undrain"): Promise<void> {
  const res = await fetch(`${c.router.statusUrl}/lb/nodes/${id}/${verb}`, { method: "POST", signal: AbortSignal.timeout(10_000) });
  assert.equal(res.status, 200, await res.text());
}

async function ownedBy(c: ForkCluster, id: string): Promise<number> {
  const r = await rows(c.db, "SELECT COUNT(*) AS n FROM monitor WHERE active = 1 AND COALESCE(assigned_node, node_id) = ?", [id]);
  return Number(r[0].n);
}

describe("live cut-over from Compose to Kubernetes on one database, and back, with real fork nodes", { skip }, () => {
  let compose: ForkCluster;
  let k8s: ForkCluster;
  let watch: OfflineWatch;
  const sessions: KumaClient[] = [];
  /** Lua errors of a router stopped on the way (the Compose router, started again for the rollback). */
  const earlierErrors: string[] = [];
  const tokens: string[] = [];
  const all: number[] = [];
  const everyNode = (): ForkNode[] => [...compose.nodes, ...k8s.nodes];

  before(
    async () => {
      if (commit === undefined) return;
      const forkDir = await installFork(commit);
      // Compose first (its router holds the cluster's writer lock), then Kubernetes on its database.
      compose = await startForkCluster(composePlan(), forkDir);
      const browser = await connect(compose.router.publicUrl, { transports: ["websocket"] });
      try {
        const answer = await setup(browser, ADMIN.username, ADMIN.password);
        assert.equal(answer.ok, true, answer.msg);
      } finally {
        browser.close();
      }
      k8s = await startForkCluster(kubernetesPlan(), forkDir, { shareDatabaseOf: compose });
      const since = Date.now();
      for (const c of [compose, k8s]) {
        for (const n of c.nodes) {
          const s = await connect(c.router.publicUrl, { transports: ["websocket"], pinTo: n.id });
          sessions.push(s);
          assert.equal(s.info.currentNodeId, n.id);
          await login(s, ADMIN.username, ADMIN.password);
          const token = randomBytes(8).toString("hex");
          const id = await addPushMonitor(s, `${n.id}-pushed`, token);
          tokens.push(token);
          all.push(id, ...(await copyMonitor(c, id, PER_NODE - 1, `${n.id}-copy`)));
        }
      }
      await runWhereOwned({ db: compose.db, nodes: everyNode() }, all, since, 180_000);
      watch = new OfflineWatch([compose, k8s]);
    },
    { timeout: 15 * 60_000 },
  );

  after(async () => {
    await watch?.stop();
    for (const s of sessions) s.close();
    const logged = [...earlierErrors, ...[compose, k8s].flatMap((c) => (c === undefined ? [] : luaErrors(c.router.errorLog())))];
    // The test's DNS servers run in this busy process and may answer late; the routers keep
    // their last answers then. Printed, not counted as errors.
    const lateDns = logged.filter((l) =>
      /\[lua\] resolve\.lua:\d+: logOnce\(\): dns \S+: lookup failed: failed to receive reply from UDP server [\d.:]+: timeout/.test(l),
    );
    if (lateDns.length > 0) console.log(`late answers of the test's DNS servers: ${lateDns.length}`);
    await k8s?.stop();
    await compose?.stop();
    assert.deepEqual(
      logged.filter((l) => !lateDns.includes(l)),
      [],
      "no Lua error in the routers' logs",
    );
  });

  test(
    "cut-over: drain the Compose nodes one by one, switch DNS, stop Compose; no push refused, foreign never offline",
    { timeout: 10 * 60_000 },
    async () => {
      const both = new Pusher({ compose: compose.router.publicUrl, kubernetes: k8s.router.publicUrl }, tokens);
      const k8sOnly = new Pusher({ kubernetes: k8s.router.publicUrl }, tokens);
      both.start();
      await new Promise((r) => setTimeout(r, 2000));
      const t0 = Date.now();
      const steps: Record<string, number | string>[] = [];
      try {
        for (const n of [...compose.nodes].reverse()) {
          const began = Date.now();
          const theirs = [...(await owners(compose))].filter(([, o]) => o === n.id).map(([id]) => id);
          await lbPost(compose, n.id, "drain");
          await until(`${n.id} owning nothing`, 60_000, async () => ((await ownedBy(compose, n.id)) === 0 ? true : undefined), 100);
          const handed = Date.now();
          await runWhereOwned({ db: compose.db, nodes: everyNode() }, theirs, began, 60_000);
          steps.push({ drained: n.id, monitors: theirs.length, ownsNoneMs: handed - began, runElsewhereMs: Date.now() - began });
        }
        const drained = Date.now();
        // DNS moves to the Kubernetes world: pushes reach its router alone.
        k8sOnly.start();
        await both.stop();
        for (const n of compose.nodes) watch.stopping.add(n.id);
        for (const n of compose.nodes) await n.terminate();
        await compose.router.stop();
        earlierErrors.push(...luaErrors(compose.router.errorLog()));
        const stopped = Date.now();
        await new Promise((r) => setTimeout(r, 2000));
        await k8sOnly.stop();
        const cov = coverage(everyNode(), all, t0, Date.now());
        const refusedAll = [...both.refused(), ...k8sOnly.refused()];
        const refused = refusedAll.filter((o) => !Pusher.statRace(o));
        const statRace = refusedAll.filter((o) => Pusher.statRace(o));
        const o = await owners(k8s);
        figures.cutOver = {
          monitors: all.length,
          steps,
          drainsMs: drained - t0,
          totalMs: stopped - t0,
          pushes: both.outcomes.length + k8sOnly.outcomes.length,
          refused: refused.length,
          refusedByNodeStats: statRace.length,
          monitorsWithNodeStatsRefusals: new Set(statRace.map((o) => o.token)).size,
          pushesBoth: both.summary(),
          pushesAfterDns: k8sOnly.summary(),
          handover: summarize(cov),
          foreignOffline: watch.violations.length,
          ownersAfter: [...new Set(o.values())].sort().join(","),
        };
        console.log(`cut-over: ${JSON.stringify(figures.cutOver)}`);
        assert.deepEqual(
          refused.slice(0, 5).map((r) => `${r.router} ${r.status} ${r.body}`),
          [],
          `${refused.length} pushes refused`,
        );
        assert.deepEqual(watch.violations.slice(0, 5), [], "no node marked offline while it ran, no foreign node down");
        assert.ok(
          [...o.values()].every((owner) => owner.startsWith("uptime-kuma-")),
          "every monitor with a pod",
        );
      } finally {
        await both.stop();
        await k8sOnly.stop();
      }
    },
  );

  test(
    "rollback: start Compose, undrain it, drain the pods one by one, switch DNS back, scale the StatefulSet to 0",
    { timeout: 10 * 60_000 },
    async () => {
      const k8sOnly = new Pusher({ kubernetes: k8s.router.publicUrl }, tokens);
      k8sOnly.start();
      const t0 = Date.now();
      const steps: Record<string, number | string>[] = [];
      let both: Pusher | undefined;
      let composeOnly: Pusher | undefined;
      try {
        // Compose again on the same database: the primary first, its router, then the others.
        await startNode(compose.nodes[0]);
        for (const n of compose.nodes) watch.stopping.delete(n.id);
        await compose.restartRouter();
        await Promise.all(compose.nodes.slice(1).map((n) => startNode(n)));
        await until(
          "the Compose router counting its nodes up",
          60_000,
          async () => {
            const listed = await lbNodes(compose.router);
            return compose.nodes.every((n) => listed.some((l) => l.id === n.id && l.health === "up")) ? true : undefined;
          },
          200,
        );
        const composeUp = Date.now();
        both = new Pusher({ compose: compose.router.publicUrl, kubernetes: k8s.router.publicUrl }, tokens);
        both.start();
        await k8sOnly.stop();
        // Their operator drains end, so that they may take monitors again. Nothing returns to them
        // yet: the writer now is the Kubernetes router (it took the lock when the Compose router
        // stopped), and a writer gives monitors back only to nodes its own probes confirm. The
        // pods' drains below hand the monitors over, those the Compose nodes created straight home.
        for (const n of compose.nodes) await lbPost(compose, n.id, "undrain");
        const undrained = Date.now();
        for (const n of [...k8s.nodes].reverse()) {
          const began = Date.now();
          const theirs = [...(await owners(k8s))].filter(([, o]) => o === n.id).map(([id]) => id);
          await lbPost(k8s, n.id, "drain");
          await until(`${n.id} owning nothing`, 60_000, async () => ((await ownedBy(k8s, n.id)) === 0 ? true : undefined), 100);
          const handed = Date.now();
          await runWhereOwned({ db: k8s.db, nodes: everyNode() }, theirs, began, 60_000);
          steps.push({ drained: n.id, monitors: theirs.length, ownsNoneMs: handed - began, runElsewhereMs: Date.now() - began });
        }
        const drained = Date.now();
        // DNS back to Compose; then the StatefulSet scaled to 0, the highest ordinal first.
        composeOnly = new Pusher({ compose: compose.router.publicUrl }, tokens);
        composeOnly.start();
        await both.stop();
        for (const n of [...k8s.nodes].reverse()) {
          watch.stopping.add(n.id);
          const hook = await n.preStop();
          assert.equal(hook.code, 0, hook.output);
          await n.terminate();
        }
        await k8s.router.stop();
        const stopped = Date.now();
        await new Promise((r) => setTimeout(r, 2000));
        await composeOnly.stop();
        const cov = coverage(everyNode(), all, t0, Date.now());
        const refusedAll = [...k8sOnly.refused(), ...both.refused(), ...composeOnly.refused()];
        const refused = refusedAll.filter((o) => !Pusher.statRace(o));
        const statRace = refusedAll.filter((o) => Pusher.statRace(o));
        const o = await owners(compose);
        figures.rollback = {
          steps,
          composeUpMs: composeUp - t0,
          drainsMs: drained - undrained,
          totalMs: stopped - t0,
          pushes: k8sOnly.outcomes.length + both.outcomes.length + composeOnly.outcomes.length,
          refused: refused.length,
          refusedByNodeStats: statRace.length,
          monitorsWithNodeStatsRefusals: new Set(statRace.map((o) => o.token)).size,
          pushesBoth: both.summary(),
          handover: summarize(cov),
          foreignOffline: watch.violations.length,
          ownersAfter: [...new Set(o.values())].sort().join(","),
        };
        console.log(`rollback: ${JSON.stringify(figures.rollback)}`);
        assert.deepEqual(
          refused.slice(0, 5).map((r) => `${r.router} ${r.status} ${r.body}`),
          [],
          `${refused.length} pushes refused`,
        );
        assert.deepEqual(watch.violations.slice(0, 5), [], "no node marked offline while it ran, no foreign node down");
        assert.ok(
          [...o.values()].every((owner) => owner.startsWith("node")),
          "every monitor with a Compose node",
        );
      } finally {
        await k8sOnly.stop();
        await both?.stop();
        await composeOnly?.stop();
      }
    },
  );
});
