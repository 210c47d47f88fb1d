local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 21,["9"] = 22,["10"] = 22,["12"] = 23,["13"] = 24,["14"] = 25,["15"] = 26,["16"] = 27,["17"] = 27,["19"] = 28,["20"] = 28,["22"] = 29,["24"] = 31,["25"] = 31,["27"] = 32,["28"] = 21,["33"] = 66,["34"] = 67,["35"] = 67,["36"] = 67,["37"] = 67,["38"] = 68,["39"] = 69,["40"] = 70,["41"] = 71,["42"] = 72,["43"] = 72,["44"] = 72,["45"] = 72,["47"] = 74,["48"] = 74,["49"] = 74,["50"] = 74,["51"] = 74,["52"] = 74,["53"] = 75,["54"] = 76,["55"] = 77,["56"] = 78,["57"] = 79,["58"] = 80,["59"] = 81,["60"] = 81,["62"] = 82,["63"] = 82,["66"] = 84,["69"] = 85,["70"] = 86,["71"] = 87,["72"] = 88,["74"] = 90,["75"] = 90,["76"] = 90,["77"] = 90,["78"] = 90,["79"] = 66,["81"] = 94,["82"] = 100,["83"] = 100,["85"] = 101,["86"] = 101,["88"] = 102,["89"] = 102,["91"] = 103,["92"] = 103,["93"] = 103,["96"] = 104,["97"] = 104,["99"] = 105,["100"] = 94,["104"] = 124,["105"] = 125,["106"] = 126,["107"] = 127,["108"] = 127,["111"] = 128,["112"] = 124});
local ____exports = {}
--- (max - min) / mean of the loads; 0 with fewer than two nodes or no monitors.
function ____exports.imbalance(loads)
    if #loads < 2 then
        return 0
    end
    local min = loads[1]
    local max = loads[1]
    local sum = 0
    for ____, l in ipairs(loads) do
        if l < min then
            min = l
        end
        if l > max then
            max = l
        end
        sum = sum + l
    end
    if sum == 0 then
        return 0
    end
    return (max - min) / (sum / #loads)
end
--- One pass: repeatedly moves one monitor from the most-loaded node that has a movable monitor
-- to the least-loaded node below `limit` (ties by node id), newest monitor first (older ones keep
-- their node), while the imbalance is at or above the threshold, at most `batch` moves, and
-- only while a move narrows the gap (from's load exceeds to's by at least 2).
function ____exports.planRebalance(nodes, limit, threshold, batch)
    local sorted = __TS__ArraySort(
        {unpack(nodes)},
        function(____, a, b) return a.id < b.id and -1 or (a.id > b.id and 1 or 0) end
    )
    local load = {}
    local left = {}
    for ____, n in ipairs(sorted) do
        load[n.id] = n.load
        left[n.id] = __TS__ArraySort(
            {unpack(n.movable)},
            function(____, a, b) return a - b end
        )
    end
    local function loads()
        return __TS__ArrayMap(
            sorted,
            function(____, n) return load[n.id] end
        )
    end
    local before = ____exports.imbalance(loads())
    local moves = {}
    while #moves < batch and ____exports.imbalance(loads()) >= threshold do
        local from
        local to
        for ____, n in ipairs(sorted) do
            if #left[n.id] > 0 and (from == nil or load[n.id] > load[from]) then
                from = n.id
            end
            if load[n.id] < limit and (to == nil or load[n.id] < load[to]) then
                to = n.id
            end
        end
        if from == nil or to == nil or load[from] - load[to] < 2 then
            break
        end
        local id = table.remove(left[from])
        load[from] = load[from] - 1
        load[to] = load[to] + 1
        moves[#moves + 1] = {id = id, from = from, to = to}
    end
    return {
        moves = moves,
        before = before,
        after = ____exports.imbalance(loads())
    }
end
--- Why no pass runs now ("" when one may).
function ____exports.rebalanceBlocked(settings, nodes, failoverPending, sinceLastPassS)
    if not settings.enabled then
        return "disabled"
    end
    if failoverPending then
        return "monitors are failing over or draining"
    end
    if #nodes < 2 then
        return "fewer than two healthy nodes"
    end
    for ____, n in ipairs(nodes) do
        if n.healthyForS < settings.settleS then
            return "a node has not been healthy for the settle time"
        end
    end
    if sinceLastPassS < settings.intervalS then
        return "the last pass was too recent"
    end
    return ""
end
--- The loads the imbalance is measured on: nodes that may take monitors (online, addressable,
-- up by the checks, undrained, of this router's world). A drained or down node's monitors are
-- leaving anyway.
function ____exports.servingLoads(nodes, down)
    local loads = {}
    for ____, n in ipairs(nodes) do
        if n.online and n.address ~= nil and n.foreign ~= true and down[n.id] ~= true and n.drained ~= true then
            loads[#loads + 1] = n.owned
        end
    end
    return loads
end
return ____exports
