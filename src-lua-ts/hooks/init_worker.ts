// init_worker_by_lua: the timers. Every worker ticks; leases pick the one that works.
import * as sync from "../cluster/sync";
import * as store from "../cluster/snapshot_store";
import * as prober from "../health/prober";
import * as writer from "../health/writer";
import * as observability from "./observability";

export function run(): void {
  sync.start();
  store.start();
  prober.start();
  writer.start();
  observability.start();
}
