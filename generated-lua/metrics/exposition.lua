local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 5,["7"] = 6,["8"] = 7,["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 11,["13"] = 12,["14"] = 13,["15"] = 14,["16"] = 15,["17"] = 17,["18"] = 17,["19"] = 17,["20"] = 17,["21"] = 17,["22"] = 18,["23"] = 18,["24"] = 19,["25"] = 19,["26"] = 20,["27"] = 20,["28"] = 21,["29"] = 22,["30"] = 22,["31"] = 23,["32"] = 23,["33"] = 24,["34"] = 24,["36"] = 27,["37"] = 28,["38"] = 29,["39"] = 30,["40"] = 31,["41"] = 32,["42"] = 32,["45"] = 34,["46"] = 35,["47"] = 35,["49"] = 36,["50"] = 27,["51"] = 39,["52"] = 40,["53"] = 41,["54"] = 42,["55"] = 43,["56"] = 44,["57"] = 45,["58"] = 46,["59"] = 47,["60"] = 49,["62"] = 51,["63"] = 52,["64"] = 53,["65"] = 54,["66"] = 55,["67"] = 55,["69"] = 56,["70"] = 56,["71"] = 56,["72"] = 56,["73"] = 56,["74"] = 56,["75"] = 39,["76"] = 59,["77"] = 60,["78"] = 60,["80"] = 61,["81"] = 62,["82"] = 63,["83"] = 64,["84"] = 65,["85"] = 59});
local ____exports = {}
local config = require("config")
local store = require("cluster.snapshot_store")
local ____metrics_catalog = require("core.metrics_catalog")
local DNS_NAMES = ____metrics_catalog.DNS_NAMES
local EXPECTED_NODES = ____metrics_catalog.EXPECTED_NODES
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
    for ____, n in ipairs(nodes) do
        local labels = {n.id}
        addSample(c, NODE_STATUS, labels, n.address ~= nil and down[n.id] ~= true and 1 or 0)
        addSample(c, NODE_REGISTRY_ONLINE, labels, n.online and 1 or 0)
        addSample(c, MONITOR_COUNT, labels, n.owned)
        addSample(c, WEBSOCKETS, labels, 0)
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
