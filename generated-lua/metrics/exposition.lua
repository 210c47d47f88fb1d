local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 5,["7"] = 6,["8"] = 7,["9"] = 7,["10"] = 7,["11"] = 8,["12"] = 9,["13"] = 10,["14"] = 11,["15"] = 12,["16"] = 13,["17"] = 14,["18"] = 15,["19"] = 16,["20"] = 17,["21"] = 18,["22"] = 19,["23"] = 21,["24"] = 21,["25"] = 21,["26"] = 21,["27"] = 21,["28"] = 22,["29"] = 22,["30"] = 23,["31"] = 23,["32"] = 24,["33"] = 24,["34"] = 25,["35"] = 25,["36"] = 26,["37"] = 27,["38"] = 27,["39"] = 28,["40"] = 28,["41"] = 28,["43"] = 31,["44"] = 32,["45"] = 33,["46"] = 34,["47"] = 35,["48"] = 36,["49"] = 36,["52"] = 38,["53"] = 39,["54"] = 39,["56"] = 40,["57"] = 31,["58"] = 43,["59"] = 44,["60"] = 45,["61"] = 46,["62"] = 47,["63"] = 48,["64"] = 49,["65"] = 50,["66"] = 51,["67"] = 52,["68"] = 53,["69"] = 55,["70"] = 56,["71"] = 56,["72"] = 56,["73"] = 56,["74"] = 56,["75"] = 56,["76"] = 57,["77"] = 57,["78"] = 57,["79"] = 57,["80"] = 57,["81"] = 58,["83"] = 60,["84"] = 61,["85"] = 62,["86"] = 63,["87"] = 64,["88"] = 64,["90"] = 65,["91"] = 65,["92"] = 65,["93"] = 65,["94"] = 65,["95"] = 65,["96"] = 43,["97"] = 68,["98"] = 69,["99"] = 69,["101"] = 70,["102"] = 71,["103"] = 72,["104"] = 73,["105"] = 74,["106"] = 68});
local ____exports = {}
local config = require("runtime.config")
local agents = require("cluster.agents")
local store = require("cluster.snapshot_store")
local ____handover = require("core.handover")
local agentOf = ____handover.agentOf
local handoverOf = ____handover.handoverOf
local ____metrics_catalog = require("core.metrics_catalog")
local DNS_NAMES = ____metrics_catalog.DNS_NAMES
local EXPECTED_NODES = ____metrics_catalog.EXPECTED_NODES
local HANDOVER_TRIGGER = ____metrics_catalog.HANDOVER_TRIGGER
local MONITORS_AWAY = ____metrics_catalog.MONITORS_AWAY
local MONITOR_COUNT = ____metrics_catalog.MONITOR_COUNT
local NODE_REGISTRY_ONLINE = ____metrics_catalog.NODE_REGISTRY_ONLINE
local NODE_STATUS = ____metrics_catalog.NODE_STATUS
local SNAPSHOT_AGE = ____metrics_catalog.SNAPSHOT_AGE
local SNAPSHOT_VERSION = ____metrics_catalog.SNAPSHOT_VERSION
local SYNC_FAILING = ____metrics_catalog.SYNC_FAILING
local WEBSOCKETS = ____metrics_catalog.WEBSOCKETS
local ____metrics_text = require("core.metrics_text")
local CONTENT_TYPE = ____metrics_text.CONTENT_TYPE
local addSample = ____metrics_text.addSample
local collect = ____metrics_text.collect
local render = ____metrics_text.render
local ____snapshot = require("core.snapshot")
local awayFrom = ____snapshot.awayFrom
local ____dicts = require("runtime.dicts")
local dict = ____dicts.metricsDict
local ____resolve = require("dns.resolve")
local cacheEntries = ____resolve.cacheEntries
local ____verdicts = require("health.verdicts")
local downSet = ____verdicts.downSet
local respond = require("runtime.respond")
local ____process = require("metrics.process")
local isAlive = ____process.isAlive
local ____record = require("metrics.record")
local ENABLED = ____record.ENABLED
local flush = ____record.flush
--- The flushed counters of every worker; shares of workers that died are dropped for good.
function ____exports.sharedSeries()
    flush(ngx.now())
    local entries = {}
    for ____, key in ipairs(dict:get_keys(0)) do
        local v = dict:get(key)
        if type(v) == "number" then
            entries[#entries + 1] = {key, v}
        end
    end
    local outcome = collect(entries, isAlive)
    for ____, key in ipairs(outcome.deadKeys) do
        dict:delete(key)
    end
    return outcome.collected
end
local function addStateGauges(c)
    local snapshot = store.current()
    local nodes = snapshot == nil and ({}) or snapshot.nodes
    local down = downSet(nodes)
    local reports = agents.current()
    local heartbeatS = config.get().cluster.heartbeatS
    for ____, n in ipairs(nodes) do
        local labels = {n.id}
        addSample(c, NODE_STATUS, labels, n.address ~= nil and down[n.id] ~= true and 1 or 0)
        addSample(c, NODE_REGISTRY_ONLINE, labels, n.online and 1 or 0)
        addSample(c, MONITOR_COUNT, labels, n.owned)
        addSample(c, WEBSOCKETS, labels, 0)
        addSample(
            c,
            MONITORS_AWAY,
            labels,
            snapshot == nil and 0 or awayFrom(snapshot, n.id)
        )
        local handover = handoverOf(
            agentOf(reports.byNode, n.id),
            reports.sinceReadS or 0,
            heartbeatS
        )
        addSample(c, HANDOVER_TRIGGER, labels, handover.mode == "trigger" and 1 or 0)
    end
    local s = store.status()
    addSample(c, SNAPSHOT_AGE, {}, s.ageS or -1)
    addSample(c, SNAPSHOT_VERSION, {}, s.version)
    addSample(c, SYNC_FAILING, {}, s.lastError ~= nil and 1 or 0)
    for ____, e in ipairs(cacheEntries()) do
        addSample(c, DNS_NAMES, {e.error ~= nil and "failed" or (e.stale and "stale" or "fresh")}, 1)
    end
    addSample(
        c,
        EXPECTED_NODES,
        {},
        config.get().cluster.nodeCount
    )
end
function ____exports.serve()
    if not ENABLED then
        return respond.json(404, {error = "metrics_disabled", message = "ROUTER_METRICS=false"})
    end
    local c = ____exports.sharedSeries()
    addStateGauges(c)
    ngx.header["Content-Type"] = CONTENT_TYPE
    ngx.header["Cache-Control"] = "no-store"
    ngx.print(render(c))
end
return ____exports
