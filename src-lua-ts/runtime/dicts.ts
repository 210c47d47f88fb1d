// The shared dicts of nginx/shared-dicts.conf, checked once at load: a missing declaration
// fails startup instead of the first request.
function required(name: string): NgxShDict {
  const dict = ngx.shared[name];
  if (dict === undefined) throw `lua_shared_dict ${name} is not declared (see nginx/shared-dicts.conf)`;
  return dict;
}

export const snapshotDict = required("kuma_snapshot");
export const healthDict = required("kuma_health");
export const locksDict = required("kuma_locks");
export const dnsDict = required("kuma_dns");
export const metricsDict = required("kuma_metrics");
/** Request-caused lookups only: a flood of unknown keys evicts its own entries, never a lease or the snapshot. */
export const lookupsDict = required("kuma_lookups");

/**
 * Every key of the shared dicts, by dict: a string ending in a separator is a prefix, followed
 * by what it names (a node id, a host, a monitor). Modules take their keys from here, so no two
 * can collide and a dump of a dict reads against this list.
 */
export const KEYS = {
  /** kuma_snapshot: the registry as the router last read it. */
  snapshot: {
    /** Bumped for each stored snapshot; workers reload when it moves (cluster/snapshot_store.ts). */
    version: "version",
    syncedAt: "synced_at",
    lastError: "last_error",
    failedAt: "failed_at",
    /** The digest of the monitor rows the stored monitors part was built from. */
    monitorsSource: "monitors_source",
    /** The node list as JSON, its md5 and its size. */
    nodes: { data: "nodes", digest: "nodes_digest", bytes: "nodes_bytes" },
    /** The monitors' base: "<id> <monitors version> <chunks> <bytes>", one string. */
    monitorsBase: "monitors_base",
    /** The monitors' own counter: bumped by each delta and each new base. */
    monitorsVersion: "monitors_version",
    /** The size of the deltas written since the base. */
    monitorsDeltaBytes: "monitors_delta_bytes",
    /** Prefix: a base's chunk of monitors, "<base id>:<chunk number>". */
    monitorsChunk: "monitors:",
    /** Prefix: what one monitors version changed, by that version (core/monitor_maps.ts). */
    monitorsDelta: "monitors_delta:",
    /** The monitor change log (cluster/changes.ts): its triggers checked, the cursor, a hole, pruning. */
    changesCheckedAt: "changes_checked_at",
    changesComplete: "changes_complete",
    changesCursor: "changes_cursor",
    changesGapSince: "changes_gap_since",
    changesPrunedAt: "changes_pruned_at",
    /** When the sync last logged a failure: one line per interval (cluster/sync.ts). */
    errorLoggedAt: "error_logged_at",
    /** The nodes' agent reports, and when they were read or tried (cluster/agents.ts). */
    agents: "agents",
    agentsReadAt: "agents_read_at",
    agentsTriedAt: "agents_tried_at",
    agentsError: "agents_error",
  },
  /** kuma_health: this router's verdicts and what its writer owes the registry. */
  health: {
    /** Prefix: a node's state machine (core/health.ts encodeHealth). */
    node: "health:",
    /** Prefix: a registry status a transition implies, not written yet. */
    pending: "pending:",
    /** Prefix: the last probe's outcome, for /lb/status. */
    lastProbe: "probe:",
    /** Prefix: a passive failure asks the prober for an urgent probe. */
    probeNow: "probe-now:",
    /** Bumped when a verdict flips: workers refresh their down-set. */
    verdictVersion: "verdicts:version",
    /** Bumped when a registry write becomes pending: the writer looks. */
    pendingVersion: "writes:version",
    /** The worker holding the cluster's writer lock in this router (health/writer.ts). */
    writerPid: "writer:pid",
    /** Registry writes and monitor moves this router made. */
    writes: "writer:writes",
  },
  /** kuma_locks: leases (runtime/lease.ts) and single-flight locks. */
  locks: {
    syncLease: "snapshot-sync",
    proberLease: "health-prober",
    samplerLease: "metrics-sampler",
    /** Prefix: one worker resolves a host at a time (dns/resolve.ts). */
    resolving: "dns:",
  },
  /** kuma_lookups: request-caused lookups of monitors the snapshot does not know (cluster/lookup.ts). */
  lookups: {
    /** Prefixes: the answer for a monitor id or a push token ("" when the database has none). */
    byId: "id:",
    byToken: "token:",
    /** Prefix: the single flight of one answer's key. */
    lock: "lock:",
    /** Prefix: one of ROUTER_LOOKUP_CONNECTIONS slots (cluster/lookup_budget.ts). */
    budgetSlot: "budget:slot:",
    /** Prefix: the lookups started in one second, by the second. */
    budgetSecond: "budget:second:",
  },
  /** kuma_dns: answers of the router's own resolver (dns/resolve.ts), by host. */
  dns: {
    answer: "answer:",
    /** Prefix: the last good address, kept for a while past its TTL. */
    stale: "stale:",
    /** Prefix: a failure already logged this interval. */
    logged: "logged:",
    /** Prefix: a host forgotten after a failed connect (at most once per interval). */
    forgot: "forgot:",
  },
  /**
   * kuma_metrics: counter series are "<metric>|<label values>" with a "|b<bucket>", "|sum" or
   * "|p<pid>" part (core/metrics_text.ts; metric names start with "kuma_"); besides them:
   */
  metrics: {
    /** Prefix: pinned requests per node and 10-second slot (metrics/pins.ts). */
    pins: "pin|",
    /** Prefix: new browsers pinned per node and 10-second slot (router/new_pins.ts). */
    newPins: "newpin|",
    /** Prefix: the verdict the sampler saw last per node (metrics/sampler.ts). */
    seen: "seen|",
  },
} as const;
