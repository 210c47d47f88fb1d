// Expiring leases in a shared dict: exactly one worker of this nginx instance holds a lease
// (snapshot sync, probes) and renews it every tick; when the holder dies, the lease expires
// and the next worker to tick takes over.
import { locksDict as locks } from "./dicts";

/** True when this worker holds (or just took) the lease `name` for the next `ttlS` seconds. */
export function holdLease(name: string, ttlS: number): boolean {
  const me = ngx.worker.pid();
  const [taken] = locks.add(name, me, ttlS);
  if (taken) return true;
  const [holder] = locks.get(name);
  if (holder !== me) return false;
  locks.set(name, me, ttlS);
  return true;
}

/** The pid holding the lease, if any (for the status page). */
export function leaseHolder(name: string): number | undefined {
  const [holder] = locks.get(name);
  return typeof holder === "number" ? holder : undefined;
}

/** Gives up a lease this worker holds, so a reloaded worker need not wait for it to lapse. */
export function releaseLease(name: string): void {
  const [holder] = locks.get(name);
  if (holder === ngx.worker.pid()) locks.delete(name);
}
