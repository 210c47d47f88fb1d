local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 8,["8"] = 8,["12"] = 28,["13"] = 29,["14"] = 28,["16"] = 33,["17"] = 34,["18"] = 33,["20"] = 44,["21"] = 45,["22"] = 46,["23"] = 47,["24"] = 48,["25"] = 49,["26"] = 50,["28"] = 52,["29"] = 52,["31"] = 54,["32"] = 55,["33"] = 55,["34"] = 55,["35"] = 55,["36"] = 55,["37"] = 55,["38"] = 55,["39"] = 55,["40"] = 55,["41"] = 55,["42"] = 44,["44"] = 59,["45"] = 59,["46"] = 59,["48"] = 60,["49"] = 61,["50"] = 62,["51"] = 63,["52"] = 64,["53"] = 65,["54"] = 66,["56"] = 68,["57"] = 68,["59"] = 70,["60"] = 59,["62"] = 74,["63"] = 75,["64"] = 76,["65"] = 76,["66"] = 76,["69"] = 77,["70"] = 77,["71"] = 77,["72"] = 77,["73"] = 74,["76"] = 98,["77"] = 98,["78"] = 98,["80"] = 99,["81"] = 100,["82"] = 100,["84"] = 101,["85"] = 102,["86"] = 102,["88"] = 103,["89"] = 104,["90"] = 105,["91"] = 106,["92"] = 107,["93"] = 108,["94"] = 109,["95"] = 110,["96"] = 111,["97"] = 111,["98"] = 111,["99"] = 111,["100"] = 112,["101"] = 113,["103"] = 115,["106"] = 118,["107"] = 118,["108"] = 118,["109"] = 118,["110"] = 119,["111"] = 119,["112"] = 119,["113"] = 119,["114"] = 120,["115"] = 120,["116"] = 120,["117"] = 120,["118"] = 120,["119"] = 120,["120"] = 98,["124"] = 136,["125"] = 137,["126"] = 138,["127"] = 138,["129"] = 139,["130"] = 140,["131"] = 141,["132"] = 142,["133"] = 142,["136"] = 144,["137"] = 136});
local ____exports = {}
local ____health = require("core.health")
local isStale = ____health.isStale
--- The record still describes its monitor: the router's write is in place. Anything else means
-- someone else changed the owner since (or deleted the monitor), and the record is dropped.
-- A paused monitor keeps its record: pausing is no choice of owner, and it returns like any other.
function ____exports.inForce(r)
    return r.present and r.assigned == r.to
end
--- assigned_node for a monitor going back to `from`: NULL ("") when that is its creator's node.
function ____exports.returnValue(from, nodeId)
    return from == nodeId and "" or from
end
--- Groups (monitor id, value) pairs by value: one conditional UPDATE per group.
function ____exports.groupReturns(items)
    local byValue = {}
    local values = {}
    for ____, it in ipairs(items) do
        if byValue[it.value] == nil then
            byValue[it.value] = {}
            values[#values + 1] = it.value
        end
        local ____byValue_it_value_0 = byValue[it.value]
        ____byValue_it_value_0[#____byValue_it_value_0 + 1] = it.id
    end
    __TS__ArraySort(values)
    return __TS__ArrayMap(
        values,
        function(____, value) return {
            value = value,
            ids = __TS__ArraySort(
                byValue[value],
                function(____, a, b) return a - b end
            )
        } end
    )
end
--- Moves grouped by (from, to, and `extra`), in first-seen order: one statement per group.
function ____exports.groupMoves(moves, extra)
    if extra == nil then
        extra = function() return "" end
    end
    local groups = {}
    local out = {}
    for ____, m in ipairs(moves) do
        local key = (((m.from .. " ") .. m.to) .. " ") .. extra(m)
        if groups[key] == nil then
            groups[key] = {first = m, ids = {}}
            out[#out + 1] = groups[key]
        end
        local ____groups_key_ids_1 = groups[key].ids
        ____groups_key_ids_1[#____groups_key_ids_1 + 1] = m.id
    end
    return out
end
--- The monitor ids of some groups, in id order.
function ____exports.idsOf(groups)
    local ids = {}
    for ____, g in ipairs(groups) do
        for ____, id in ipairs(g.ids) do
            ids[#ids + 1] = id
        end
    end
    return __TS__ArraySort(
        ids,
        function(____, a, b) return a - b end
    )
end
--- What the records ask for, given the nodes confirmed up (`returning`): each record in force
-- whose from node is among them returns; a record no longer in force is forgotten unacted.
function ____exports.planRecords(records, returning, gone)
    if gone == nil then
        gone = {}
    end
    local back = {}
    for ____, id in ipairs(returning) do
        back[id] = true
    end
    local away = {}
    for ____, id in ipairs(gone) do
        away[id] = true
    end
    local returns = {}
    local drop = {}
    local rehome = {}
    local movedFrom = {}
    for ____, r in ipairs(records) do
        if not ____exports.inForce(r) then
            drop[#drop + 1] = r.monitorId
        elseif back[r.from] == true then
            returns[#returns + 1] = {
                id = r.monitorId,
                value = ____exports.returnValue(r.from, r.nodeId)
            }
        elseif away[r.from] == true then
            rehome[#rehome + 1] = r.monitorId
        else
            movedFrom[tostring(r.monitorId)] = r.from
        end
    end
    __TS__ArraySort(
        drop,
        function(____, a, b) return a - b end
    )
    __TS__ArraySort(
        rehome,
        function(____, a, b) return a - b end
    )
    return {
        returns = ____exports.groupReturns(returns),
        rehome = rehome,
        drop = drop,
        movedFrom = movedFrom
    }
end
--- The from nodes whose moved monitors are re-homed for good: offline in the registry and unseen
-- for longer than STALE_NODE_TIMEOUT, or no longer in the registry at all (`fromNodes`: the
-- from nodes of the records, e.g. the snapshot's awayFrom keys).
function ____exports.goneNodes(nodes, fromNodes, staleAfterS)
    local byId = {}
    for ____, n in ipairs(nodes) do
        byId[n.id] = n
    end
    local gone = {}
    for ____, id in ipairs(fromNodes) do
        local n = byId[id]
        if n == nil or not n.online and isStale(n.lastSeenAge, staleAfterS) then
            gone[#gone + 1] = id
        end
    end
    return __TS__ArraySort(gone)
end
return ____exports
