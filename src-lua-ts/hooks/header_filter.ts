// header_filter_by_lua: routing headers and the fixed-node cookie.
import { setHeaders } from "../router/headers";
import { guard } from "./guard";

export function run(): void {
  guard("header_filter", setHeaders);
}
