// The snapshot in shared memory and each worker's copy of it. The sync writes and then bumps a
// monotonic version (incr, not a timestamp: two syncs within one second are two versions).
//
// Two parts. The node list (small, and different at nearly every sync: last_seen ages move
// every second) is one JSON value with its digest; a worker decodes it when the digest moved.
// The monitors (100,000 of them are 6 MB of JSON) are a base plus deltas, numbered by their
// own counter (the monitors version):
// - the base: the monitors at one monitors version, in chunks of CHUNK monitors, under an id of
//   its own (a flushed dict, a full read, a rebase after KEEP_DELTAS deltas: another id);
// - one delta per later monitors version: what that version changed (core/monitor_maps.ts).
// A worker holding the base applies the deltas after the version it holds, in order; one that
// misses a delta (evicted, or written under another base) loads the base again. Loading a base
// takes one chunk per tick of the worker's timer (start()) while requests keep routing from the
// maps the worker has: a request never decodes more than INLINE_BYTES (docs/benchmarks.md,
// "Snapshot at scale"). Only a worker that has no maps at all loads a large base at once.
import * as cjson from "cjson.safe";
import { Snapshot, indexNodes } from "../core/snapshot";
import type { MonitorRow, StoredSnapshot } from "../core/snapshot";
import { MonitorDelta, MonitorMaps, applyDelta, applyEntries, emptyMaps, rowsToEntries } from "../core/monitor_maps";
import { KEYS, snapshotDict as dict } from "../runtime/dicts";
import { guard } from "../runtime/guard";
import { VersionWatch } from "../runtime/version_watch";

const VERSION = KEYS.snapshot.version;
const SYNCED_AT = KEYS.snapshot.syncedAt;
const LAST_ERROR = KEYS.snapshot.lastError;
const FAILED_AT = KEYS.snapshot.failedAt;
const MONITORS_SOURCE = KEYS.snapshot.monitorsSource;
const BASE = KEYS.snapshot.monitorsBase;
const MONITORS_VERSION = KEYS.snapshot.monitorsVersion;
const DELTA_BYTES = KEYS.snapshot.monitorsDeltaBytes;

/** Monitors per base chunk: about 130 kB of JSON, a few ms to decode in a worker's timer. */
export const CHUNK = 2500;
/**
 * Deltas kept after a base; the sync reads everything as a new base beyond this (baseLag()):
 * at one change per second, every 80 minutes. A one-monitor delta is about 60 bytes.
 */
export const KEEP_DELTAS = 5000;
/** Work a request may do itself: deltas and bases up to this many bytes of JSON. */
const INLINE_BYTES = 64 * 1024;
/** How often each worker's timer looks for a new version (seconds). */
const TICK_S = 0.02;

const chunkKey = (base: string, i: number): string => `${KEYS.snapshot.monitorsChunk}${base}:${i}`;
const deltaKey = (mv: number): string => `${KEYS.snapshot.monitorsDelta}${mv}`;

/** One stored part: its JSON under `data`, the md5 of that JSON under `digest`, its size under `bytes`. */
interface Part {
  data: string;
  digest: string;
  bytes: string;
}
const NODES: Part = KEYS.snapshot.nodes;

export type NodesPart = Pick<StoredSnapshot, "nodes" | "setupComplete" | "awayFrom" | "moved">;

/** The stored base, kept as one string so that a reader sees one base's fields together. */
interface Base {
  id: string;
  /** The monitors version it holds. */
  mv: number;
  chunks: number;
  bytes: number;
}

const versionWatch = new VersionWatch(dict, VERSION);

let local: Snapshot | undefined;
let localVersion = 0;
let localNodes: NodesPart | undefined;
let localNodesDigest: string | undefined;
/** This worker's monitor maps, the base they came from and the monitors version they hold. */
let maps: MonitorMaps | undefined;
let mapsBase: string | undefined;
let mapsVersion = 0;
/** A base being loaded chunk by chunk. */
let loading: { base: Base; next: number; maps: MonitorMaps } | undefined;
/** ngx.now() of the last request that found work it could not do itself. */
let deferredAt = -1;
let baseCounter = 0;

function readBase(): Base | undefined {
  const [raw] = dict.get(BASE);
  if (typeof raw !== "string") return undefined;
  const [id, mv, chunks, bytes] = raw.split(" ");
  return { id, mv: tonumber(mv) ?? 0, chunks: tonumber(chunks) ?? 0, bytes: tonumber(bytes) ?? 0 };
}

function storedMonitorsVersion(): number {
  const [mv] = dict.get(MONITORS_VERSION);
  return typeof mv === "number" ? mv : 0;
}

/** This worker's copy, brought up to the shared version when that is cheap (see the top). */
export function current(): Snapshot | undefined {
  const v = versionWatch.read();
  if (v !== 0 && v !== localVersion && ngx.now() !== deferredAt) {
    if (!update(true)) deferredAt = ngx.now();
  }
  return local;
}

/**
 * The part's decoded value when its digest differs from `held`, else undefined. The digest is
 * read before the data, and the store writes the data before the digest: a sync in between
 * leaves newer data under an older digest, which only costs one more decode later.
 */
function fetchPart(part: Part, held: string | undefined): LuaMultiReturn<[unknown, string | undefined, boolean]> {
  const [digest] = dict.get(part.digest);
  if (typeof digest !== "string") return $multi(undefined, undefined, false);
  if (digest === held) return $multi(undefined, held, true);
  const [data] = dict.get(part.data);
  if (typeof data !== "string") return $multi(undefined, undefined, false);
  const [decoded, err] = cjson.decode(data);
  if (decoded === undefined) {
    ngx.log(ngx.ERR, `snapshot: ${part.data} do not decode: ${err}`);
    return $multi(undefined, undefined, false);
  }
  return $multi(decoded, digest, true);
}

function decodeList(key: string): string[] | undefined {
  const [json] = dict.get(key);
  if (typeof json !== "string") return undefined;
  const [value, err] = cjson.decode(json);
  if (value === undefined) ngx.log(ngx.ERR, `snapshot: ${key} does not decode: ${err}`);
  return value as string[] | undefined;
}

/** Applies the deltas after `from` up to `to`; the version reached (short of `to` when one is missing). */
function applyDeltas(target: MonitorMaps, from: number, to: number, inline: boolean): number {
  let budget = INLINE_BYTES;
  for (let v = from + 1; v <= to; v++) {
    const [json] = dict.get(deltaKey(v));
    if (typeof json !== "string") return v - 1;
    if (inline) {
      budget -= json.length;
      if (budget < 0) return v - 1;
    }
    const [delta, err] = cjson.decode(json);
    if (delta === undefined) {
      ngx.log(ngx.ERR, `snapshot: ${deltaKey(v)} does not decode: ${err}`);
      return v - 1;
    }
    applyDelta(target, delta as MonitorDelta);
  }
  return to;
}

/**
 * Moves this worker's maps toward the stored monitors. Returns [changed, done]. `inline`: a
 * request's call, which does no more than INLINE_BYTES of decoding (all of it when the worker
 * has no maps yet); the timer's call loads one base chunk per tick.
 */
function catchUp(inline: boolean): LuaMultiReturn<[boolean, boolean]> {
  const base = readBase();
  if (base === undefined) return $multi(false, maps !== undefined);
  const mv = storedMonitorsVersion();
  if (maps !== undefined && mapsBase === base.id) {
    if (mapsVersion === mv) return $multi(false, true);
    const reached = applyDeltas(maps, mapsVersion, mv, inline);
    const changed = reached !== mapsVersion;
    mapsVersion = reached;
    if (reached === mv) return $multi(changed, true);
    // A missing delta: the base again (the maps keep serving meanwhile).
    if (dict.get(deltaKey(reached + 1))[0] === undefined) mapsBase = undefined;
    return $multi(changed, false);
  }
  const whole = maps === undefined || base.bytes <= INLINE_BYTES;
  if (inline && !whole) return $multi(false, false);
  if (loading === undefined || loading.base.id !== base.id) loading = { base, next: 0, maps: emptyMaps() };
  while (loading.next < base.chunks) {
    const entries = decodeList(chunkKey(base.id, loading.next));
    if (entries === undefined) {
      // Replaced by another base meanwhile: start over with that one.
      loading = undefined;
      return $multi(false, false);
    }
    applyEntries(loading.maps, entries);
    loading.next++;
    if (!whole) break;
  }
  if (loading.next < base.chunks) return $multi(false, false);
  const loaded = loading.maps;
  loading = undefined;
  const reached = applyDeltas(loaded, base.mv, mv, false);
  if (reached !== mv) return $multi(false, false);
  maps = loaded;
  mapsBase = base.id;
  mapsVersion = mv;
  return $multi(true, true);
}

/** One step toward the shared version; true when this worker's copy is at it. */
function update(inline: boolean): boolean {
  const v = versionWatch.read();
  const [nodes, nodesDigest, nodesOk] = fetchPart(NODES, localNodesDigest);
  if (!nodesOk) return false;
  if (nodes !== undefined) localNodes = nodes as NodesPart;
  localNodesDigest = nodesDigest;
  const [monitorsChanged, monitorsDone] = catchUp(inline);
  if (localNodes === undefined || maps === undefined) return false;
  // A new table whenever something moved: callers compare snapshots by identity.
  if (nodes !== undefined || monitorsChanged || local === undefined) {
    for (const n of localNodes.nodes) n.owned = maps.owned[n.id] ?? 0;
    local = indexNodes({ ...localNodes, ownerOf: maps.ownerOf, monitorOfToken: maps.monitorOfToken, monitorCount: maps.count });
  }
  if (monitorsDone) localVersion = v;
  return monitorsDone;
}

/** Everything at once, whatever its size: the specs' way to see a sync's result. */
export function settle(): Snapshot | undefined {
  for (let i = 0; i < 100000 && !update(false); i++) {
    if (readBase() === undefined) break;
  }
  return local;
}

/** One tick of the worker's timer: true when this worker's copy is at the shared version. */
export function step(): boolean {
  if (loading === undefined && versionWatch.read() === localVersion) return true;
  return update(false);
}

function tick(premature: boolean): void {
  if (premature) return;
  guard("snapshot apply", () => {
    step();
  });
}

/** init_worker: every worker applies new versions from its own timer, off the request path. */
export function start(): void {
  ngx.timer.every(TICK_S, tick);
}

/** The maps this worker holds: size and versions, for the bench and /lb/status. */
export function held(): { monitorsVersion: number; loading: boolean } {
  return { monitorsVersion: mapsVersion, loading: loading !== undefined };
}

function storeJson(key: string, value: object): LuaMultiReturn<[string | undefined, string | undefined]> {
  const [json, encErr] = cjson.encode(value);
  if (json === undefined) return $multi(undefined, `encode ${key}: ${encErr}`);
  const [ok, err] = dict.safe_set(key, json);
  if (!ok) return $multi(undefined, `storing ${json.length} bytes of ${key} in kuma_snapshot: ${err}`);
  return $multi(json, undefined);
}

function deleteBase(base: Base | undefined, upToMv: number): void {
  if (base === undefined) return;
  for (let i = 0; i < base.chunks; i++) dict.delete(chunkKey(base.id, i));
  for (let v = base.mv + 1; v <= upToMv; v++) dict.delete(deltaKey(v));
}

/**
 * Stores these rows as a new base. `source`: the database summary they were read after (the
 * sync without a change log compares it, monitorsSource()); undefined with a change log.
 * Between chunks the syncing worker yields, so its requests wait at most one chunk's encoding.
 */
export function publishMonitors(rows: MonitorRow[], source: string | undefined): LuaMultiReturn<[boolean, string | undefined]> {
  baseCounter++;
  const id = `${ngx.worker.pid()}.${math.floor(ngx.now() * 1000)}.${baseCounter}`;
  const chunks = math.ceil(rows.length / CHUNK);
  let bytes = 0;
  for (let i = 0; i < chunks; i++) {
    const [json, err] = storeJson(chunkKey(id, i), rowsToEntries(rows, i * CHUNK, math.min(rows.length, (i + 1) * CHUNK)));
    if (json === undefined) {
      deleteBase({ id, mv: 0, chunks: i, bytes: 0 }, 0);
      return $multi(false, err);
    }
    bytes += json.length;
    ngx.sleep(0.001);
  }
  const previous = readBase();
  const [mv] = dict.incr(MONITORS_VERSION, 1, 0);
  dict.set(BASE, `${id} ${mv} ${chunks} ${bytes}`);
  dict.set(DELTA_BYTES, 0);
  if (source !== undefined) dict.set(MONITORS_SOURCE, source);
  else dict.delete(MONITORS_SOURCE);
  deleteBase(previous, (mv as number) - 1);
  return $multi(true, undefined);
}

/** Stores one delta as the next monitors version (a base must exist: hasBase()). */
export function publishDelta(delta: MonitorDelta): LuaMultiReturn<[boolean, string | undefined]> {
  const mv = storedMonitorsVersion() + 1;
  const [json, err] = storeJson(deltaKey(mv), delta);
  if (json === undefined) return $multi(false, err);
  dict.set(MONITORS_VERSION, mv);
  dict.incr(DELTA_BYTES, json.length, 0);
  return $multi(true, undefined);
}

/** Deltas stored after the base, or undefined without a base (then only a full read will do). */
export function baseLag(): number | undefined {
  const base = readBase();
  return base === undefined ? undefined : storedMonitorsVersion() - base.mv;
}

/**
 * What the stored monitors were built from (core/snapshot.ts monitorsSource), or undefined
 * when there are none: without a change log the sync skips reading the monitors while the
 * database's summary equals it.
 */
export function monitorsSource(): string | undefined {
  const [source] = dict.get(MONITORS_SOURCE);
  return readBase() !== undefined && typeof source === "string" ? source : undefined;
}

/** Stores the node list; a new version when it or the monitors (`monitorsChanged`) moved. Returns the version. */
export function publishNodes(part: NodesPart, monitorsChanged: boolean): LuaMultiReturn<[number | undefined, string | undefined]> {
  const [json, encErr] = cjson.encode({ nodes: part.nodes, setupComplete: part.setupComplete, awayFrom: part.awayFrom, moved: part.moved });
  if (json === undefined) return $multi(undefined, `encode nodes: ${encErr}`);
  const digest = ngx.md5(json);
  const [previous] = dict.get(NODES.digest);
  const nodesChanged = previous !== digest;
  if (nodesChanged) {
    const [ok, err] = dict.safe_set(NODES.data, json);
    if (!ok) return $multi(undefined, `storing ${json.length} bytes of nodes in kuma_snapshot: ${err}`);
    dict.set(NODES.digest, digest);
    dict.set(NODES.bytes, json.length);
  }
  const [version] = dict.get(VERSION);
  if (!monitorsChanged && !nodesChanged && typeof version === "number") {
    markSynced();
    return $multi(version, undefined);
  }
  const [next] = dict.incr(VERSION, 1, 0);
  versionWatch.touch();
  markSynced();
  return $multi(next, undefined);
}

function markSynced(): void {
  dict.set(SYNCED_AT, ngx.now());
  dict.delete(LAST_ERROR);
}

/** Records a failed sync; true when this is the first failure since the last success. */
export function markFailed(error: string): boolean {
  const [previous] = dict.get(LAST_ERROR);
  dict.set(LAST_ERROR, error);
  if (previous === undefined) dict.set(FAILED_AT, ngx.now());
  return previous === undefined;
}

export interface SnapshotStatus {
  version: number;
  /** Seconds since the last successful sync; undefined before the first one. */
  ageS: number | undefined;
  /** When the last successful sync finished (epoch seconds): tells one sync from the next. */
  syncedAt: number | undefined;
  /** JSON size in the shared dict: node list, monitor base and deltas (numbers: /lb/status copies no JSON). */
  bytes: number;
  lastError: string | undefined;
  failingSinceS: number | undefined;
}

function numberAt(key: string): number {
  const [n] = dict.get(key);
  return typeof n === "number" ? n : 0;
}

export function status(): SnapshotStatus {
  const [version] = dict.get(VERSION);
  const [syncedAt] = dict.get(SYNCED_AT);
  const [lastError] = dict.get(LAST_ERROR);
  const [failedAt] = dict.get(FAILED_AT);
  const now = ngx.now();
  return {
    version: typeof version === "number" ? version : 0,
    ageS: typeof syncedAt === "number" ? now - syncedAt : undefined,
    syncedAt: typeof syncedAt === "number" ? syncedAt : undefined,
    bytes: numberAt(NODES.bytes) + (readBase()?.bytes ?? 0) + numberAt(DELTA_BYTES),
    lastError: typeof lastError === "string" ? lastError : undefined,
    failingSinceS: typeof lastError === "string" && typeof failedAt === "number" ? now - failedAt : undefined,
  };
}
