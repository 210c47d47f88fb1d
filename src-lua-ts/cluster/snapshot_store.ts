// The snapshot in shared memory and each worker's decoded copy of it. The sync writes the
// JSON and then bumps a monotonic version (incr, not a timestamp: two syncs within one second
// are still two versions); a worker decodes only when the version it holds is behind.
import * as cjson from "cjson.safe";
import { Snapshot, indexNodes, StoredSnapshot } from "../core/snapshot";
import { snapshotDict as dict } from "../dicts";

const VERSION = "version";
const DATA = "data";
const DIGEST = "digest";
const SYNCED_AT = "synced_at";
const LAST_ERROR = "last_error";
const FAILED_AT = "failed_at";

let local: Snapshot | undefined;
let localVersion = 0;

/** This worker's copy, refreshed when the shared version moved. One dict get per call. */
export function current(): Snapshot | undefined {
  const [version] = dict.get(VERSION);
  if (typeof version === "number" && version !== localVersion) reload(version);
  return local;
}

function reload(version: number): void {
  const [data] = dict.get(DATA);
  if (typeof data !== "string") return;
  const [decoded, err] = cjson.decode(data);
  if (decoded === undefined) {
    ngx.log(ngx.ERR, `snapshot version ${version} does not decode: ${err}`);
    return;
  }
  local = indexNodes(decoded as StoredSnapshot);
  localVersion = version;
}

/** Stores a new snapshot; unchanged content only refreshes its age. Returns the version. */
export function publish(stored: StoredSnapshot): LuaMultiReturn<[number | undefined, string | undefined]> {
  const [json, encErr] = cjson.encode(stored);
  if (json === undefined) return $multi(undefined, `encode: ${encErr}`);
  const digest = ngx.md5(json);
  const [previous] = dict.get(DIGEST);
  const [version] = dict.get(VERSION);
  if (previous === digest && typeof version === "number") {
    markSynced();
    return $multi(version, undefined);
  }
  const [ok, err] = dict.safe_set(DATA, json);
  if (!ok) return $multi(undefined, `storing ${json.length} bytes in kuma_snapshot: ${err}`);
  dict.set(DIGEST, digest);
  const [next] = dict.incr(VERSION, 1, 0);
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
  bytes: number;
  lastError: string | undefined;
  failingSinceS: number | undefined;
}

export function status(): SnapshotStatus {
  const [version] = dict.get(VERSION);
  const [syncedAt] = dict.get(SYNCED_AT);
  const [data] = dict.get(DATA);
  const [lastError] = dict.get(LAST_ERROR);
  const [failedAt] = dict.get(FAILED_AT);
  const now = ngx.now();
  return {
    version: typeof version === "number" ? version : 0,
    ageS: typeof syncedAt === "number" ? now - syncedAt : undefined,
    bytes: typeof data === "string" ? data.length : 0,
    lastError: typeof lastError === "string" ? lastError : undefined,
    failingSinceS: typeof lastError === "string" && typeof failedAt === "number" ? now - failedAt : undefined,
  };
}
