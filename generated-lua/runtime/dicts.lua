local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 5,["10"] = 6,["11"] = 3,["12"] = 9,["13"] = 10,["14"] = 11,["15"] = 12,["16"] = 13,["18"] = 15,["22"] = 22,["23"] = 24,["24"] = 24,["25"] = 24,["26"] = 24,["27"] = 24,["28"] = 24,["29"] = 24,["30"] = 24,["31"] = 24,["32"] = 24,["33"] = 24,["34"] = 24,["35"] = 24,["36"] = 24,["37"] = 24,["38"] = 24,["39"] = 24,["40"] = 24,["41"] = 24,["42"] = 24,["43"] = 24,["44"] = 24,["45"] = 22,["46"] = 59,["47"] = 59,["48"] = 59,["49"] = 59,["50"] = 59,["51"] = 59,["52"] = 59,["53"] = 59,["54"] = 59,["55"] = 22,["56"] = 22,["57"] = 86,["58"] = 86,["59"] = 86,["60"] = 86,["61"] = 86,["62"] = 86,["63"] = 22,["64"] = 22,["65"] = 22,["66"] = 22});
local ____exports = {}
local function required(name)
    local dict = ngx.shared[name]
    if dict == nil then
        error(("lua_shared_dict " .. name) .. " is not declared (see nginx/shared-dicts.conf)", 0)
    end
    return dict
end
____exports.snapshotDict = required("kuma_snapshot")
____exports.healthDict = required("kuma_health")
____exports.locksDict = required("kuma_locks")
____exports.dnsDict = required("kuma_dns")
____exports.metricsDict = required("kuma_metrics")
--- Request-caused lookups only: a flood of unknown keys evicts its own entries, never a lease or the snapshot.
____exports.lookupsDict = required("kuma_lookups")
--- Every key of the shared dicts, by dict: a string ending in a separator is a prefix, followed
-- by what it names (a node id, a host, a monitor). Modules take their keys from here, so no two
-- can collide and a dump of a dict reads against this list.
____exports.KEYS = {
    snapshot = {
        version = "version",
        syncedAt = "synced_at",
        lastError = "last_error",
        failedAt = "failed_at",
        monitorsSource = "monitors_source",
        nodes = {data = "nodes", digest = "nodes_digest", bytes = "nodes_bytes"},
        monitorsBase = "monitors_base",
        monitorsVersion = "monitors_version",
        monitorsDeltaBytes = "monitors_delta_bytes",
        monitorsChunk = "monitors:",
        monitorsDelta = "monitors_delta:",
        changesCheckedAt = "changes_checked_at",
        changesComplete = "changes_complete",
        changesCursor = "changes_cursor",
        changesGapSince = "changes_gap_since",
        changesPrunedAt = "changes_pruned_at",
        errorLoggedAt = "error_logged_at",
        agents = "agents",
        agentsReadAt = "agents_read_at",
        agentsTriedAt = "agents_tried_at",
        agentsError = "agents_error"
    },
    health = {
        node = "health:",
        pending = "pending:",
        lastProbe = "probe:",
        probeNow = "probe-now:",
        verdictVersion = "verdicts:version",
        pendingVersion = "writes:version",
        writerPid = "writer:pid",
        writes = "writer:writes"
    },
    locks = {syncLease = "snapshot-sync", proberLease = "health-prober", samplerLease = "metrics-sampler", resolving = "dns:"},
    lookups = {
        byId = "id:",
        byToken = "token:",
        lock = "lock:",
        budgetSlot = "budget:slot:",
        budgetSecond = "budget:second:"
    },
    dns = {answer = "answer:", stale = "stale:", logged = "logged:", forgot = "forgot:"},
    metrics = {pins = "pin|", newPins = "newpin|", seen = "seen|"}
}
return ____exports
