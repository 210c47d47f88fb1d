local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 6,["6"] = 7,["7"] = 7,["8"] = 9,["9"] = 10,["10"] = 12,["11"] = 14,["12"] = 15,["13"] = 16,["15"] = 17,["16"] = 17,["17"] = 17,["18"] = 17,["22"] = 19,["23"] = 14,["25"] = 23,["26"] = 24,["27"] = 26,["28"] = 27,["29"] = 28,["30"] = 29,["31"] = 30,["32"] = 31,["36"] = 35,["37"] = 35,["39"] = 36,["40"] = 36,["41"] = 36,["42"] = 36,["43"] = 36,["44"] = 36,["45"] = 37,["46"] = 38,["47"] = 39,["49"] = 41,["50"] = 23,["51"] = 44,["52"] = 45,["53"] = 44});
local ____exports = {}
local config = require("config")
local ____dicts = require("dicts")
local lookupsDict = ____dicts.lookupsDict
local SLOT_PREFIX = "budget:slot:"
local RATE_PREFIX = "budget:second:"
local slotKeys
local function slots()
    if slotKeys == nil then
        slotKeys = {}
        do
            local i = 1
            while i <= config.get().lookups.connections do
                slotKeys[#slotKeys + 1] = SLOT_PREFIX .. tostring(i)
                i = i + 1
            end
        end
    end
    return slotKeys
end
--- A free slot within this second's rate, or undefined when the budget is spent.
function ____exports.acquire()
    local settings = config.get()
    local holdS = 2 * settings.db.timeoutMs / 1000 + 1
    local slot
    for ____, key in ipairs(slots()) do
        local added = lookupsDict:add(key, true, holdS)
        if added then
            slot = key
            break
        end
    end
    if slot == nil then
        return nil
    end
    local count = lookupsDict:incr(
        RATE_PREFIX .. tostring(math.floor(ngx.now())),
        1,
        0,
        2
    )
    if count == nil or count > settings.lookups.ratePerS then
        lookupsDict:delete(slot)
        return nil
    end
    return slot
end
function ____exports.release(slot)
    lookupsDict:delete(slot)
end
return ____exports
