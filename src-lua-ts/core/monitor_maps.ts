// A worker's monitor maps and the changes that move them from one version to the next. Pure,
// so the router (Lua) and the tests (Node) apply them the same way.
//
// Both are flat string lists, which decode into one table each (no table per monitor):
// - entries: id, owner, push token ("" for none), repeated; an empty owner means the monitor is
//   gone (deleted, or no longer active);
// - drops: push token, id, repeated: tokens the monitor held before the change, forgotten
//   unless another monitor holds them by now.
import type { MonitorRow } from "./snapshot";

export interface MonitorMaps {
  /** monitor id (decimal string) -> effective owner node id */
  ownerOf: Record<string, string>;
  /** push token -> monitor id */
  monitorOfToken: Record<string, string>;
  /** node id -> monitors it owns */
  owned: Record<string, number>;
  count: number;
}

/** What one version changed: applied drops first, then entries. */
export interface MonitorDelta {
  entries: string[];
  drops: string[];
}

export function emptyMaps(): MonitorMaps {
  return { ownerOf: {}, monitorOfToken: {}, owned: {}, count: 0 };
}

/** The rows as entries (a base, or the present state of changed monitors). */
export function rowsToEntries(rows: MonitorRow[], from = 0, to = rows.length): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const m = rows[i];
    out.push(`${m.id}`, m.owner, m.push_token);
  }
  return out;
}

function setOwner(maps: MonitorMaps, id: string, owner: string, token: string): void {
  const previous = maps.ownerOf[id];
  if (previous !== undefined) {
    maps.owned[previous] = (maps.owned[previous] ?? 1) - 1;
    maps.count--;
  }
  if (owner === "") {
    delete maps.ownerOf[id];
    return;
  }
  maps.ownerOf[id] = owner;
  maps.owned[owner] = (maps.owned[owner] ?? 0) + 1;
  maps.count++;
  if (token !== "") maps.monitorOfToken[token] = id;
}

export function applyEntries(maps: MonitorMaps, entries: string[]): void {
  for (let i = 0; i + 2 < entries.length; i += 3) setOwner(maps, entries[i], entries[i + 1], entries[i + 2]);
}

export function applyDelta(maps: MonitorMaps, delta: MonitorDelta): void {
  const drops = delta.drops;
  for (let i = 0; i + 1 < drops.length; i += 2) {
    if (maps.monitorOfToken[drops[i]] === drops[i + 1]) delete maps.monitorOfToken[drops[i]];
  }
  applyEntries(maps, delta.entries);
}
