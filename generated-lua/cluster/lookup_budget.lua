local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 6,["6"] = 7,["7"] = 7,["8"] = 7,["9"] = 9,["10"] = 10,["11"] = 12,["12"] = 14,["13"] = 15,["14"] = 16,["16"] = 17,["17"] = 17,["18"] = 17,["19"] = 17,["23"] = 19,["24"] = 14,["26"] = 23,["27"] = 24,["28"] = 26,["29"] = 27,["30"] = 28,["31"] = 29,["32"] = 30,["33"] = 31,["37"] = 35,["38"] = 35,["40"] = 36,["41"] = 36,["42"] = 36,["43"] = 36,["44"] = 36,["45"] = 36,["46"] = 37,["47"] = 38,["48"] = 39,["50"] = 41,["51"] = 23,["52"] = 44,["53"] = 45,["54"] = 44});
local ____exports = {}
local config = require("runtime.config")
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local lookupsDict = ____dicts.lookupsDict
local SLOT_PREFIX = KEYS.lookups.budgetSlot
local RATE_PREFIX = KEYS.lookups.budgetSecond
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
