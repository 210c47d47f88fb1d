local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 4,["8"] = 4,["9"] = 4,["10"] = 4,["11"] = 4,["12"] = 4,["13"] = 4,["14"] = 4,["15"] = 5,["16"] = 5,["17"] = 5,["18"] = 5,["19"] = 5,["20"] = 7,["21"] = 7,["23"] = 10,["24"] = 12,["25"] = 13,["26"] = 15,["27"] = 16,["28"] = 15,["30"] = 20,["31"] = 21,["32"] = 22,["33"] = 23,["35"] = 24,["36"] = 25,["37"] = 25,["39"] = 26,["40"] = 27,["41"] = 27,["43"] = 28,["47"] = 20,["48"] = 41,["49"] = 43,["50"] = 44,["51"] = 44,["53"] = 45,["54"] = 43,["56"] = 49,["57"] = 50,["58"] = 51,["59"] = 52,["60"] = 53,["62"] = 54,["63"] = 54,["64"] = 54,["65"] = 54,["66"] = 54,["67"] = 54,["68"] = 54,["71"] = 55,["72"] = 55,["73"] = 57,["74"] = 57,["75"] = 57,["76"] = 55,["77"] = 58,["78"] = 58,["79"] = 58,["80"] = 55,["81"] = 59,["82"] = 59,["83"] = 59,["84"] = 59,["85"] = 59,["86"] = 59,["87"] = 59,["88"] = 55,["89"] = 55,["90"] = 61,["92"] = 63,["93"] = 49,["95"] = 67,["96"] = 68,["97"] = 68,["98"] = 68,["99"] = 68,["100"] = 68,["102"] = 70,["103"] = 70,["104"] = 70,["105"] = 70,["106"] = 71,["107"] = 71,["108"] = 71,["109"] = 71,["110"] = 73,["111"] = 74,["112"] = 73});
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
