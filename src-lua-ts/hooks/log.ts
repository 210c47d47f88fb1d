// log_by_lua: passive health checks from the request's upstream status; metrics and anomalies.
import { afterRequest } from "../health/passive";
import { finish } from "../router/request_state";
import { guard } from "./guard";
import * as observability from "./observability";

function requestEnded(): void {
  const [route, retried, upgraded] = finish();
  afterRequest(route, retried);
  observability.requestEnded(route, retried, upgraded);
}

export function run(): void {
  guard("log", requestEnded);
}
