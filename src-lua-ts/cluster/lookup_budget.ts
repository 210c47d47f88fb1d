// The router-wide budget for database work that requests cause: lookups of keys the snapshot
// does not know. At most ROUTER_LOOKUP_CONNECTIONS at once and ROUTER_LOOKUP_RATE a second,
// counted in kuma_lookups across workers. A slot is a key added with an expiry (a semaphore
// that a worker dying mid-lookup cannot leak); the rate is a counter per second. The sync and
// the health writer never take from it, so requests cannot starve them.
import * as config from "../runtime/config";
import { KEYS, lookupsDict } from "../runtime/dicts";

const SLOT_PREFIX = KEYS.lookups.budgetSlot;
const RATE_PREFIX = KEYS.lookups.budgetSecond;

let slotKeys: string[] | undefined;

function slots(): string[] {
  if (slotKeys === undefined) {
    slotKeys = [];
    for (let i = 1; i <= config.get().lookups.connections; i++) slotKeys.push(`${SLOT_PREFIX}${i}`);
  }
  return slotKeys;
}

/** A free slot within this second's rate, or undefined when the budget is spent. */
export function acquire(): string | undefined {
  const settings = config.get();
  // A lookup is a connect and a query, each bounded by DB_TIMEOUT: the slot outlives it.
  const holdS = (2 * settings.db.timeoutMs) / 1000 + 1;
  let slot: string | undefined;
  for (const key of slots()) {
    const [added] = lookupsDict.add(key, true, holdS);
    if (added) {
      slot = key;
      break;
    }
  }
  if (slot === undefined) return undefined;
  const [count] = lookupsDict.incr(`${RATE_PREFIX}${Math.floor(ngx.now())}`, 1, 0, 2);
  if (count === undefined || count > settings.lookups.ratePerS) {
    lookupsDict.delete(slot);
    return undefined;
  }
  return slot;
}

export function release(slot: string): void {
  lookupsDict.delete(slot);
}
