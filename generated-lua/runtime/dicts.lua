local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 5,["10"] = 6,["11"] = 3,["12"] = 9,["13"] = 10,["14"] = 11,["15"] = 12,["16"] = 13,["20"] = 20,["21"] = 22,["22"] = 22,["23"] = 22,["24"] = 22,["25"] = 22,["26"] = 22,["27"] = 22,["28"] = 22,["29"] = 22,["30"] = 22,["31"] = 22,["32"] = 22,["33"] = 22,["34"] = 22,["35"] = 22,["36"] = 20,["37"] = 45,["38"] = 45,["39"] = 45,["40"] = 45,["41"] = 45,["42"] = 45,["43"] = 45,["44"] = 45,["45"] = 45,["46"] = 20,["47"] = 20,["48"] = 20,["49"] = 20,["50"] = 20});
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
        monitors = {data = "monitors", digest = "monitors_digest", bytes = "monitors_bytes"},
        errorLoggedAt = "error_logged_at",
        agents = "agents",
        agentsReadAt = "agents_read_at",
        agentsTriedAt = "agents_tried_at",
        agentsError = "agents_error",
        missById = "miss:id:",
        missByToken = "miss:token:"
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
    dns = {answer = "answer:", stale = "stale:", logged = "logged:", forgot = "forgot:"},
    metrics = {pins = "pin|", seen = "seen|"}
}
return ____exports
