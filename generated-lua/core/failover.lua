local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 6,["7"] = 6,["8"] = 6,["9"] = 32,["10"] = 33,["11"] = 34,["12"] = 35,["13"] = 36,["14"] = 36,["15"] = 38,["16"] = 38,["17"] = 38,["21"] = 41,["22"] = 41,["24"] = 47,["26"] = 48,["27"] = 48,["29"] = 49,["30"] = 49,["31"] = 50,["32"] = 50,["33"] = 51,["34"] = 51,["36"] = 52,["38"] = 53,["39"] = 53,["43"] = 55,["44"] = 32,["46"] = 90,["47"] = 91,["48"] = 90,["50"] = 95,["51"] = 96,["52"] = 96,["54"] = 97,["55"] = 95,["61"] = 107,["62"] = 107,["63"] = 107,["65"] = 108,["66"] = 109,["67"] = 110,["68"] = 111,["69"] = 112,["70"] = 113,["71"] = 114,["73"] = 116,["74"] = 117,["75"] = 117,["76"] = 117,["77"] = 117,["78"] = 118,["80"] = 119,["81"] = 120,["82"] = 121,["83"] = 121,["84"] = 121,["85"] = 121,["86"] = 122,["87"] = 123,["89"] = 125,["90"] = 126,["91"] = 127,["92"] = 127,["95"] = 129,["96"] = 130,["97"] = 130,["98"] = 131,["100"] = 133,["101"] = 134,["102"] = 134,["104"] = 135,["105"] = 135,["106"] = 136,["107"] = 136,["108"] = 136,["109"] = 136,["110"] = 136,["111"] = 136,["112"] = 136,["116"] = 138,["117"] = 139,["118"] = 107});
local ____exports = {}
local ____ownership = require("core.ownership")
local groupReturns = ____ownership.groupReturns
local returnValue = ____ownership.returnValue
function ____exports.failoverWork(nodes, t)
    local work = {sources = {}, kinds = {}, targets = {}, returning = {}}
    for ____, n in ipairs(nodes) do
        if n.online and n.addressable and not n.health.down and n.drained ~= true then
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
        do
            if n.owned == 0 then
                goto __continue8
            end
            if n.health.down then
                work.kinds[n.id] = "failover"
            elseif n.drained == true then
                work.kinds[n.id] = "drain"
            elseif not n.online then
                work.kinds[n.id] = "leave"
            else
                goto __continue8
            end
            local ____work_sources_2 = work.sources
            ____work_sources_2[#____work_sources_2 + 1] = n.id
        end
        ::__continue8::
    end
    return work
end
--- The monitor's effective owner now: the source it moves from.
local function ownerOf(m)
    return m.assigned ~= "" and m.assigned or m.nodeId
end
--- Where a source monitor returns to: its record's from node, else its owner now (the source).
local function homeOf(m)
    if m.movedFrom ~= nil and m.movedFrom ~= "" then
        return m.movedFrom
    end
    return ownerOf(m)
end
--- Each monitor, in id order, goes to the least-loaded target (ties by node id) that is below
-- `limit`; `loads` are the targets' current active monitors. A monitor the router moved before
-- whose from node is a target goes back there, whatever the limit. A monitor the router never
-- moved fails over from its owner now, creator's node or an operator's override alike: the
-- record remembers that owner, so it comes back to it.
function ____exports.planFailover(monitors, targets, loads, limit, kinds)
    if kinds == nil then
        kinds = {}
    end
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
                goto __continue22
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
                goto __continue22
            end
            load[best] = load[best] + 1
            if plan.assign[best] == nil then
                plan.assign[best] = {}
            end
            local ____plan_assign_best_4 = plan.assign[best]
            ____plan_assign_best_4[#____plan_assign_best_4 + 1] = m.id
            local ____plan_records_5 = plan.records
            ____plan_records_5[#____plan_records_5 + 1] = {
                id = m.id,
                from = from,
                to = best,
                kind = kinds[ownerOf(m)] or "failover"
            }
        end
        ::__continue22::
    end
    plan.home = groupReturns(home)
    return plan
end
return ____exports
