local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["10"] = 26,["11"] = 27,["12"] = 26,["14"] = 31,["15"] = 32,["16"] = 31,["18"] = 42,["19"] = 43,["20"] = 44,["21"] = 45,["22"] = 46,["23"] = 47,["24"] = 48,["26"] = 50,["27"] = 50,["29"] = 52,["30"] = 53,["31"] = 53,["32"] = 53,["33"] = 53,["34"] = 53,["35"] = 53,["36"] = 53,["37"] = 53,["38"] = 53,["39"] = 53,["40"] = 42,["42"] = 57,["43"] = 58,["44"] = 59,["45"] = 59,["46"] = 59,["49"] = 60,["50"] = 60,["51"] = 60,["52"] = 60,["53"] = 57,["56"] = 76,["57"] = 77,["58"] = 78,["59"] = 78,["61"] = 79,["62"] = 80,["63"] = 81,["64"] = 82,["65"] = 83,["66"] = 84,["67"] = 85,["68"] = 86,["69"] = 86,["70"] = 86,["71"] = 86,["73"] = 88,["76"] = 91,["77"] = 91,["78"] = 91,["79"] = 91,["80"] = 92,["81"] = 92,["82"] = 92,["83"] = 92,["84"] = 92,["85"] = 76});
local ____exports = {}
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
function ____exports.planRecords(records, returning)
    local back = {}
    for ____, id in ipairs(returning) do
        back[id] = true
    end
    local returns = {}
    local drop = {}
    local movedFrom = {}
    for ____, r in ipairs(records) do
        if not ____exports.inForce(r) then
            drop[#drop + 1] = r.monitorId
        elseif back[r.from] == true then
            returns[#returns + 1] = {
                id = r.monitorId,
                value = ____exports.returnValue(r.from, r.nodeId)
            }
        else
            movedFrom[tostring(r.monitorId)] = r.from
        end
    end
    __TS__ArraySort(
        drop,
        function(____, a, b) return a - b end
    )
    return {
        returns = ____exports.groupReturns(returns),
        drop = drop,
        movedFrom = movedFrom
    }
end
return ____exports
