// log_by_lua: passive health checks from the request's upstream status; metrics and anomalies.
import * as verdicts from "../health/verdicts";
import { finish } from "../request/state";
import { guard } from "../runtime/guard";
import * as observability from "./observability";

function requestEnded(): void {
  const [route, retried, upgraded] = finish();
  verdicts.afterRequest(route, retried);
  observability.requestEnded(route, retried, upgraded);
}

export function run(): void {
  guard("log", requestEnded);
}
