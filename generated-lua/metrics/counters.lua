local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 5,["7"] = 6,["8"] = 7,["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 11,["13"] = 12,["14"] = 13,["15"] = 15,["16"] = 15,["17"] = 15,["18"] = 15,["19"] = 15,["20"] = 17,["21"] = 17,["23"] = 20,["24"] = 22,["25"] = 23,["26"] = 25,["27"] = 26,["28"] = 25,["30"] = 30,["31"] = 31,["32"] = 32,["33"] = 33,["35"] = 34,["36"] = 35,["37"] = 35,["39"] = 36,["40"] = 37,["41"] = 37,["43"] = 38,["47"] = 30,["48"] = 51,["49"] = 53,["50"] = 54,["51"] = 54,["53"] = 55,["54"] = 53,["56"] = 59,["57"] = 60,["58"] = 61,["59"] = 62,["60"] = 63,["62"] = 64,["63"] = 64,["64"] = 64,["65"] = 64,["66"] = 64,["67"] = 64,["68"] = 64,["71"] = 65,["72"] = 65,["73"] = 67,["74"] = 67,["75"] = 67,["76"] = 65,["77"] = 68,["78"] = 68,["79"] = 68,["80"] = 65,["81"] = 69,["82"] = 69,["83"] = 69,["84"] = 69,["85"] = 69,["86"] = 69,["87"] = 69,["88"] = 65,["89"] = 65,["90"] = 71,["92"] = 73,["93"] = 59,["95"] = 77,["96"] = 78,["97"] = 78,["98"] = 78,["99"] = 78,["100"] = 78,["102"] = 80,["103"] = 80,["104"] = 80,["105"] = 80,["106"] = 81,["107"] = 81,["108"] = 81,["109"] = 81,["110"] = 83,["111"] = 84,["112"] = 83});
local ____exports = {}
local ____metrics_catalog = require("core.metrics_catalog")
local API_LATENCY = ____metrics_catalog.API_LATENCY
local DECISIONS = ____metrics_catalog.DECISIONS
local FALLBACKS = ____metrics_catalog.FALLBACKS
local LATENCY_BUCKETS = ____metrics_catalog.LATENCY_BUCKETS
local REASONS = ____metrics_catalog.REASONS
local REJECTED = ____metrics_catalog.REJECTED
local RETRIES = ____metrics_catalog.RETRIES
local TRANSITIONS_TOTAL = ____metrics_catalog.TRANSITIONS_TOTAL
local WEBSOCKETS = ____metrics_catalog.WEBSOCKETS
local ____metrics_text = require("core.metrics_text")
local bucketKey = ____metrics_text.bucketKey
local processKey = ____metrics_text.processKey
local sampleKey = ____metrics_text.sampleKey
local sumKey = ____metrics_text.sumKey
local ____dicts = require("runtime.dicts")
local dict = ____dicts.metricsDict
--- Seconds between flushes: how late /metrics may be about another worker's requests.
____exports.FLUSH_INTERVAL_S = 1
local pending = {}
local lastError
function ____exports.add(key, n)
    pending[key] = (pending[key] or 0) + n
end
--- Moves this worker's counts into the shared dict. Never yields.
function ____exports.flush()
    local batch = pending
    pending = {}
    for key in pairs(batch) do
        do
            local n = batch[key]
            if n == 0 then
                goto __continue4
            end
            local ____, err = dict:incr(key, n, 0)
            if err ~= nil and err ~= lastError then
                ngx.log(ngx.ERR, ((("metrics: kuma_metrics: " .. err) .. " (key ") .. key) .. ")")
            end
            lastError = err
        end
        ::__continue4::
    end
end
local nodeKeys = {}
local function required(key, what)
    if key == nil then
        error("metrics: no key for " .. what, 0)
    end
    return key
end
--- The keys of a registry node id (ids cannot contain the key separator; checked anyway).
function ____exports.keysOf(nodeId)
    local k = nodeKeys[nodeId]
    if k == nil then
        local labels = {nodeId}
        local buckets = {}
        do
            local i = 0
            while i <= #LATENCY_BUCKETS do
                buckets[#buckets + 1] = required(
                    bucketKey(API_LATENCY, labels, i),
                    nodeId
                )
                i = i + 1
            end
        end
        k = {
            buckets = buckets,
            sum = required(
                sumKey(API_LATENCY, labels),
                nodeId
            ),
            retry = required(
                sampleKey(RETRIES, labels),
                nodeId
            ),
            websockets = required(
                processKey(
                    WEBSOCKETS,
                    labels,
                    ngx.worker.pid()
                ),
                nodeId
            )
        }
        nodeKeys[nodeId] = k
    end
    return k
end
--- kuma_router_decisions_total keys by reason (a table, not a function: it is read per request).
____exports.DECISION_KEYS = {}
for ____, r in ipairs(REASONS) do
    ____exports.DECISION_KEYS[r] = required(
        sampleKey(DECISIONS, {r}),
        r
    )
end
____exports.FALLBACK_KEY = required(
    sampleKey(FALLBACKS, {}),
    FALLBACKS
)
____exports.REJECTED_KEY = required(
    sampleKey(REJECTED, {}),
    REJECTED
)
function ____exports.transitionKey(nodeId, to)
    return sampleKey(TRANSITIONS_TOTAL, {nodeId, to})
end
return ____exports
