// Hand-over figures with real fork nodes: a node killed (SIGKILL) and restarted, and for each of
// its monitors the gap (the router's move, seen in MariaDB, until the new owner's fork logs
// "Reconciling: starting" for it) and, on return, the overlap (the home node started it until
// the temporary owner stopped it; negative: neither ran it for that long). Each sample keeps the
// second of the minute its move landed in: the fork's own reconcile runs at second 00 and the
// hand-over trigger stays out of its way from second 59 (docs/node-package.md), so moves near
// the minute are reported apart.
import type { Pool } from "mysql2/promise";
import { rows, until } from "./cluster";
import type { ForkNode } from "./fork-node";

export interface Sample {
  ms: number;
  /** Second of the minute (0-59.99) at which the move was seen. */
  second: number;
}

/** Moves seen at or after this second of the minute, or before MINUTE_END, are "at the minute". */
const MINUTE_START = 55;
const MINUTE_END = 2;
export const atTheMinute = (s: Sample): boolean => s.second >= MINUTE_START || s.second < MINUTE_END;

/**
 * Generous for a loaded 2-core machine, yet well below the fork's one-minute timer: a start
 * within it shows the trigger (or the minute's run right after a move at the minute).
 */
const RUN_TIMEOUT_MS = 20_000;

export const secondOfMinute = (at: number): number => (at % 60_000) / 1000;

/** Waits until the clock is within [from, to) seconds of a minute. */
export async function atSecond(from: number, to: number): Promise<void> {
  for (;;) {
    const s = secondOfMinute(Date.now());
    if (s >= from && s < to) return;
    const wait = s < from ? from - s : 60 - s + from;
    await new Promise((r) => setTimeout(r, Math.max(10, wait * 1000)));
  }
}

/** Polls the monitors' rows every 25 ms; resolves with when each first met `moved`, and its owner then. */
export async function watchMoves(
  db: Pool,
  ids: number[],
  moved: (assigned: string | null) => boolean,
  timeoutMs: number,
): Promise<Map<number, { at: number; to: string | null }>> {
  const seen = new Map<number, { at: number; to: string | null }>();
  await until(
    `monitors ${ids.join(",")} moved`,
    timeoutMs,
    async () => {
      for (const r of await rows(db, `SELECT id, assigned_node FROM monitor WHERE id IN (${ids.join(",")})`)) {
        const id = Number(r.id);
        const assigned = r.assigned_node as string | null;
        if (!seen.has(id) && moved(assigned)) seen.set(id, { at: Date.now(), to: assigned });
      }
      return seen.size === ids.length ? true : undefined;
    },
    25,
  );
  return seen;
}

const reconcileLine = (action: "starting" | "stopping", id: number): RegExp =>
  new RegExp(`Reconciling: ${action} monitor .*\\(ID: ${id}\\)\\s*$`);

export interface Samples {
  failoverGap: Sample[];
  returnGap: Sample[];
  returnOverlap: Sample[];
}

/**
 * Kills `victim` (its monitors `ids`) and measures each monitor's failover gap. `during` runs
 * alongside the watch (the suite's traffic checks); returns the kill time.
 */
export async function failoverRound(
  db: Pool,
  nodes: ForkNode[],
  victim: ForkNode,
  ids: number[],
  into: Samples,
  during: () => Promise<unknown> = async () => undefined,
): Promise<{ killedAt: number; movedAt: number; awayTo: Map<number, string> }> {
  const awayTo = new Map<number, string>();
  const killedAt = Date.now();
  victim.kill();
  const [moves] = await Promise.all([watchMoves(db, ids, (a) => a !== null, 30_000), during()]);
  for (const [id, move] of moves) {
    if (move.to === victim.id) throw new Error(`monitor ${id} moved to the dead node`);
    const owner = nodes.find((n) => n.id === move.to);
    if (owner === undefined) throw new Error(`monitor ${id} moved to ${move.to}, not a node of the cluster`);
    awayTo.set(id, owner.id);
    const started = await owner.waitForLine(reconcileLine("starting", id), RUN_TIMEOUT_MS, killedAt);
    into.failoverGap.push({ ms: started.at - move.at, second: secondOfMinute(move.at) });
  }
  return { killedAt, movedAt: Math.max(...[...moves.values()].map((m) => m.at)), awayTo };
}

/** Restarts `victim` and measures each monitor's return gap and overlap. Returns the restart time. */
export async function returnRound(
  db: Pool,
  nodes: ForkNode[],
  victim: ForkNode,
  awayTo: Map<number, string>,
  into: Samples,
  during: () => Promise<unknown> = async () => undefined,
): Promise<{ restartedAt: number; homeAt: number }> {
  const ids = [...awayTo.keys()];
  const restartedAt = Date.now();
  await victim.start();
  const [homeAt] = await Promise.all([watchMoves(db, ids, (a) => a === null, 60_000), during()]);
  for (const [id, home] of homeAt) {
    const started = await victim.waitForLine(reconcileLine("starting", id), RUN_TIMEOUT_MS, restartedAt);
    into.returnGap.push({ ms: started.at - home.at, second: secondOfMinute(home.at) });
    const temporary = nodes.find((n) => n.id === awayTo.get(id)) as ForkNode;
    const stopped = await temporary.waitForLine(reconcileLine("stopping", id), RUN_TIMEOUT_MS, restartedAt);
    into.returnOverlap.push({ ms: stopped.at - started.at, second: secondOfMinute(home.at) });
  }
  return { restartedAt, homeAt: Math.max(...[...homeAt.values()].map((h) => h.at)) };
}
