// The per-worker timer of the observability layer: every FLUSH_INTERVAL_S it flushes this
// worker's counts; in the one worker holding the sampler lease it also counts health
// transitions and checks the snapshot's age. On worker exit it flushes one last time.
import { guard } from "../runtime/guard";
import * as anomalies from "./anomalies";
import { FLUSH_INTERVAL_S } from "./counters";
import { ENABLED, flush, workerExiting } from "./record";
import { sampleTransitions, sampling } from "./sampler";

function sample(): void {
  if (!sampling()) return;
  if (ENABLED) sampleTransitions();
  anomalies.checkSnapshot();
}

function tick(premature: boolean): void {
  // premature: the worker is exiting and this is the timer's last run.
  if (premature) workerExiting();
  guard("metrics flush", () => flush(ngx.now()));
  if (premature) return;
  guard("metrics sampler", sample);
  anomalies.tick(ngx.now());
}

/** init_worker: one timer per worker. */
export function start(): void {
  const [ok, err] = ngx.timer.every(FLUSH_INTERVAL_S, tick);
  if (ok === undefined) ngx.log(ngx.ERR, `metrics: cannot start the flush timer: ${err}`);
}
