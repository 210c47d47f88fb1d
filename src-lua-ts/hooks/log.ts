// log_by_lua: passive health checks from the request's upstream status; metrics and anomalies.
import { afterRequest } from "../health/passive";
import { guard } from "./guard";
import * as observability from "./observability";

function requestEnded(): void {
  afterRequest();
  observability.requestEnded();
}

export function run(): void {
  guard("log", requestEnded);
}
