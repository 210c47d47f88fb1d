// log_by_lua: passive health checks from the request's upstream status; metrics and anomalies.
import { afterRequest } from "../health/passive";
import { guard } from "./guard";
import * as observability from "./observability";

export function run(): void {
  guard("log", afterRequest);
  observability.afterRequest();
}
