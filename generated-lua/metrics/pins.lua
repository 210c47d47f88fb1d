local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 4,["8"] = 6,["10"] = 8,["11"] = 9,["12"] = 11,["13"] = 13,["14"] = 14,["15"] = 13,["16"] = 17,["17"] = 18,["18"] = 17,["19"] = 21,["20"] = 22,["21"] = 23,["22"] = 24,["23"] = 25,["24"] = 25,["25"] = 25,["26"] = 25,["27"] = 25,["28"] = 25,["29"] = 25,["31"] = 21,["32"] = 28,["33"] = 29,["34"] = 30,["36"] = 31,["37"] = 31,["38"] = 32,["39"] = 33,["40"] = 33,["42"] = 31,["45"] = 35,["46"] = 28});
local ____exports = {}
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local dict = ____dicts.metricsDict
local SLOT_S = 10
--- The current (partial) slot and the five before it: 50 to 60 seconds.
local SLOTS = 6
local PREFIX = KEYS.metrics.pins
local pending = {}
function ____exports.add(nodeId)
    pending[nodeId] = (pending[nodeId] or 0) + 1
end
local function slotKey(nodeId, slot)
    return ((PREFIX .. nodeId) .. "|") .. tostring(slot)
end
function ____exports.flush(now)
    local batch = pending
    pending = {}
    local slot = math.floor(now / SLOT_S)
    for nodeId in pairs(batch) do
        dict:incr(
            slotKey(nodeId, slot),
            batch[nodeId],
            0,
            SLOT_S * (SLOTS + 1)
        )
    end
end
function ____exports.lastMinute(nodeId, now)
    local slot = math.floor(now / SLOT_S)
    local total = 0
    do
        local s = slot - SLOTS + 1
        while s <= slot do
            local n = dict:get(slotKey(nodeId, s))
            if type(n) == "number" then
                total = total + n
            end
            s = s + 1
        end
    end
    return total
end
return ____exports
