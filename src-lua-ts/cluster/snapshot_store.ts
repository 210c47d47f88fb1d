// The snapshot in shared memory and each worker's decoded copy of it. The sync writes the
// JSON and then bumps a monotonic version (incr, not a timestamp: two syncs within one second
// are still two versions); a worker decodes only when the version it holds is behind.
//
// Stored in two parts, each with its own digest: the node list (small, and different at
// nearly every sync: last_seen ages move every second) and the monitor maps (large, and
// unchanged until a monitor is added, moved or removed). A worker decodes only the parts whose
// digest moved: at 100,000 monitors the maps are 6 MB of JSON and 170 ms to decode, which
// every worker would otherwise pay every second (docs/benchmarks.md, "Snapshot at scale").
// Beside the monitor maps: the database summary they were built from (monitorsSource()), so
// the sync reads the monitors again only when that summary moves.
import * as cjson from "cjson.safe";
import { Snapshot, indexNodes } from "../core/snapshot";
import type { StoredSnapshot } from "../core/snapshot";
import { KEYS, snapshotDict as dict } from "../runtime/dicts";
import { VersionWatch } from "../runtime/version_watch";

const VERSION = KEYS.snapshot.version;
const SYNCED_AT = KEYS.snapshot.syncedAt;
const LAST_ERROR = KEYS.snapshot.lastError;
const FAILED_AT = KEYS.snapshot.failedAt;
const MONITORS_SOURCE = KEYS.snapshot.monitorsSource;

/** One stored part: its JSON under `data`, the md5 of that JSON under `digest`, its size under `bytes`. */
interface Part {
  data: string;
  digest: string;
  bytes: string;
}
const versionWatch = new VersionWatch(dict, VERSION);

const NODES: Part = KEYS.snapshot.nodes;
const MONITORS: Part = KEYS.snapshot.monitors;

type NodesPart = Pick<StoredSnapshot, "nodes" | "setupComplete">;
type MonitorsPart = Pick<StoredSnapshot, "ownerOf" | "monitorOfToken" | "monitorCount" | "awayFrom" | "moved">;

let local: Snapshot | undefined;
let localVersion = 0;
let localNodes: NodesPart | undefined;
let localNodesDigest: string | undefined;
let localMonitors: MonitorsPart | undefined;
let localMonitorsDigest: string | undefined;

/** This worker's copy, refreshed when the shared version moved (checked once per clock tick). */
export function current(): Snapshot | undefined {
  const v = versionWatch.read();
  if (v !== 0 && v !== localVersion) reload(v);
  return local;
}

/**
 * The part's decoded value when its digest differs from `held`, else undefined. The digest is
 * read before the data, and publish() writes the data before the digest: a sync in between
 * leaves newer data under an older digest, which only costs one more decode later.
 */
function fetchPart(part: Part, held: string | undefined, version: number): LuaMultiReturn<[unknown, string | undefined, boolean]> {
  const [digest] = dict.get(part.digest);
  if (typeof digest !== "string") return $multi(undefined, undefined, false);
  if (digest === held) return $multi(undefined, held, true);
  const [data] = dict.get(part.data);
  if (typeof data !== "string") return $multi(undefined, undefined, false);
  const [decoded, err] = cjson.decode(data);
  if (decoded === undefined) {
    ngx.log(ngx.ERR, `snapshot version ${version}: ${part.data} do not decode: ${err}`);
    return $multi(undefined, undefined, false);
  }
  return $multi(decoded, digest, true);
}

function reload(version: number): void {
  const [nodes, nodesDigest, nodesOk] = fetchPart(NODES, localNodesDigest, version);
  const [monitors, monitorsDigest, monitorsOk] = fetchPart(MONITORS, localMonitorsDigest, version);
  if (!nodesOk || !monitorsOk) return;
  if (nodes !== undefined) localNodes = nodes as NodesPart;
  if (monitors !== undefined) localMonitors = monitors as MonitorsPart;
  localNodesDigest = nodesDigest;
  localMonitorsDigest = monitorsDigest;
  localVersion = version;
  if (localNodes === undefined || localMonitors === undefined) return;
  // A new table whenever the version moved: callers compare snapshots by identity.
  if (nodes !== undefined || monitors !== undefined || local === undefined) {
    local = indexNodes({ ...localNodes, ...localMonitors });
  }
}

/** Encodes one part; true when its content differs from what is stored (then stored). */
function storePart(part: Part, value: object): LuaMultiReturn<[boolean | undefined, string | undefined]> {
  const [json, encErr] = cjson.encode(value);
  if (json === undefined) return $multi(undefined, `encode ${part.data}: ${encErr}`);
  const digest = ngx.md5(json);
  const [previous] = dict.get(part.digest);
  if (previous === digest) return $multi(false, undefined);
  const [ok, err] = dict.safe_set(part.data, json);
  if (!ok) return $multi(undefined, `storing ${json.length} bytes of ${part.data} in kuma_snapshot: ${err}`);
  dict.set(part.digest, digest);
  dict.set(part.bytes, json.length);
  return $multi(true, undefined);
}

/**
 * What the stored monitor maps were built from (core/snapshot.ts monitorsSource), or undefined
 * when there are none: the sync skips reading the monitors while the database's summary equals it.
 */
export function monitorsSource(): string | undefined {
  const [digest] = dict.get(MONITORS.digest);
  const [source] = dict.get(MONITORS_SOURCE);
  return typeof digest === "string" && typeof source === "string" ? source : undefined;
}

/**
 * Stores a new snapshot; unchanged content only refreshes its age. `source` is what the
 * monitors were read after (read before them: a change in between is read again next time).
 * Returns the version.
 */
export function publish(stored: StoredSnapshot, source: string): LuaMultiReturn<[number | undefined, string | undefined]> {
  const [monitorsChanged, monitorsErr] = storePart(MONITORS, {
    ownerOf: stored.ownerOf,
    monitorOfToken: stored.monitorOfToken,
    monitorCount: stored.monitorCount,
    awayFrom: stored.awayFrom,
    moved: stored.moved,
  });
  if (monitorsChanged === undefined) return $multi(undefined, monitorsErr);
  dict.set(MONITORS_SOURCE, source);
  return storeNodes(stored, monitorsChanged);
}

/** Stores the node list beside the stored monitor maps (the monitors did not change). Returns the version. */
export function publishNodes(part: NodesPart): LuaMultiReturn<[number | undefined, string | undefined]> {
  return storeNodes(part, false);
}

/** The node part, then a new version when either part changed. */
function storeNodes(part: NodesPart, monitorsChanged: boolean): LuaMultiReturn<[number | undefined, string | undefined]> {
  const [nodesChanged, nodesErr] = storePart(NODES, { nodes: part.nodes, setupComplete: part.setupComplete });
  if (nodesChanged === undefined) return $multi(undefined, nodesErr);
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
  /** JSON size of both parts in the shared dict (kept as numbers: /lb/status copies no JSON). */
  bytes: number;
  lastError: string | undefined;
  failingSinceS: number | undefined;
}

function partBytes(part: Part): number {
  const [bytes] = dict.get(part.bytes);
  return typeof bytes === "number" ? bytes : 0;
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
    bytes: partBytes(NODES) + partBytes(MONITORS),
    lastError: typeof lastError === "string" ? lastError : undefined,
    failingSinceS: typeof lastError === "string" && typeof failedAt === "number" ? now - failedAt : undefined,
  };
}
