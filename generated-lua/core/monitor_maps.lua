local ____lualib = require("lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__Delete = ____lualib.__TS__Delete
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 27,["8"] = 28,["9"] = 27,["11"] = 32,["12"] = 32,["13"] = 32,["15"] = 32,["16"] = 32,["18"] = 33,["20"] = 34,["21"] = 34,["22"] = 35,["23"] = 36,["24"] = 36,["25"] = 36,["26"] = 36,["27"] = 36,["28"] = 36,["29"] = 34,["32"] = 38,["33"] = 32,["34"] = 41,["35"] = 42,["36"] = 43,["37"] = 44,["38"] = 45,["40"] = 47,["41"] = 48,["44"] = 51,["45"] = 52,["46"] = 53,["47"] = 54,["48"] = 54,["50"] = 41,["51"] = 57,["53"] = 58,["54"] = 58,["55"] = 58,["56"] = 58,["59"] = 57,["60"] = 61,["61"] = 62,["63"] = 63,["64"] = 63,["65"] = 64,["66"] = 64,["68"] = 63,["71"] = 66,["72"] = 61});
local ____exports = {}
function ____exports.emptyMaps()
    return {ownerOf = {}, monitorOfToken = {}, owned = {}, count = 0}
end
--- The rows as entries (a base, or the present state of changed monitors).
function ____exports.rowsToEntries(rows, from, to)
    if from == nil then
        from = 0
    end
    if to == nil then
        to = #rows
    end
    local out = {}
    do
        local i = from
        while i < to do
            local m = rows[i + 1]
            __TS__ArrayPush(
                out,
                tostring(m.id),
                m.owner,
                m.push_token
            )
            i = i + 1
        end
    end
    return out
end
local function setOwner(maps, id, owner, token)
    local previous = maps.ownerOf[id]
    if previous ~= nil then
        maps.owned[previous] = (maps.owned[previous] or 1) - 1
        maps.count = maps.count - 1
    end
    if owner == "" then
        __TS__Delete(maps.ownerOf, id)
        return
    end
    maps.ownerOf[id] = owner
    maps.owned[owner] = (maps.owned[owner] or 0) + 1
    maps.count = maps.count + 1
    if token ~= "" then
        maps.monitorOfToken[token] = id
    end
end
function ____exports.applyEntries(maps, entries)
    do
        local i = 0
        while i + 2 < #entries do
            setOwner(maps, entries[i + 1], entries[i + 1 + 1], entries[i + 2 + 1])
            i = i + 3
        end
    end
end
function ____exports.applyDelta(maps, delta)
    local drops = delta.drops
    do
        local i = 0
        while i + 1 < #drops do
            if maps.monitorOfToken[drops[i + 1]] == drops[i + 1 + 1] then
                __TS__Delete(maps.monitorOfToken, drops[i + 1])
            end
            i = i + 2
        end
    end
    ____exports.applyEntries(maps, delta.entries)
end
return ____exports
