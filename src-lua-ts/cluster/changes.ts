// The change log of `monitor` (core/router_tables.ts): whether it is complete, installing it
// when it is not, and what changed after the last row the snapshot holds.
//
// The cursor (the last sequence number the stored monitors include) lives in kuma_snapshot
// beside them: a flushed dict loses both, and the sync reads everything again. Sequence numbers
// are handed out when a writer inserts its row, not when it commits: a row that is missing
// between two read ones may belong to a transaction still open, so the cursor stops before it
// and the rows after it are read again next time (re-applying a monitor's present state is
// harmless) until it shows up, or for GAP_WAIT_S (a rolled-back transaction leaves a hole).
import { CHANGE_TABLE_DDL, CHANGE_TRIGGERS, CHANGE_TRIGGERS_COUNT_SQL } from "../core/router_tables";
import { KEYS, snapshotDict as dict } from "../runtime/dicts";
import * as db from "./db";
import { CHANGE_CURSOR_SQL, ChangeRow, PRUNE_CHANGES_SQL, changeRows, changesSinceSql, singleNumber } from "./queries";

/** Check the triggers this often (seconds): a fork migration that recreated `monitor` drops them. */
const CHECK_EVERY_S = 30;
/** A hole in the sequence older than this is taken for a rollback (seconds). */
const GAP_WAIT_S = 3;
/** More changes than this since the cursor: a full read is cheaper than the list. */
export const MAX_CHANGES = 5000;
const PRUNE_EVERY_S = 60;

const CHECKED_AT = KEYS.snapshot.changesCheckedAt;
const COMPLETE = KEYS.snapshot.changesComplete;
const CURSOR = KEYS.snapshot.changesCursor;
const GAP_SINCE = KEYS.snapshot.changesGapSince;
const PRUNED_AT = KEYS.snapshot.changesPrunedAt;

let lastInstallError: string | undefined;

/**
 * True when the triggers are in place (checked every CHECK_EVERY_S); installs what is missing.
 * A change log that was just completed has missed changes: the cursor goes, so the next sync
 * reads everything.
 */
export function available(): boolean {
  const now = ngx.now();
  const [checkedAt] = dict.get(CHECKED_AT);
  const [complete] = dict.get(COMPLETE);
  if (typeof checkedAt === "number" && now - checkedAt < CHECK_EVERY_S) return complete === true;
  const count = singleNumber(db.query(CHANGE_TRIGGERS_COUNT_SQL), "n");
  // The database did not answer: the sync fails at its next step anyway; ask again next time.
  if (count === undefined) return complete === true;
  let ok = count === CHANGE_TRIGGERS.length;
  if (!ok) {
    const installed = install();
    // No `monitor` yet (the fork's first start creates it): look again at the next sync.
    if (installed === undefined) return false;
    ok = installed;
    if (ok) dict.delete(CURSOR);
  }
  dict.set(CHECKED_AT, now);
  if (ok && complete !== true) dict.delete(CURSOR);
  dict.set(COMPLETE, ok);
  return ok;
}

/** True when installed; undefined while there is no `monitor` table to install them on. */
function install(): boolean | undefined {
  for (const ddl of [CHANGE_TABLE_DDL, ...CHANGE_TRIGGERS.map((t) => t.ddl)]) {
    const res = db.query(ddl);
    if (res.errno === db.NO_SUCH_TABLE) return undefined;
    if (res.error !== undefined) {
      if (res.error !== lastInstallError) {
        ngx.log(
          ngx.ERR,
          `snapshot sync: cannot install the monitor change log (run kuma-cluster-node migrate, or grant TRIGGER), ` +
            `every change reads all monitors: ${res.error}`,
        );
      }
      lastInstallError = res.error;
      return false;
    }
  }
  if (lastInstallError !== undefined) ngx.log(ngx.NOTICE, "snapshot sync: monitor change log installed");
  lastInstallError = undefined;
  return true;
}

/** The cursor the stored monitors include, or undefined (then only a full read will do). */
export function cursor(): number | undefined {
  const [c] = dict.get(CURSOR);
  return typeof c === "number" ? c : undefined;
}

/** The log's last sequence number now: read before the monitors of a full read. */
export function head(): number | undefined {
  return singleNumber(db.query(CHANGE_CURSOR_SQL), "seq");
}

export function setCursor(seq: number): void {
  dict.set(CURSOR, seq);
}

export interface Pending {
  rows: ChangeRow[];
  /** Where the cursor goes once these rows are published. */
  next: number;
}

/** The rows after `from`; "overflow" when there are more than MAX_CHANGES; an error as a string. */
export function since(from: number): Pending | "overflow" | string {
  const res = db.query(changesSinceSql(from, MAX_CHANGES + 1));
  const rows = changeRows(res);
  if (rows === undefined) return `change log: ${res.error ?? "no rows"}`;
  if (rows.length > MAX_CHANGES) return "overflow";
  let next = from;
  for (const r of rows) {
    if (r.seq !== next + 1) break;
    next = r.seq;
  }
  const last = rows.length > 0 ? rows[rows.length - 1].seq : from;
  const [gapSince] = dict.get(GAP_SINCE);
  if (next === last) {
    if (gapSince !== undefined) dict.delete(GAP_SINCE);
  } else if (typeof gapSince !== "number") {
    dict.set(GAP_SINCE, ngx.now());
  } else if (ngx.now() - gapSince >= GAP_WAIT_S) {
    next = last;
    dict.delete(GAP_SINCE);
  }
  return { rows, next };
}

/** Deletes rows older than an hour, once a minute at most. */
export function prune(): void {
  const now = ngx.now();
  const [at] = dict.get(PRUNED_AT);
  if (typeof at === "number" && now - at < PRUNE_EVERY_S) return;
  dict.set(PRUNED_AT, now);
  db.query(PRUNE_CHANGES_SQL);
}
