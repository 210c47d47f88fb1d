// When the supervisor may call its node's reconcile trigger, as pure functions of the clock.
//
// The fork reconciles on its own at second 0 of every minute (a croner job). Two reconcile runs
// on one node must never overlap: each starts the monitors it finds missing one by one, with
// 100-300 ms pauses, so both would start the same monitor and the first instance would run on,
// unstoppable. So a trigger never starts from :59.0 to :01.0, nor while the minute's run is
// still logging "Reconciling:" lines, nor when its own run would last into :59.0; and changes
// seen before a minute's run began are left to that run. docs/node-package.md has the figures.

export const MINUTE_MS = 60_000;
/** No trigger starts this close before the minute's run... */
export const CRON_GUARD_BEFORE_MS = 1_000;
/** ...or this soon after it began. */
export const CRON_GUARD_AFTER_MS = 1_000;
/** The minute's run is over once it has logged nothing for this long. */
export const CRON_QUIET_MS = 1_000;
/** Lines this long after the minute are not the minute's run (a long run keeps logging, though). */
export const CRON_RUN_LIMIT_MS = 50_000;
/** The fork's pause after each start (100-300 ms) and each stop (50-150 ms), at their longest. */
export const START_SPACING_MS = 300;
export const STOP_SPACING_MS = 150;
/** Added to every expected run: the reconciler's query and the HTTP round trip. */
export const RUN_MARGIN_MS = 1_000;
/**
 * How long a new monitor waits for the node's own "Resume Monitor" line before it counts as
 * moved: Uptime Kuma's add writes the row, then the monitor's notifications and the browser's
 * list, and only then starts it and says so.
 */
export const ANNOUNCE_GRACE_MS = 1_000;
/** How long after its "Resume Monitor" line a monitor the node started without owning it is stopped. */
export const STRAY_GRACE_MS = 500;

export function minuteStart(nowMs: number): number {
  return nowMs - (((nowMs % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
}

/** How long a reconcile run takes at most that starts `starts` monitors and stops `stops`. */
export function expectedRunMs(starts: number, stops: number): number {
  return starts * START_SPACING_MS + stops * STOP_SPACING_MS + RUN_MARGIN_MS;
}

/**
 * Milliseconds until a trigger whose run lasts `runMs` may start at `nowMs`; 0 means now.
 * `lastReconcileLineMs` is when the node last logged a "Reconciling:" line (undefined: never).
 */
export function holdMs(nowMs: number, runMs: number, lastReconcileLineMs: number | undefined): number {
  const minute = minuteStart(nowMs);
  const intoMinute = nowMs - minute;
  if (intoMinute < CRON_GUARD_AFTER_MS) return CRON_GUARD_AFTER_MS - intoMinute;
  if (lastReconcileLineMs !== undefined && lastReconcileLineMs >= minute && lastReconcileLineMs - minute < CRON_RUN_LIMIT_MS) {
    const quietFor = nowMs - lastReconcileLineMs;
    if (quietFor < CRON_QUIET_MS) return CRON_QUIET_MS - quietFor;
  }
  const nextRun = minute + MINUTE_MS;
  if (nowMs + runMs > nextRun - CRON_GUARD_BEFORE_MS) return nextRun + CRON_GUARD_AFTER_MS - nowMs;
  return 0;
}

/**
 * Whether the node's own run of the current minute has already done what a change observed at
 * `observedMs` needs: that run read the database at or after the minute began, so it saw any
 * change observed before then. `cronSinceMs` is when the node's minute timer began to run
 * (after its start-up), `nowMs` must be past the guard of the current minute.
 */
export function coveredByMinuteRun(observedMs: number, nowMs: number, cronSinceMs: number): boolean {
  const minute = minuteStart(nowMs);
  return minute > cronSinceMs && observedMs < minute && nowMs - minute >= CRON_GUARD_AFTER_MS;
}

/** How a change of the node's assignment is to be handled. */
export interface Change {
  /** Monitors that were already in the database and are now assigned to the node: moved to it. */
  moved: number[];
  /**
   * Monitors created since the last reading: usually added on this very node, which starts them
   * itself and says so a moment later ("Resume Monitor: <id>"); they wait for that line.
   */
  created: number[];
  /** No longer assigned to it, or started by it without being assigned (an edit on a non-owner). */
  stops: number[];
}

/**
 * The change from the assignment `before` to `after`. `maxIdBefore` is the largest monitor id
 * of the whole table at the earlier reading. `started` and `stopped` are monitors the node
 * announced itself ("Resume Monitor: <id>"; "Pause Monitor: <id>", "Delete Monitor: <id>"):
 * a monitor it started needs nothing, one it stopped neither, one it started without owning it
 * must stop.
 */
export function changeBetween(
  before: ReadonlySet<number>,
  after: ReadonlySet<number>,
  maxIdBefore: number,
  started: ReadonlySet<number>,
  stopped: ReadonlySet<number>,
): Change {
  const added = [...after].filter((id) => !before.has(id) && !started.has(id)).sort((a, b) => a - b);
  const stops = new Set([...before].filter((id) => !after.has(id) && !stopped.has(id)));
  for (const id of started) if (!after.has(id)) stops.add(id);
  return {
    moved: added.filter((id) => id <= maxIdBefore),
    created: added.filter((id) => id > maxIdBefore),
    stops: [...stops].sort((a, b) => a - b),
  };
}
