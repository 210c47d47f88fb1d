local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["9"] = 48,["10"] = 6,["11"] = 7,["12"] = 8,["13"] = 8,["14"] = 8,["15"] = 9,["16"] = 9,["17"] = 9,["18"] = 9,["19"] = 9,["20"] = 11,["21"] = 11,["22"] = 11,["23"] = 11,["24"] = 11,["25"] = 11,["26"] = 12,["27"] = 12,["28"] = 12,["29"] = 12,["30"] = 13,["31"] = 13,["32"] = 13,["33"] = 13,["34"] = 14,["35"] = 48,["36"] = 49,["37"] = 49,["38"] = 49,["39"] = 49,["41"] = 24,["42"] = 25,["43"] = 25,["44"] = 25,["45"] = 25,["46"] = 25,["47"] = 25,["48"] = 25,["49"] = 25,["50"] = 25,["51"] = 25,["52"] = 25,["53"] = 24,["55"] = 36,["56"] = 37,["57"] = 38,["58"] = 39,["59"] = 39,["60"] = 39,["61"] = 39,["62"] = 40,["63"] = 41,["64"] = 41,["65"] = 41,["66"] = 41,["67"] = 41,["70"] = 43,["71"] = 44,["72"] = 36,["73"] = 52,["74"] = 53,["75"] = 53,["76"] = 53,["77"] = 53,["78"] = 53,["79"] = 53,["80"] = 54,["81"] = 55,["82"] = 55,["83"] = 55,["84"] = 55,["85"] = 55,["86"] = 55,["87"] = 53,["88"] = 53,["89"] = 52,["91"] = 60,["92"] = 61,["93"] = 62,["94"] = 63,["95"] = 63,["96"] = 63,["97"] = 63,["98"] = 64,["99"] = 65,["100"] = 65,["101"] = 65,["102"] = 65,["104"] = 68,["105"] = 68,["106"] = 68,["107"] = 68,["108"] = 68,["109"] = 68,["110"] = 68,["111"] = 68,["113"] = 69,["114"] = 60,["116"] = 73,["117"] = 74,["118"] = 74,["120"] = 75,["121"] = 75,["122"] = 75,["123"] = 75,["124"] = 76,["125"] = 77,["126"] = 78,["127"] = 78,["128"] = 78,["129"] = 78,["131"] = 79,["132"] = 73,["133"] = 82,["134"] = 82,["135"] = 82,["136"] = 82,["137"] = 82,["138"] = 82,["139"] = 82,["140"] = 82,["141"] = 82,["142"] = 83,["143"] = 83,["144"] = 83,["145"] = 83,["146"] = 83,["147"] = 84,["148"] = 85,["149"] = 86,["150"] = 86,["151"] = 86,["152"] = 86,["154"] = 87,["155"] = 87,["156"] = 87,["157"] = 87,["158"] = 88,["159"] = 89,["160"] = 90,["161"] = 91,["162"] = 92,["163"] = 92,["164"] = 92,["165"] = 92,["166"] = 92,["168"] = 93,["169"] = 94,["170"] = 94,["171"] = 94,["172"] = 94,["173"] = 94,["174"] = 94,["175"] = 94,["176"] = 95,["177"] = 95,["178"] = 95,["179"] = 95,["180"] = 96,["181"] = 97,["182"] = 98,["183"] = 98,["184"] = 98,["185"] = 98,["188"] = 104,["189"] = 82,["191"] = 108,["192"] = 109,["193"] = 109,["194"] = 109,["195"] = 109,["196"] = 110,["197"] = 110,["198"] = 110,["199"] = 110,["200"] = 110,["201"] = 111,["202"] = 111,["204"] = 112,["205"] = 112,["206"] = 112,["207"] = 112,["208"] = 113,["209"] = 108});
local ____exports = {}
local forget
local config = require("runtime.config")
local db = require("cluster.db")
local ____failover = require("core.failover")
local failoverWork = ____failover.failoverWork
local planFailover = ____failover.planFailover
local ____ownership = require("core.ownership")
local goneNodes = ____ownership.goneNodes
local groupMoves = ____ownership.groupMoves
local idsOf = ____ownership.idsOf
local planRecords = ____ownership.planRecords
local ____move_sql = require("health.move_sql")
local RECORDS_SQL = ____move_sql.RECORDS_SQL
local forgetSql = ____move_sql.forgetSql
local recordSql = ____move_sql.recordSql
local rehomeSql = ____move_sql.rehomeSql
local returnSql = ____move_sql.returnSql
local ____registry_sql = require("health.registry_sql")
local assignSql = ____registry_sql.assignSql
local loadsSql = ____registry_sql.loadsSql
local sourceMonitorsSql = ____registry_sql.sourceMonitorsSql
local ____move_tx = require("health.move_tx")
local affected = ____move_tx.affected
local inTransaction = ____move_tx.inTransaction
local run = ____move_tx.run
local verdicts = require("health.verdicts")
function forget(ids)
    return #ids == 0 and 0 or affected(
        forgetSql(ids),
        "forget"
    )
end
local function readRecords()
    return __TS__ArrayMap(
        run(RECORDS_SQL, "records").rows or ({}),
        function(____, r) return {
            monitorId = db.num(r.monitor_id, 0),
            from = db.text(r.from_node),
            to = db.text(r.to_node),
            present = db.num(r.present, 0) == 1,
            nodeId = db.text(r.node_id),
            assigned = db.text(r.assigned_node)
        } end
    )
end
--- Writes the returns, then forgets their records; returns how many monitors changed.
local function applyReturns(groups, why)
    local moved = 0
    for ____, g in ipairs(groups) do
        local n = affected(
            returnSql(g.value, g.ids),
            "return"
        )
        moved = moved + n
        if n > 0 then
            ngx.log(
                ngx.NOTICE,
                ((((("health writer: " .. tostring(n)) .. " monitors back to ") .. (g.value == "" and "their own node" or g.value)) .. " (") .. why) .. ")"
            )
        end
    end
    forget(idsOf(groups))
    return moved
end
local function sourceMonitors(sources, movedFrom)
    return __TS__ArrayMap(
        run(
            sourceMonitorsSql(sources),
            "monitors"
        ).rows or ({}),
        function(____, r)
            local id = db.num(r.id, 0)
            return {
                id = id,
                nodeId = db.text(r.node_id),
                assigned = db.text(r.assigned_node),
                movedFrom = movedFrom[tostring(id)]
            }
        end
    )
end
--- Gives each target its monitors and records each move; returns how many moved.
local function applyAssignments(plan, sources)
    local moved = 0
    for ____, target in ipairs(__TS__ArraySort(__TS__ObjectKeys(plan.assign))) do
        local n = affected(
            assignSql(target, plan.assign[target], sources),
            "assign"
        )
        moved = moved + n
        ngx.log(
            ngx.NOTICE,
            (((("health writer: " .. tostring(n)) .. " monitors of ") .. table.concat(sources, ",")) .. " -> ") .. target
        )
    end
    for ____, g in ipairs(groupMoves(
        plan.records,
        function(e) return e.kind end
    )) do
        affected(
            recordSql(g.first.from, g.first.to, g.ids, g.first.kind),
            "record"
        )
    end
    return moved
end
--- Gives moved monitors of gone nodes their temporary owner for good; returns how many changed.
local function applyRehome(ids, gone)
    if #ids == 0 then
        return 0
    end
    local n = affected(
        rehomeSql(ids),
        "rehome"
    )
    forget(ids)
    if n > 0 then
        ngx.log(
            ngx.NOTICE,
            ((("health writer: " .. tostring(n)) .. " monitors of ") .. table.concat(gone, ",")) .. " re-homed for good (gone longer than STALE_NODE_TIMEOUT)"
        )
    end
    return n
end
local function transaction(____bindingPattern0, gone)
    local kinds
    local returning
    local targets
    local sources
    sources = ____bindingPattern0.sources
    targets = ____bindingPattern0.targets
    returning = ____bindingPattern0.returning
    kinds = ____bindingPattern0.kinds
    local records = planRecords(
        readRecords(),
        returning,
        gone
    )
    local dropped = forget(records.drop)
    if dropped > 0 then
        ngx.log(
            ngx.NOTICE,
            ("health writer: " .. tostring(dropped)) .. " move records dropped: someone else changed their monitors' owner, or deleted them"
        )
    end
    local moved = applyReturns(
        records.returns,
        table.concat(returning, ",") .. " confirmed up"
    )
    moved = moved + applyRehome(records.rehome, gone)
    if #sources > 0 then
        local monitors = sourceMonitors(sources, records.movedFrom)
        local loads = {}
        for ____, r in ipairs(run(
            loadsSql(targets),
            "loads"
        ).rows or ({})) do
            loads[db.text(r.owner)] = db.num(r.n, 0)
        end
        local limit = config.get().cluster.monitorLimitPerNode
        local plan = planFailover(
            monitors,
            targets,
            loads,
            limit,
            kinds
        )
        moved = moved + applyReturns(
            plan.home,
            ("their temporary owner " .. table.concat(sources, ",")) .. " is down or drained"
        )
        moved = moved + applyAssignments(plan, sources)
        if #plan.stranded > 0 then
            ngx.log(
                ngx.WARN,
                (((("health writer: " .. tostring(#plan.stranded)) .. " monitors of ") .. table.concat(sources, ",")) .. " stay put: every healthy node is at MONITOR_LIMIT_PER_NODE=") .. tostring(limit)
            )
        end
    end
    return {moved = moved, dropped = dropped}
end
--- Failover and return in one transaction on the writer's session.
function ____exports.moveMonitors(snapshot)
    local work = failoverWork(
        verdicts.registryNodes(snapshot),
        config.get().health
    )
    local gone = goneNodes(
        snapshot.nodes,
        __TS__ObjectKeys(snapshot.awayFrom or ({})),
        config.get().health.staleAfterS
    )
    if #work.sources == 0 and #work.returning == 0 and #gone == 0 then
        return {moved = 0, dropped = 0, failed = false}
    end
    local outcome = inTransaction(
        "monitor moves",
        function() return transaction(work, gone) end
    )
    return outcome == nil and ({moved = 0, dropped = 0, failed = true}) or __TS__ObjectAssign({}, outcome, {failed = false})
end
return ____exports
