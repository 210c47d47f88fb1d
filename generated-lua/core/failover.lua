local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 5,["7"] = 5,["8"] = 6,["9"] = 6,["10"] = 6,["12"] = 23,["13"] = 24,["14"] = 25,["15"] = 26,["16"] = 27,["17"] = 28,["18"] = 28,["19"] = 30,["20"] = 30,["21"] = 30,["25"] = 33,["26"] = 33,["28"] = 37,["29"] = 37,["30"] = 37,["31"] = 37,["34"] = 38,["35"] = 23,["37"] = 72,["38"] = 73,["39"] = 73,["41"] = 74,["42"] = 72,["48"] = 84,["49"] = 85,["50"] = 86,["51"] = 87,["52"] = 88,["53"] = 89,["54"] = 90,["55"] = 91,["57"] = 93,["58"] = 94,["59"] = 94,["60"] = 94,["61"] = 94,["62"] = 95,["64"] = 96,["65"] = 97,["66"] = 98,["67"] = 98,["68"] = 98,["69"] = 98,["70"] = 99,["71"] = 100,["73"] = 102,["74"] = 103,["75"] = 104,["76"] = 104,["79"] = 106,["80"] = 107,["81"] = 107,["82"] = 108,["84"] = 110,["85"] = 111,["86"] = 111,["88"] = 112,["89"] = 112,["90"] = 113,["91"] = 113,["95"] = 115,["96"] = 116,["97"] = 84});
local ____exports = {}
local ____health = require("core.health")
local ownNodes = ____health.ownNodes
local ____ownership = require("core.ownership")
local groupReturns = ____ownership.groupReturns
local returnValue = ____ownership.returnValue
--- Foreign nodes (core/world.ts) are none of the three: their monitors stay where they are.
function ____exports.failoverWork(registry, t)
    local work = {sources = {}, targets = {}, returning = {}}
    local nodes = ownNodes(registry)
    for ____, n in ipairs(nodes) do
        if n.online and n.addressable and not n.health.down then
            local ____work_targets_0 = work.targets
            ____work_targets_0[#____work_targets_0 + 1] = n.id
            if n.health.successes >= t.successes then
                local ____work_returning_1 = work.returning
                ____work_returning_1[#____work_returning_1 + 1] = n.id
            end
        end
    end
    if #work.targets == 0 then
        return work
    end
    for ____, n in ipairs(nodes) do
        if n.health.down and n.owned > 0 then
            local ____work_sources_2 = work.sources
            ____work_sources_2[#____work_sources_2 + 1] = n.id
        end
    end
    return work
end
--- Where a source monitor returns to: its record's from node, else its owner now (the source).
local function homeOf(m)
    if m.movedFrom ~= nil and m.movedFrom ~= "" then
        return m.movedFrom
    end
    return m.assigned ~= "" and m.assigned or m.nodeId
end
--- Each monitor, in id order, goes to the least-loaded target (ties by node id) that is below
-- `limit`; `loads` are the targets' current active monitors. A monitor the router moved before
-- whose from node is a target goes back there, whatever the limit. A monitor the router never
-- moved fails over from its owner now, creator's node or an operator's override alike: the
-- record remembers that owner, so it comes back to it.
function ____exports.planFailover(monitors, targets, loads, limit)
    local plan = {assign = {}, records = {}, home = {}, stranded = {}}
    local load = {}
    local isTarget = {}
    local sortedTargets = __TS__ArraySort({unpack(targets)})
    for ____, id in ipairs(sortedTargets) do
        load[id] = loads[id] or 0
        isTarget[id] = true
    end
    local home = {}
    local ordered = __TS__ArraySort(
        {unpack(monitors)},
        function(____, a, b) return a.id - b.id end
    )
    for ____, m in ipairs(ordered) do
        do
            local from = homeOf(m)
            if isTarget[from] == true then
                home[#home + 1] = {
                    id = m.id,
                    value = returnValue(from, m.nodeId)
                }
                load[from] = load[from] + 1
                goto __continue17
            end
            local best
            for ____, id in ipairs(sortedTargets) do
                if load[id] < limit and (best == nil or load[id] < load[best]) then
                    best = id
                end
            end
            if best == nil then
                local ____plan_stranded_3 = plan.stranded
                ____plan_stranded_3[#____plan_stranded_3 + 1] = m.id
                goto __continue17
            end
            load[best] = load[best] + 1
            if plan.assign[best] == nil then
                plan.assign[best] = {}
            end
            local ____plan_assign_best_4 = plan.assign[best]
            ____plan_assign_best_4[#____plan_assign_best_4 + 1] = m.id
            local ____plan_records_5 = plan.records
            ____plan_records_5[#____plan_records_5 + 1] = {id = m.id, from = from, to = best}
        end
        ::__continue17::
    end
    plan.home = groupReturns(home)
    return plan
end
return ____exports
