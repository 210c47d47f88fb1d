local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 20,["7"] = 21,["8"] = 22,["9"] = 23,["10"] = 24,["11"] = 24,["12"] = 26,["13"] = 26,["14"] = 26,["18"] = 29,["19"] = 29,["21"] = 33,["22"] = 33,["23"] = 33,["24"] = 33,["27"] = 34,["28"] = 20,["32"] = 58,["33"] = 59,["34"] = 60,["35"] = 61,["36"] = 62,["37"] = 63,["38"] = 64,["39"] = 65,["41"] = 67,["42"] = 67,["43"] = 67,["44"] = 67,["45"] = 68,["47"] = 69,["48"] = 70,["49"] = 70,["50"] = 71,["51"] = 71,["52"] = 72,["54"] = 74,["55"] = 75,["56"] = 76,["57"] = 76,["60"] = 78,["61"] = 79,["62"] = 79,["63"] = 80,["65"] = 82,["66"] = 83,["67"] = 83,["69"] = 84,["70"] = 84,["74"] = 86,["75"] = 58});
local ____exports = {}
function ____exports.failoverWork(nodes, t)
    local work = {sources = {}, targets = {}, returning = {}}
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
--- Each monitor, in id order, goes to the least-loaded target (ties by node id) that is below
-- `limit`; `loads` are the targets' current active monitors. A monitor whose real owner is a
-- target goes home, whatever the limit.
function ____exports.planFailover(monitors, targets, loads, limit)
    local plan = {assign = {}, home = {}, stranded = {}}
    local load = {}
    local isTarget = {}
    local sortedTargets = __TS__ArraySort({unpack(targets)})
    for ____, id in ipairs(sortedTargets) do
        load[id] = loads[id] or 0
        isTarget[id] = true
    end
    local ordered = __TS__ArraySort(
        {unpack(monitors)},
        function(____, a, b) return a.id - b.id end
    )
    for ____, m in ipairs(ordered) do
        do
            if m.nodeId ~= "" and isTarget[m.nodeId] == true then
                local ____plan_home_3 = plan.home
                ____plan_home_3[#____plan_home_3 + 1] = m.id
                local ____load_4, ____m_nodeId_5 = load, m.nodeId
                ____load_4[____m_nodeId_5] = ____load_4[____m_nodeId_5] + 1
                goto __continue15
            end
            local best
            for ____, id in ipairs(sortedTargets) do
                if load[id] < limit and (best == nil or load[id] < load[best]) then
                    best = id
                end
            end
            if best == nil then
                local ____plan_stranded_6 = plan.stranded
                ____plan_stranded_6[#____plan_stranded_6 + 1] = m.id
                goto __continue15
            end
            load[best] = load[best] + 1
            if plan.assign[best] == nil then
                plan.assign[best] = {}
            end
            local ____plan_assign_best_7 = plan.assign[best]
            ____plan_assign_best_7[#____plan_assign_best_7 + 1] = m.id
        end
        ::__continue15::
    end
    return plan
end
return ____exports
