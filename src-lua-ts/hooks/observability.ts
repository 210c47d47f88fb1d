// The observability layer's nginx entry points: /metrics (internal listener), the request's
// end (log phase), the timer.
import * as exposition from "../metrics/exposition";
import * as record from "../metrics/record";
import * as timer from "../metrics/timer";
import type { Route } from "../request/route";
import * as anomalies from "../metrics/anomalies";
import { guard } from "../runtime/guard";

export const metrics = (): boolean => guard("metrics", exposition.serve);

/** The log phase of the proxying locations (under hooks/log.ts's guard). */
export function requestEnded(route: Route | undefined, retried: boolean, upgraded: boolean): void {
  record.afterRequest(route, retried, upgraded);
  anomalies.afterRequest(route, retried);
}

/** init_worker_by_lua. */
export function start(): void {
  timer.start();
}
