// Node host -> IP address, called per request in the access phase. Hot path: one lookup in a
// per-worker table (IP literals included, which never reach DNS). Behind it, kuma_dns holds
// each answer for its TTL for all workers, so a name costs one query per TTL per router, made by
// one worker at a time (a lock in kuma_locks); meanwhile the others serve the last good address,
// or wait for the answer when there is none. A records only: nodes have IPv4 addresses.
//
// Failures and definite answers differ:
//  - timeout, SERVFAIL, a network error: serve the last good address (kept STALE_KEEP_S) and
//    log once per name per LOG_INTERVAL_S. Without one, the error.
//  - NXDOMAIN or no A record: definite. The name's pod was deleted from the headless Service (or
//    the container removed): cached briefly, and the last good address is forgotten, because
//    routing to a dead pod is worse than failing over to another node.
import * as resolver from "resty.dns.resolver";
import type { Nameserver, Resolver } from "resty.dns.resolver";
import * as config from "../runtime/config";
import { isIpLiteral, type HostPort } from "../core/host";
import { KEYS, dnsDict, locksDict } from "../runtime/dicts";
import { readReply, type Outcome } from "./reply";

/** A TTL of 0 (or 1) must not mean a query per request: one per name per second is cheap. */
export const TTL_FLOOR_S = 1;
/**
 * Docker's embedded DNS answers with TTL 600: a container re-created with a new address must not
 * be dialled at its old one for ten minutes. 30 s matches the default health-check interval.
 */
export const TTL_CAP_S = 30;
/** Short, so a pod that comes back is found quickly; long enough that a burst costs one query. */
export const NEGATIVE_TTL_S = 2;
/** After a failed query the stale answer (or error) holds this long: one query per outage tick. */
export const RETRY_AFTER_FAILURE_S = 2;
/** How long the last good address can stand in for a failing resolver (a cluster DNS restart). */
export const STALE_KEEP_S = 3600;
/** "Serving stale" and "lookup failed" are logged once per name per interval, across workers. */
export const LOG_INTERVAL_S = 60;

/** Per try; Docker's resolver and CoreDNS answer cluster names within milliseconds. */
const QUERY_TIMEOUT_MS = 500;
const QUERY_TRIES = 2;
/** A longer CNAME chain is treated as a failure. */
const MAX_CNAME_HOPS = 4;
/** Outlives the longest lookup, so a worker that dies mid-query blocks the name only this long. */
const LOCK_TTL_S = (QUERY_TIMEOUT_MS * QUERY_TRIES * (MAX_CNAME_HOPS + 1)) / 1000 + 1;
const WAIT_STEP_S = 0.005;
/** Node hosts, a few per node: far more than a cluster has. Past it the table starts over. */
const WORKER_CACHE_SIZE = 1000;

// kuma_dns keys: the answer in force (value: address or error, flags: its Kind), the last good
// address, and the log limiter. kuma_locks: the single-flight lock.
const ANSWER_KEY = KEYS.dns.answer;
const STALE_KEY = KEYS.dns.stale;
const LOGGED_KEY = KEYS.dns.logged;
const LOCK_KEY = KEYS.locks.resolving;
const FORGOT_KEY = KEYS.dns.forgot;
/**
 * A worker re-reads the shared answer at least this often, so forget() (a node re-created at a
 * new address) reaches every worker within a second; the shared read is one dict get.
 */
const WORKER_CACHE_MAX_S = 1;

// Stored as the entry's flags; from 1, because flags 0 read back as nil.
const enum Kind {
  Fresh = 1,
  Stale = 2,
  Error = 3,
}

interface Entry {
  address?: string;
  error?: string;
  stale: boolean;
}

/** One row of the status page. expiresIn: seconds until the next query for the name. */
export interface CacheEntry {
  name: string;
  address?: string;
  error?: string;
  expiresIn: number;
  stale: boolean;
}

/**
 * This worker's answers, each until a deadline on nginx's clock. A plain table rather than
 * resty.lrucache: only registry hosts get here, and a lookup must stay a table read (the LRU
 * queue's bookkeeping cost more than the rest of the access phase's DNS step).
 */
interface Cached {
  entry: Entry;
  until: number;
}
let workerCache = new LuaTable<string, Cached>();
let workerCacheSize = 0;

function remember(name: string, entry: Entry, ttl: number): void {
  if (workerCache.get(name) === undefined) {
    if (workerCacheSize >= WORKER_CACHE_SIZE) {
      workerCache = new LuaTable();
      workerCacheSize = 0;
    }
    workerCacheSize++;
  }
  workerCache.set(name, { entry, until: ngx.now() + ttl });
}

function recalled(name: string): Entry | undefined {
  const cached = workerCache.get(name);
  return cached !== undefined && cached.until > ngx.now() ? cached.entry : undefined;
}

let nameservers: Nameserver[] | undefined;

/**
 * Replaces the DNS servers (default: config.get().dns.servers, read at the first query). Specs
 * point the resolver at their test server with it; cached answers are kept.
 */
export function configure(servers: readonly HostPort[]): void {
  nameservers = servers.map((s): Nameserver => [s.host, s.port]);
}

function servers(): Nameserver[] {
  if (nameservers === undefined) configure(config.get().dns.servers);
  return nameservers as Nameserver[];
}

/**
 * A name with a dot is absolute (Kubernetes FQDN): the trailing dot keeps any search suffix off.
 * A single label (Compose service name) goes as is, for Docker's resolver to answer.
 */
export function queryName(host: string): string {
  return host.indexOf(".") >= 0 && host.charAt(host.length - 1) !== "." ? `${host}.` : host;
}

function clampTtl(ttl: number): number {
  return math.max(TTL_FLOOR_S, math.min(TTL_CAP_S, ttl));
}

function logOnce(name: string, level: NgxLogLevel, message: string): void {
  const [first] = dnsDict.add(LOGGED_KEY + name, true, LOG_INTERVAL_S);
  if (first) ngx.log(level, `dns ${name}: ${message} (logged once per ${LOG_INTERVAL_S} s)`);
}

function store(name: string, kind: Kind, text: string, ttl: number): Entry {
  dnsDict.set(ANSWER_KEY + name, text, ttl, kind);
  const entry = toEntry(kind, text);
  remember(name, entry, math.min(ttl, WORKER_CACHE_MAX_S));
  return entry;
}

function toEntry(kind: Kind, text: string): Entry {
  return kind === Kind.Error ? { error: text, stale: false } : { address: text, stale: kind === Kind.Stale };
}

/** The answer in force in kuma_dns, copied into this worker's cache until it expires. */
function readShared(name: string): Entry | undefined {
  const key = ANSWER_KEY + name;
  const [text, flags] = dnsDict.get(key);
  if (typeof text !== "string" || typeof flags !== "number") return undefined;
  const [ttl] = dnsDict.ttl(key);
  if (ttl === undefined || ttl <= 0) return undefined;
  const entry = toEntry(flags as Kind, text);
  remember(name, entry, math.min(ttl, WORKER_CACHE_MAX_S));
  return entry;
}

/** Asks the servers, following CNAMEs that come without their A records. */
function ask(host: string): Outcome {
  const list = servers();
  if (list.length === 0) return { kind: "failure", error: "no DNS servers configured" };
  const [r, err] = resolver.new({ nameservers: list, timeout: QUERY_TIMEOUT_MS, retrans: QUERY_TRIES });
  if (r === undefined) return { kind: "failure", error: `resolver: ${err}` };
  return follow(r, queryName(host), TTL_CAP_S, 0);
}

function follow(r: Resolver, qname: string, ttl: number, hop: number): Outcome {
  const [answers, err] = r.query(qname, { qtype: resolver.TYPE_A });
  if (answers === undefined) return { kind: "failure", error: err ?? "no answer" };
  const reply = readReply(qname, answers);
  if (reply.kind === "address") return { ...reply, ttl: math.min(ttl, reply.ttl) };
  if (reply.kind !== "alias") return reply;
  if (hop >= MAX_CNAME_HOPS) return { kind: "failure", error: `CNAME chain longer than ${MAX_CNAME_HOPS}` };
  // A CNAME target is always absolute.
  return follow(r, `${reply.target}.`, math.min(ttl, reply.ttl), hop + 1);
}

/** Queries and records the outcome in both caches (lock held). */
function refresh(name: string): Entry {
  const reply = ask(name);
  if (reply.kind === "address") {
    dnsDict.set(STALE_KEY + name, reply.address, STALE_KEEP_S);
    return store(name, Kind.Fresh, reply.address, clampTtl(reply.ttl));
  }
  if (reply.kind === "negative") {
    dnsDict.delete(STALE_KEY + name);
    return store(name, Kind.Error, `${name}: ${reply.error}`, NEGATIVE_TTL_S);
  }
  const [stale] = dnsDict.get(STALE_KEY + name);
  if (typeof stale === "string") {
    logOnce(name, ngx.WARN, `${reply.error}; serving the last good address ${stale}`);
    return store(name, Kind.Stale, stale, RETRY_AFTER_FAILURE_S);
  }
  logOnce(name, ngx.ERR, `lookup failed: ${reply.error}`);
  return store(name, Kind.Error, `${name}: ${reply.error}`, RETRY_AFTER_FAILURE_S);
}

function lastGood(name: string): Entry | undefined {
  const [stale] = dnsDict.get(STALE_KEY + name);
  return typeof stale === "string" ? { address: stale, stale: true } : undefined;
}

/**
 * Another worker (or request) is querying the name. The last good address serves meanwhile;
 * without one, wait for the answer (at most the lock's lifetime).
 */
function awaitOther(name: string): Entry {
  const before = lastGood(name);
  if (before !== undefined) return before;
  const deadline = ngx.now() + LOCK_TTL_S;
  while (ngx.now() < deadline) {
    ngx.sleep(WAIT_STEP_S);
    const entry = readShared(name);
    if (entry !== undefined) return entry;
    const [holder] = locksDict.get(LOCK_KEY + name);
    if (holder === undefined) break;
  }
  // The answer can be gone already: a prober that found the address and was refused there
  // forgets it at once, between two of our polls. The address it found is still the last good one.
  return readShared(name) ?? lastGood(name) ?? { error: `${name}: lookup in progress elsewhere did not finish`, stale: false };
}

function lookup(name: string): Entry {
  const shared = readShared(name);
  if (shared !== undefined) return shared;
  const lock = LOCK_KEY + name;
  const [locked] = locksDict.add(lock, ngx.worker.pid(), LOCK_TTL_S);
  if (!locked) return awaitOther(name);
  // Whoever held the lock before us may have just stored the answer.
  const entry = readShared(name) ?? refresh(name);
  locksDict.delete(lock);
  return entry;
}

/** The address to connect to for `host` (a bare host, no port), or nil and an error. */
export function resolve(host: string): LuaMultiReturn<[string | undefined, string | undefined]> {
  let entry = recalled(host);
  if (entry === undefined) {
    if (isIpLiteral(host)) {
      // No DNS for a literal; remembered (for good) so the next call skips the parse too.
      entry = { address: host, stale: false };
      remember(host, entry, math.huge);
    } else {
      entry = lookup(host);
    }
  }
  return $multi(entry.address, entry.error);
}

/**
 * The prober could not connect to `host`'s address: drop the answer in force so the next
 * lookup asks again (a re-created pod or container comes back at a new address). The last good
 * address is kept for resolver failures. At most once per name per RETRY_AFTER_FAILURE_S.
 */
export function forget(host: string): void {
  if (isIpLiteral(host)) return;
  const [first] = dnsDict.add(FORGOT_KEY + host, true, RETRY_AFTER_FAILURE_S);
  if (!first) return;
  dnsDict.delete(ANSWER_KEY + host);
  if (workerCache.get(host) !== undefined) {
    workerCache.delete(host);
    workerCacheSize--;
  }
}

/** Every answer in kuma_dns, by name: what the status page shows. */
export function cacheEntries(): CacheEntry[] {
  const entries: CacheEntry[] = [];
  for (const key of dnsDict.get_keys(0)) {
    if (key.substring(0, ANSWER_KEY.length) !== ANSWER_KEY) continue;
    const [text, flags] = dnsDict.get(key);
    const [ttl] = dnsDict.ttl(key);
    if (typeof text !== "string" || typeof flags !== "number" || ttl === undefined) continue;
    const entry = toEntry(flags as Kind, text);
    entries.push({
      name: key.substring(ANSWER_KEY.length),
      address: entry.address,
      error: entry.error,
      expiresIn: ttl,
      stale: entry.stale,
    });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  return entries;
}

/** Specs: forget this worker's cache, as a second worker would start with nothing. */
export function _resetWorkerCache(): void {
  workerCache = new LuaTable();
  workerCacheSize = 0;
}
