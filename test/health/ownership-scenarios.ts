// The ownership scenarios of docs/health.md ("Ownership"), written against a cluster handle so
// the same steps run with stand-in nodes (ownership.test.ts) and with real fork nodes (where
// creating a monitor and an operator's edit go through the fork's own socket.io API). Each
// scenario asserts what an operator must be able to rely on, restores every node it stopped,
// and returns its timings (ms) for the report.
import assert from "node:assert/strict";
import type { Pool, RowDataPacket } from "mysql2/promise";
import { waitFor } from "./support";

/** What the scenarios need of a cluster of at least three nodes behind the router. */
export interface OwnershipCluster {
  /** The cluster's database (read only by the scenarios). */
  db: Pool;
  /** Node i's id (0-based). */
  nodeId(i: number): string;
  /** Stops node i the hard way: the process is gone, nothing deregisters it. */
  stopNode(i: number): Promise<void>;
  /** Starts node i again; it registers itself as a node does. */
  startNode(i: number): Promise<unknown>;
  /** Creates an active monitor whose creator is node i (node_id); returns its id. */
  createMonitor(i: number): Promise<number>;
  /** An operator's edit of the monitor's "Assigned Node (override)" field; null clears it. */
  setOverride(monitorId: number, nodeId: string | null): Promise<void>;
  /** How long a move (failover or return) may take; default 15 s. */
  moveTimeoutMs?: number;
  /** Real nodes only: resolves once node `nodeId` runs the monitor and no other node does; rejects if not soon. */
  runs?(monitorId: number, nodeId: string): Promise<void>;
}

export interface Ownership {
  assigned: string | null;
  /** The router's move record of the monitor, if any. */
  record?: { from: string; to: string };
}

export async function ownership(db: Pool, monitorId: number): Promise<Ownership> {
  const [rows] = await db.query<RowDataPacket[]>(
    "SELECT m.assigned_node, r.from_node, r.to_node FROM monitor m LEFT JOIN kuma_cluster_move r ON r.monitor_id = m.id WHERE m.id = ?",
    [monitorId],
  );
  assert.equal(rows.length, 1, `monitor ${monitorId} exists`);
  const r = rows[0];
  return {
    assigned: r.assigned_node as string | null,
    ...(r.from_node === null ? {} : { record: { from: String(r.from_node), to: String(r.to_node) } }),
  };
}

/** Polls until `check` holds for the monitor's ownership; returns it and the ms it took. */
async function until(
  c: OwnershipCluster,
  what: string,
  monitorId: number,
  check: (o: Ownership) => boolean,
): Promise<{ o: Ownership; ms: number }> {
  const started = Date.now();
  const o = await waitFor(
    what,
    async () => {
      const now = await ownership(c.db, monitorId);
      return check(now) ? now : undefined;
    },
    c.moveTimeoutMs ?? 15_000,
    50,
  );
  return { o, ms: Date.now() - started };
}

/** Runs `body` with node i stopped, and starts it again whatever happened. */
async function withStopped<T>(c: OwnershipCluster, stopped: number[], body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } finally {
    for (const i of stopped) await c.startNode(i).catch(() => undefined);
  }
}

/** Waits until node i is confirmed up by the router: a canary moved off it has come back. */
async function untilConfirmedUp(c: OwnershipCluster, canary: number): Promise<number> {
  return (await until(c, `monitor ${canary} back home`, canary, (o) => o.assigned === null && o.record === undefined)).ms;
}

/**
 * An operator's override to a healthy node stays: through writer passes, and through another
 * node's failover and return (which, before the move record, cleared it within a second).
 */
export async function overrideKeptWhileTargetHealthy(c: OwnershipCluster): Promise<Record<string, number>> {
  const m = await c.createMonitor(0);
  const canary = await c.createMonitor(2);
  await c.setOverride(m, c.nodeId(1));
  await c.runs?.(m, c.nodeId(1));
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(await ownership(c.db, m), { assigned: c.nodeId(1) }, "the override survives the writer's passes");
  const figures = await withStopped(c, [2], async () => {
    await c.stopNode(2);
    const away = await until(c, "node 2's canary moved", canary, (o) => o.record !== undefined);
    assert.deepEqual(await ownership(c.db, m), { assigned: c.nodeId(1) }, "another node's failover leaves it");
    await c.startNode(2);
    return { canaryMovedMs: away.ms, canaryBackMs: await untilConfirmedUp(c, canary) };
  });
  assert.deepEqual(await ownership(c.db, m), { assigned: c.nodeId(1) }, "another node's return leaves it");
  await c.runs?.(m, c.nodeId(1));
  return figures;
}

/** An override whose target goes down fails over like any monitor, and returns to the target. */
export async function overrideTargetDownMovedBack(c: OwnershipCluster): Promise<Record<string, number>> {
  const m = await c.createMonitor(0);
  const target = c.nodeId(1);
  await c.setOverride(m, target);
  return withStopped(c, [1], async () => {
    await c.stopNode(1);
    const moved = await until(c, "the overridden monitor failed over", m, (o) => o.assigned !== target && o.record !== undefined);
    assert.equal(moved.o.record?.from, target, "the record remembers the override target");
    assert.equal(moved.o.record?.to, moved.o.assigned);
    await c.runs?.(m, moved.o.assigned as string);
    await c.startNode(1);
    const back = await until(c, "the monitor back on the override target", m, (o) => o.assigned === target && o.record === undefined);
    await c.runs?.(m, target);
    return { movedMs: moved.ms, backToOverrideTargetMs: back.ms };
  });
}

/** An operator who edits a moved monitor wins: the record goes, the return leaves the monitor be. */
export async function operatorEditOfMovedMonitorWins(c: OwnershipCluster): Promise<Record<string, number>> {
  const m = await c.createMonitor(1);
  const canary = await c.createMonitor(1);
  return withStopped(c, [1], async () => {
    await c.stopNode(1);
    const moved = await until(c, "node 1's monitor failed over", m, (o) => o.record !== undefined);
    const choice = [c.nodeId(0), c.nodeId(2)].find((id) => id !== moved.o.assigned) as string;
    await c.setOverride(m, choice);
    const dropped = await until(c, "the record dropped after the operator's edit", m, (o) => o.record === undefined);
    assert.equal(dropped.o.assigned, choice);
    await c.runs?.(m, choice);
    await c.startNode(1);
    const canaryBackMs = await untilConfirmedUp(c, canary);
    assert.deepEqual(await ownership(c.db, m), { assigned: choice }, "the operator's choice stands after the return");
    await c.runs?.(m, choice);
    return { movedMs: moved.ms, recordDroppedMs: dropped.ms, canaryBackMs };
  });
}

/** A monitor moved twice (its temporary owner dies too) returns to its original owner only. */
export async function movedTwiceReturnsToOriginalOwner(c: OwnershipCluster): Promise<Record<string, number>> {
  const m = await c.createMonitor(1);
  const canaries = [await c.createMonitor(0), -1, await c.createMonitor(2)];
  const stopped: number[] = [];
  return withStopped(c, stopped, async () => {
    stopped.push(1);
    await c.stopNode(1);
    const first = await until(c, "the first move", m, (o) => o.record !== undefined);
    const t1 = [0, 2].find((i) => c.nodeId(i) === first.o.assigned) as number;
    assert.notEqual(t1, undefined, `moved to a healthy node, not ${first.o.assigned}`);
    stopped.push(t1);
    await c.stopNode(t1);
    const second = await until(c, "the second move", m, (o) => o.assigned !== c.nodeId(t1) && o.record !== undefined);
    assert.deepEqual(second.o.record, { from: c.nodeId(1), to: second.o.assigned }, "the record keeps the original owner");
    // The first temporary owner comes back: it gets its own canary back, not this monitor.
    await c.startNode(t1);
    stopped.splice(stopped.indexOf(t1), 1);
    await untilConfirmedUp(c, canaries[t1]);
    assert.equal((await ownership(c.db, m)).assigned, second.o.assigned, "not pulled back to the first temporary owner");
    await c.startNode(1);
    stopped.splice(stopped.indexOf(1), 1);
    const home = await until(c, "the monitor back with its original owner", m, (o) => o.assigned === null && o.record === undefined);
    return { firstMoveMs: first.ms, secondMoveMs: second.ms, homeMs: home.ms };
  });
}
