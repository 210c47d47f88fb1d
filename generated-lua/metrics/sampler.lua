local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 6,["7"] = 6,["8"] = 7,["9"] = 7,["10"] = 8,["11"] = 8,["12"] = 9,["13"] = 11,["15"] = 13,["16"] = 14,["18"] = 17,["19"] = 18,["20"] = 17,["22"] = 22,["23"] = 23,["24"] = 24,["27"] = 25,["28"] = 26,["30"] = 27,["31"] = 28,["32"] = 29,["33"] = 30,["34"] = 30,["36"] = 31,["37"] = 33,["38"] = 33,["40"] = 34,["41"] = 35,["42"] = 35,["47"] = 22});
local ____exports = {}
local store = require("cluster.snapshot_store")
local ____dicts = require("runtime.dicts")
local dict = ____dicts.metricsDict
local ____verdicts = require("health.verdicts")
local downSet = ____verdicts.downSet
local ____lease = require("runtime.lease")
local holdLease = ____lease.holdLease
local counters = require("metrics.counters")
local LEASE = "metrics-sampler"
--- A few flush intervals: a dead holder is replaced quickly.
local LEASE_TTL_S = 3
local SEEN_PREFIX = "seen|"
--- True when this worker holds the sampler lease (and so samples this tick).
function ____exports.sampling()
    return holdLease(LEASE, LEASE_TTL_S)
end
--- Counts the verdicts that changed since the last sample.
function ____exports.sampleTransitions()
    local snapshot = store.current()
    if snapshot == nil then
        return
    end
    local down = downSet(snapshot.nodes)
    for ____, n in ipairs(snapshot.nodes) do
        do
            local verdict = down[n.id] == true and "down" or "up"
            local key = SEEN_PREFIX .. n.id
            local seen = dict:get(key)
            if seen == verdict then
                goto __continue5
            end
            dict:set(key, verdict)
            if seen == nil then
                goto __continue5
            end
            local counter = counters.transitionKey(n.id, verdict)
            if counter ~= nil then
                counters.add(counter, 1)
            end
        end
        ::__continue5::
    end
end
return ____exports
