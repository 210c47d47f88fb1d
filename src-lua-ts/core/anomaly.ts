// Routing anomalies as log lines, pure: what each says and how often. One line per kind and
// node per interval (per worker); what was held back is counted and reported with the next line.
// Lines carry node ids from the registry, fixed reasons and numbers: never a cookie value that
// is not a registered node id, a token, a monitor id or a password.
import type { Reason } from "./route";

export type Anomaly =
  /** Every node failed its checks; the registry's online nodes were used. */
  | { kind: "all-down-fallback"; node: string; reason: Reason }
  /** The first try to `node` failed; `to` served the request. */
  | { kind: "retry"; node: string; to: string; reason: Reason }
  /** The pinned node (`from`, a registered id) is down: the browser was pinned to `node`. */
  | { kind: "re-pin"; node: string; from: string | undefined }
  /** The registry has not been read for ageS seconds: routing continues from the last snapshot. */
  | { kind: "stale-snapshot"; ageS: number; version: number };

export type AnomalyKind = Anomaly["kind"];

/** Seconds between two lines of one kind and node, per worker. */
export const ANOMALY_LOG_INTERVAL_S = 10;

/** The limiter's key: kind and node (the snapshot has no node). */
export function anomalyKey(a: Anomaly): string {
  return a.kind === "stale-snapshot" ? a.kind : `${a.kind}|${a.node}`;
}

export interface LimitEntry {
  /** Until then, lines of this key are held back and counted. */
  until: number;
  suppressed: number;
}

export type Limiter = Record<string, LimitEntry>;

/**
 * Whether a line for `key` may be written at `now`: the number of lines held back since the
 * last one (to report with it), or undefined when this one is held back too.
 */
export function admit(limiter: Limiter, key: string, now: number, intervalS: number): number | undefined {
  const entry = limiter[key];
  if (entry !== undefined && now < entry.until) {
    entry.suppressed++;
    return undefined;
  }
  const suppressed = entry === undefined ? 0 : entry.suppressed;
  limiter[key] = { until: now + intervalS, suppressed: 0 };
  return suppressed;
}

/** Drops entries whose interval passed with nothing held back (nodes that left the registry). */
export function prune(limiter: Limiter, now: number): void {
  const gone: string[] = [];
  for (const key in limiter) {
    const e = limiter[key];
    if (now >= e.until && e.suppressed === 0) gone.push(key);
  }
  for (const key of gone) delete limiter[key];
}

function body(a: Anomaly): string {
  switch (a.kind) {
    case "all-down-fallback":
      return `all-down-fallback node=${a.node} reason=${a.reason}: every node failed the router's checks, routed by the registry alone`;
    case "retry":
      return `retry node=${a.node} to=${a.to} reason=${a.reason}: the first try failed (connect error or timeout), served by the retry node`;
    case "re-pin":
      return `re-pin node=${a.node} from=${a.from ?? "-"}: the pinned node is down, browser pinned anew`;
    case "stale-snapshot":
      return `stale-snapshot version=${a.version} age=${Math.floor(a.ageS)}s: the registry cannot be read, routing from the last snapshot`;
  }
}

/** The log line; `suppressed` lines of the same kind and node were held back since the last one. */
export function describeAnomaly(a: Anomaly, suppressed: number): string {
  const tail = suppressed > 0 ? ` (${suppressed} more held back since the last such line)` : "";
  return `routing anomaly: ${body(a)}${tail}`;
}

/** A snapshot older than this is stale: several sync intervals missed, at least 10 s. */
export function staleAfterS(syncIntervalS: number): number {
  return Math.max(10, 5 * syncIntervalS);
}
