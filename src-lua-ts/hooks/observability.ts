// The observability layer's nginx entry points: /metrics and the status page (internal
// listener), the request's end (log phase), an accepted upgrade (header filter), the timer.
import * as exposition from "../metrics/exposition";
import * as record from "../metrics/record";
import * as statusPage from "../metrics/status_page";
import * as timer from "../metrics/timer";
import * as anomalies from "../router/anomalies";
import { guard } from "./guard";

export const metrics = (): boolean => guard("metrics", exposition.serve);
export const status = (): boolean => guard("lb status page", statusPage.serve);

function requestEnded(): void {
  const route = ngx.ctx.route;
  record.afterRequest(route);
  anomalies.afterRequest(route);
}

/** log_by_lua of the proxying location. */
export function afterRequest(): void {
  guard("observability log", requestEnded);
}

/** header_filter_by_lua of the proxying location; nearly every response is not a 101. */
export function upgradeStarted(): void {
  if (ngx.status === 101) guard("observability header filter", record.upgradeStarted);
}

/** init_worker_by_lua. */
export function start(): void {
  timer.start();
}
