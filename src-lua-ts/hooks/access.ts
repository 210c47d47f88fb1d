// access_by_lua: decide where the request goes.
import { route } from "../router/access";
import { guard } from "./guard";

export function run(): void {
  if (!guard("access", route)) ngx.exit(503);
}
