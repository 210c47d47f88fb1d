local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 6,["7"] = 6,["8"] = 6,["13"] = 37,["14"] = 38,["15"] = 39,["16"] = 40,["18"] = 41,["19"] = 41,["21"] = 42,["22"] = 43,["23"] = 44,["24"] = 45,["25"] = 45,["26"] = 47,["27"] = 47,["28"] = 47,["34"] = 52,["35"] = 53,["37"] = 54,["38"] = 54,["40"] = 55,["41"] = 56,["42"] = 57,["43"] = 58,["44"] = 58,["46"] = 59,["48"] = 60,["49"] = 60,["53"] = 62,["54"] = 62,["55"] = 62,["56"] = 62,["59"] = 63,["60"] = 63,["62"] = 64,["63"] = 37,["65"] = 99,["66"] = 100,["67"] = 99,["69"] = 104,["70"] = 105,["71"] = 105,["73"] = 106,["74"] = 104,["80"] = 116,["81"] = 116,["82"] = 116,["84"] = 117,["85"] = 118,["86"] = 119,["87"] = 120,["88"] = 121,["89"] = 122,["90"] = 123,["92"] = 125,["93"] = 126,["94"] = 126,["95"] = 126,["96"] = 126,["97"] = 127,["99"] = 128,["100"] = 129,["101"] = 130,["102"] = 130,["103"] = 130,["104"] = 130,["105"] = 131,["106"] = 132,["108"] = 134,["109"] = 135,["110"] = 136,["111"] = 136,["114"] = 138,["115"] = 139,["116"] = 139,["117"] = 140,["119"] = 142,["120"] = 143,["121"] = 143,["123"] = 144,["124"] = 144,["125"] = 145,["126"] = 145,["127"] = 145,["128"] = 145,["129"] = 145,["130"] = 145,["131"] = 145,["135"] = 147,["136"] = 148,["137"] = 116});
local ____exports = {}
local ____ownership = require("core.ownership")
local groupReturns = ____ownership.groupReturns
local returnValue = ____ownership.returnValue
--- Foreign nodes (core/world.ts) are never failed over nor get monitors back: this router does
-- not probe them. A drain is the operator's act, not a health verdict, so a drained foreign node
-- gives its monitors away, and when no own node is down, online foreign nodes take drained
-- monitors too: the cut-over's drain moves them to the other world (docs/deployment.md).
function ____exports.failoverWork(nodes, t)
    local work = {sources = {}, kinds = {}, targets = {}, returning = {}}
    local foreignTargets = {}
    for ____, n in ipairs(nodes) do
        do
            if not n.online or not n.addressable or n.drained == true then
                goto __continue3
            end
            if n.foreign == true then
                foreignTargets[#foreignTargets + 1] = n.id
            elseif not n.health.down then
                local ____work_targets_0 = work.targets
                ____work_targets_0[#____work_targets_0 + 1] = n.id
                if n.health.successes >= t.successes then
                    local ____work_returning_1 = work.returning
                    ____work_returning_1[#____work_returning_1 + 1] = n.id
                end
            end
        end
        ::__continue3::
    end
    local failover = false
    for ____, n in ipairs(nodes) do
        do
            if n.owned == 0 then
                goto __continue9
            end
            if n.health.down and n.foreign ~= true then
                work.kinds[n.id] = "failover"
                failover = true
            elseif n.drained == true then
                work.kinds[n.id] = "drain"
            else
                goto __continue9
            end
            local ____work_sources_2 = work.sources
            ____work_sources_2[#____work_sources_2 + 1] = n.id
        end
        ::__continue9::
    end
    if not failover then
        for ____, id in ipairs(foreignTargets) do
            local ____work_targets_3 = work.targets
            ____work_targets_3[#____work_targets_3 + 1] = id
        end
    end
    if #work.targets == 0 then
        return {sources = {}, kinds = {}, targets = {}, returning = {}}
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
                goto __continue26
            end
            local best
            for ____, id in ipairs(sortedTargets) do
                if load[id] < limit and (best == nil or load[id] < load[best]) then
                    best = id
                end
            end
            if best == nil then
                local ____plan_stranded_4 = plan.stranded
                ____plan_stranded_4[#____plan_stranded_4 + 1] = m.id
                goto __continue26
            end
            load[best] = load[best] + 1
            if plan.assign[best] == nil then
                plan.assign[best] = {}
            end
            local ____plan_assign_best_5 = plan.assign[best]
            ____plan_assign_best_5[#____plan_assign_best_5 + 1] = m.id
            local ____plan_records_6 = plan.records
            ____plan_records_6[#____plan_records_6 + 1] = {
                id = m.id,
                from = from,
                to = best,
                kind = kinds[ownerOf(m)] or "failover"
            }
        end
        ::__continue26::
    end
    plan.home = groupReturns(home)
    return plan
end
return ____exports
