// Per-worker counting: a request adds to a Lua table (no shared-memory lock on the hot path);
// a timer flushes the table into kuma_metrics every FLUSH_INTERVAL_S with one incr per key, so
// every worker's counts add up there. A worker that crashes loses at most one interval.
import {
  API_LATENCY,
  DECISIONS,
  FALLBACKS,
  LATENCY_BUCKETS,
  REASONS,
  REJECTED,
  RETRIES,
  TRANSITIONS_TOTAL,
  WEBSOCKETS,
} from "../core/metrics_catalog";
import { bucketKey, processKey, sampleKey, sumKey } from "../core/metrics_text";
import type { Reason } from "../core/route";
import { metricsDict as dict } from "../runtime/dicts";

/** Seconds between flushes: how late /metrics may be about another worker's requests. */
export const FLUSH_INTERVAL_S = 1;

let pending: Record<string, number> = {};
let lastError: string | undefined;

export function add(key: string, n: number): void {
  pending[key] = (pending[key] ?? 0) + n;
}

/** Moves this worker's counts into the shared dict. Never yields. */
export function flush(): void {
  const batch = pending;
  pending = {};
  for (const key in batch) {
    const n = batch[key];
    if (n === 0) continue;
    const [, err] = dict.incr(key, n, 0);
    if (err !== undefined && err !== lastError) ngx.log(ngx.ERR, `metrics: kuma_metrics: ${err} (key ${key})`);
    lastError = err;
  }
}

// Keys are built once per node and reason, not per request.

export interface NodeKeys {
  buckets: string[];
  sum: string;
  retry: string;
  websockets: string;
}

const nodeKeys: Record<string, NodeKeys | undefined> = {};

function required(key: string | undefined, what: string): string {
  if (key === undefined) throw `metrics: no key for ${what}`;
  return key;
}

/** The keys of a registry node id (ids cannot contain the key separator; checked anyway). */
export function keysOf(nodeId: string): NodeKeys {
  let k = nodeKeys[nodeId];
  if (k === undefined) {
    const labels = [nodeId];
    const buckets: string[] = [];
    for (let i = 0; i <= LATENCY_BUCKETS.length; i++) buckets.push(required(bucketKey(API_LATENCY, labels, i), nodeId));
    k = {
      buckets,
      sum: required(sumKey(API_LATENCY, labels), nodeId),
      retry: required(sampleKey(RETRIES, labels), nodeId),
      websockets: required(processKey(WEBSOCKETS, labels, ngx.worker.pid()), nodeId),
    };
    nodeKeys[nodeId] = k;
  }
  return k;
}

/** kuma_router_decisions_total keys by reason (a table, not a function: it is read per request). */
export const DECISION_KEYS = {} as Record<Reason, string>;
for (const r of REASONS) DECISION_KEYS[r] = required(sampleKey(DECISIONS, [r]), r);

export const FALLBACK_KEY = required(sampleKey(FALLBACKS, []), FALLBACKS);
export const REJECTED_KEY = required(sampleKey(REJECTED, []), REJECTED);

export function transitionKey(nodeId: string, to: "up" | "down"): string | undefined {
  return sampleKey(TRANSITIONS_TOTAL, [nodeId, to]);
}
