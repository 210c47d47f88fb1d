// init_worker_by_lua: the per-worker timers (snapshot sync, probes) start here.
export function run(): void {
  // Issue 3 and 5 add the snapshot sync and the health prober.
}
