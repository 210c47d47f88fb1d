local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 8,["8"] = 8,["12"] = 28,["13"] = 29,["14"] = 28,["16"] = 33,["17"] = 34,["18"] = 33,["20"] = 44,["21"] = 45,["22"] = 46,["23"] = 47,["24"] = 48,["25"] = 49,["26"] = 50,["28"] = 52,["29"] = 52,["31"] = 54,["32"] = 55,["33"] = 55,["34"] = 55,["35"] = 55,["36"] = 55,["37"] = 55,["38"] = 55,["39"] = 55,["40"] = 55,["41"] = 55,["42"] = 44,["44"] = 59,["45"] = 61,["46"] = 61,["48"] = 63,["49"] = 64,["50"] = 65,["51"] = 66,["52"] = 67,["53"] = 68,["54"] = 69,["56"] = 71,["57"] = 71,["59"] = 73,["60"] = 59,["62"] = 77,["63"] = 78,["64"] = 79,["65"] = 79,["66"] = 79,["69"] = 80,["70"] = 80,["71"] = 80,["72"] = 80,["73"] = 77,["76"] = 101,["77"] = 101,["78"] = 101,["80"] = 102,["81"] = 103,["82"] = 103,["84"] = 104,["85"] = 105,["86"] = 105,["88"] = 106,["89"] = 107,["90"] = 108,["91"] = 109,["92"] = 110,["93"] = 111,["94"] = 112,["95"] = 113,["96"] = 114,["97"] = 114,["98"] = 114,["99"] = 114,["100"] = 115,["101"] = 116,["103"] = 118,["106"] = 121,["107"] = 121,["108"] = 121,["109"] = 121,["110"] = 122,["111"] = 122,["112"] = 122,["113"] = 122,["114"] = 123,["115"] = 123,["116"] = 123,["117"] = 123,["118"] = 123,["119"] = 123,["120"] = 101,["124"] = 139,["125"] = 140,["126"] = 141,["127"] = 141,["129"] = 142,["130"] = 143,["131"] = 144,["132"] = 145,["133"] = 145,["136"] = 147,["137"] = 139});
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
