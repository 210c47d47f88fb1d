local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 6,["6"] = 7,["7"] = 7,["8"] = 7,["9"] = 9,["10"] = 10,["11"] = 11,["12"] = 13,["13"] = 14,["14"] = 16,["15"] = 17,["16"] = 16,["18"] = 21,["19"] = 22,["20"] = 23,["21"] = 23,["23"] = 24,["24"] = 25,["25"] = 26,["26"] = 27,["27"] = 28,["28"] = 29,["29"] = 30,["30"] = 31,["31"] = 32,["34"] = 35,["35"] = 36,["36"] = 21,["38"] = 40,["39"] = 41,["40"] = 42,["41"] = 42,["42"] = 42,["43"] = 42,["44"] = 42,["45"] = 42,["46"] = 42,["47"] = 42,["48"] = 42,["49"] = 40});
local ____exports = {}
local store = require("cluster.snapshot_store")
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local dict = ____dicts.metricsDict
local SLOT_S = 10
local REFRESH_S = 0.2
local PREFIX = KEYS.metrics.newPins
local view = {}
local refreshAt = 0
local function slotKey(nodeId, slot)
    return ((PREFIX .. nodeId) .. "|") .. tostring(slot)
end
--- node id -> recent new pins (this slot and the one before: 10 to 20 seconds).
function ____exports.recent()
    local now = ngx.now()
    if now < refreshAt then
        return view
    end
    refreshAt = now + REFRESH_S
    local snapshot = store.current()
    local slot = math.floor(now / SLOT_S)
    local fresh = {}
    if snapshot ~= nil then
        for ____, n in ipairs(snapshot.nodes) do
            local a = dict:get(slotKey(n.id, slot))
            local b = dict:get(slotKey(n.id, slot - 1))
            fresh[n.id] = (type(a) == "number" and a or 0) + (type(b) == "number" and b or 0)
        end
    end
    view = fresh
    return view
end
--- A new browser was pinned to `nodeId`.
function ____exports.add(nodeId)
    view[nodeId] = (view[nodeId] or 0) + 1
    dict:incr(
        slotKey(
            nodeId,
            math.floor(ngx.now() / SLOT_S)
        ),
        1,
        0,
        2 * SLOT_S + 1
    )
end
return ____exports
