// log_by_lua: passive health checks from the request's upstream status.
import { afterRequest } from "../health/passive";
import { guard } from "./guard";

export function run(): void {
  guard("log", afterRequest);
}
