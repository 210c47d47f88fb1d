// header_filter_by_lua: routing headers and the fixed-node cookie; open WebSockets (metrics).
import { setHeaders } from "../router/headers";
import { guard } from "./guard";
import * as observability from "./observability";

export function run(): void {
  guard("header_filter", setHeaders);
  observability.upgradeStarted();
}
