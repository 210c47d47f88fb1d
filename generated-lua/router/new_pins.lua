local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 6,["6"] = 7,["7"] = 7,["8"] = 9,["9"] = 10,["10"] = 11,["11"] = 13,["12"] = 14,["13"] = 16,["14"] = 17,["15"] = 16,["17"] = 21,["18"] = 22,["19"] = 23,["20"] = 23,["22"] = 24,["23"] = 25,["24"] = 26,["25"] = 27,["26"] = 28,["27"] = 29,["28"] = 30,["29"] = 31,["30"] = 32,["33"] = 35,["34"] = 36,["35"] = 21,["37"] = 40,["38"] = 41,["39"] = 42,["40"] = 42,["41"] = 42,["42"] = 42,["43"] = 42,["44"] = 42,["45"] = 42,["46"] = 42,["47"] = 42,["48"] = 40});
local ____exports = {}
local store = require("cluster.snapshot_store")
local ____dicts = require("dicts")
local dict = ____dicts.metricsDict
local SLOT_S = 10
local REFRESH_S = 0.2
local PREFIX = "newpin|"
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
