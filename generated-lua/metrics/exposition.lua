local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 5,["7"] = 6,["8"] = 7,["9"] = 7,["10"] = 7,["11"] = 8,["12"] = 9,["13"] = 10,["14"] = 11,["15"] = 12,["16"] = 13,["17"] = 14,["18"] = 15,["19"] = 16,["20"] = 17,["21"] = 18,["22"] = 19,["23"] = 20,["24"] = 21,["25"] = 23,["26"] = 23,["27"] = 23,["28"] = 23,["29"] = 23,["30"] = 24,["31"] = 24,["32"] = 24,["33"] = 25,["34"] = 25,["35"] = 26,["36"] = 26,["37"] = 27,["38"] = 27,["39"] = 28,["40"] = 28,["41"] = 29,["42"] = 30,["43"] = 30,["44"] = 31,["45"] = 31,["46"] = 32,["47"] = 32,["49"] = 35,["50"] = 36,["51"] = 37,["52"] = 38,["53"] = 39,["54"] = 40,["55"] = 40,["58"] = 42,["59"] = 43,["60"] = 43,["62"] = 44,["63"] = 35,["64"] = 47,["65"] = 48,["66"] = 49,["67"] = 50,["68"] = 51,["69"] = 52,["70"] = 53,["71"] = 54,["72"] = 55,["73"] = 56,["74"] = 57,["75"] = 58,["76"] = 60,["77"] = 61,["78"] = 61,["79"] = 61,["80"] = 61,["81"] = 61,["82"] = 61,["83"] = 62,["84"] = 62,["85"] = 62,["86"] = 62,["87"] = 62,["88"] = 63,["90"] = 65,["91"] = 65,["92"] = 65,["93"] = 65,["94"] = 65,["95"] = 65,["96"] = 66,["97"] = 67,["98"] = 68,["99"] = 69,["100"] = 70,["101"] = 70,["103"] = 71,["104"] = 71,["105"] = 71,["106"] = 71,["107"] = 71,["108"] = 71,["109"] = 47,["110"] = 74,["111"] = 75,["112"] = 75,["114"] = 76,["115"] = 77,["116"] = 78,["117"] = 79,["118"] = 80,["119"] = 74});
local ____exports = {}
local config = require("config")
local agents = require("cluster.agents")
local store = require("cluster.snapshot_store")
local ____handover = require("core.handover")
local agentOf = ____handover.agentOf
local handoverOf = ____handover.handoverOf
local ____metrics_catalog = require("core.metrics_catalog")
local DNS_NAMES = ____metrics_catalog.DNS_NAMES
local EXPECTED_NODES = ____metrics_catalog.EXPECTED_NODES
local HANDOVER_TRIGGER = ____metrics_catalog.HANDOVER_TRIGGER
local NODE_FOREIGN = ____metrics_catalog.NODE_FOREIGN
local IMBALANCE = ____metrics_catalog.IMBALANCE
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
local ____rebalance = require("core.rebalance")
local imbalance = ____rebalance.imbalance
local servingLoads = ____rebalance.servingLoads
local ____snapshot = require("core.snapshot")
local awayFrom = ____snapshot.awayFrom
local ____dicts = require("dicts")
local dict = ____dicts.metricsDict
local ____resolve = require("dns.resolve")
local cacheEntries = ____resolve.cacheEntries
local ____view = require("health.view")
local downSet = ____view.downSet
local respond = require("router.respond")
local ____process = require("metrics.process")
local isAlive = ____process.isAlive
local ____record = require("metrics.record")
local flush = ____record.flush
local ____settings = require("metrics.settings")
local ENABLED = ____settings.ENABLED
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
        addSample(c, NODE_STATUS, labels, n.address ~= nil and not n.foreign and down[n.id] ~= true and 1 or 0)
        addSample(c, NODE_FOREIGN, labels, n.foreign and 1 or 0)
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
    addSample(
        c,
        IMBALANCE,
        {},
        imbalance(servingLoads(nodes, down))
    )
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
