// init_worker_by_lua: the timers. Every worker ticks; leases pick the one that works.
import * as sync from "../cluster/sync";
import * as store from "../cluster/snapshot_store";
import * as health from "../health/service";
import * as observability from "./observability";

export function run(): void {
  sync.start();
  store.start();
  health.start();
  observability.start();
}
