local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 6,["7"] = 6,["8"] = 6,["9"] = 7,["10"] = 7,["11"] = 8,["12"] = 8,["13"] = 9,["14"] = 11,["16"] = 13,["17"] = 14,["19"] = 17,["20"] = 18,["21"] = 17,["23"] = 22,["24"] = 23,["25"] = 24,["28"] = 25,["29"] = 26,["31"] = 27,["32"] = 28,["33"] = 29,["34"] = 30,["35"] = 30,["37"] = 31,["38"] = 33,["39"] = 33,["41"] = 34,["42"] = 35,["43"] = 35,["48"] = 22});
local ____exports = {}
local store = require("cluster.snapshot_store")
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local dict = ____dicts.metricsDict
local ____verdicts = require("health.verdicts")
local downSet = ____verdicts.downSet
local ____lease = require("runtime.lease")
local holdLease = ____lease.holdLease
local counters = require("metrics.counters")
local LEASE = KEYS.locks.samplerLease
--- A few flush intervals: a dead holder is replaced quickly.
local LEASE_TTL_S = 3
local SEEN_PREFIX = KEYS.metrics.seen
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
