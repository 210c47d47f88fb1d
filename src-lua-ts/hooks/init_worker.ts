// init_worker_by_lua: the timers. Every worker ticks; leases pick the one that works.
import * as sync from "../cluster/sync";

export function run(): void {
  sync.start();
}
