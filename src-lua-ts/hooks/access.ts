// access_by_lua: decide where the request goes, one entry per proxying location of
// nginx/public.conf (what the location tells about the request is not asked again).
import { route } from "../router/access";
import { guard } from "../runtime/guard";

const monitorApi = (): void => route(true, false);
const socketIo = (): void => route(false, true);
const other = (): void => route(false, false);

/** /api/: push, badge and REST monitor paths route to the monitor's owner. */
export function api(): void {
  if (!guard("access", monitorApi)) ngx.exit(503);
}

/** /socket.io/: the only WebSocket upgrades that reach a node. */
export function socketio(): void {
  if (!guard("access", socketIo)) ngx.exit(503);
}

/** Everything else: the browser's pages and assets. */
export function run(): void {
  if (!guard("access", other)) ngx.exit(503);
}
