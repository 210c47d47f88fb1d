local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 6,["7"] = 6,["8"] = 6,["9"] = 31,["10"] = 32,["11"] = 33,["12"] = 34,["13"] = 35,["14"] = 35,["15"] = 37,["16"] = 37,["17"] = 37,["21"] = 40,["22"] = 40,["24"] = 43,["26"] = 44,["27"] = 44,["29"] = 45,["30"] = 45,["31"] = 46,["32"] = 46,["34"] = 47,["36"] = 48,["37"] = 48,["41"] = 50,["42"] = 31,["44"] = 85,["45"] = 86,["46"] = 85,["48"] = 90,["49"] = 91,["50"] = 91,["52"] = 92,["53"] = 90,["59"] = 102,["60"] = 102,["61"] = 102,["63"] = 103,["64"] = 104,["65"] = 105,["66"] = 106,["67"] = 107,["68"] = 108,["69"] = 109,["71"] = 111,["72"] = 112,["73"] = 112,["74"] = 112,["75"] = 112,["76"] = 113,["78"] = 114,["79"] = 115,["80"] = 116,["81"] = 116,["82"] = 116,["83"] = 116,["84"] = 117,["85"] = 118,["87"] = 120,["88"] = 121,["89"] = 122,["90"] = 122,["93"] = 124,["94"] = 125,["95"] = 125,["96"] = 126,["98"] = 128,["99"] = 129,["100"] = 129,["102"] = 130,["103"] = 130,["104"] = 131,["105"] = 131,["106"] = 131,["107"] = 131,["108"] = 131,["109"] = 131,["110"] = 131,["114"] = 133,["115"] = 134,["116"] = 102});
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
                goto __continue21
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
                goto __continue21
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
        ::__continue21::
    end
    plan.home = groupReturns(home)
    return plan
end
return ____exports
