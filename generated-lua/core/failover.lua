local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 6,["7"] = 6,["8"] = 6,["13"] = 38,["14"] = 39,["15"] = 40,["16"] = 41,["18"] = 42,["19"] = 42,["21"] = 43,["22"] = 44,["23"] = 45,["24"] = 46,["25"] = 46,["26"] = 48,["27"] = 48,["28"] = 48,["34"] = 58,["35"] = 59,["37"] = 60,["38"] = 60,["40"] = 61,["41"] = 62,["42"] = 63,["43"] = 64,["44"] = 64,["45"] = 65,["46"] = 66,["47"] = 67,["49"] = 68,["51"] = 69,["52"] = 69,["56"] = 71,["57"] = 71,["58"] = 71,["59"] = 71,["62"] = 72,["63"] = 72,["65"] = 73,["66"] = 38,["68"] = 108,["69"] = 109,["70"] = 108,["72"] = 113,["73"] = 114,["74"] = 114,["76"] = 115,["77"] = 113,["83"] = 125,["84"] = 130,["85"] = 130,["87"] = 132,["88"] = 133,["89"] = 134,["90"] = 135,["91"] = 136,["92"] = 137,["93"] = 138,["95"] = 140,["96"] = 141,["97"] = 141,["98"] = 141,["99"] = 141,["100"] = 142,["102"] = 143,["103"] = 144,["104"] = 145,["105"] = 145,["106"] = 145,["107"] = 145,["108"] = 146,["109"] = 147,["111"] = 149,["112"] = 150,["113"] = 151,["114"] = 151,["117"] = 153,["118"] = 154,["119"] = 154,["120"] = 155,["122"] = 157,["123"] = 158,["124"] = 158,["126"] = 159,["127"] = 159,["128"] = 160,["129"] = 160,["130"] = 160,["131"] = 160,["132"] = 160,["133"] = 160,["134"] = 160,["138"] = 162,["139"] = 163,["140"] = 125});
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
            elseif not n.online and n.foreign ~= true then
                work.kinds[n.id] = "leave"
                failover = true
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
                goto __continue27
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
                goto __continue27
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
        ::__continue27::
    end
    plan.home = groupReturns(home)
    return plan
end
return ____exports
