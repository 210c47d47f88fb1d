local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["9"] = 48,["10"] = 6,["11"] = 7,["12"] = 8,["13"] = 8,["14"] = 8,["15"] = 9,["16"] = 9,["17"] = 9,["18"] = 9,["19"] = 11,["20"] = 11,["21"] = 11,["22"] = 11,["23"] = 11,["24"] = 11,["25"] = 12,["26"] = 12,["27"] = 12,["28"] = 12,["29"] = 13,["30"] = 13,["31"] = 13,["32"] = 13,["33"] = 14,["34"] = 48,["35"] = 49,["36"] = 49,["37"] = 49,["38"] = 49,["40"] = 24,["41"] = 25,["42"] = 25,["43"] = 25,["44"] = 25,["45"] = 25,["46"] = 25,["47"] = 25,["48"] = 25,["49"] = 25,["50"] = 25,["51"] = 25,["52"] = 24,["54"] = 36,["55"] = 37,["56"] = 38,["57"] = 39,["58"] = 39,["59"] = 39,["60"] = 39,["61"] = 40,["62"] = 41,["63"] = 41,["64"] = 41,["65"] = 41,["66"] = 41,["69"] = 43,["70"] = 44,["71"] = 36,["72"] = 52,["73"] = 53,["74"] = 53,["75"] = 53,["76"] = 53,["77"] = 53,["78"] = 53,["79"] = 54,["80"] = 55,["81"] = 55,["82"] = 55,["83"] = 55,["84"] = 55,["85"] = 55,["86"] = 53,["87"] = 53,["88"] = 52,["90"] = 60,["91"] = 61,["92"] = 62,["93"] = 63,["94"] = 63,["95"] = 63,["96"] = 63,["97"] = 64,["98"] = 65,["99"] = 65,["100"] = 65,["101"] = 65,["103"] = 68,["104"] = 69,["105"] = 70,["106"] = 71,["107"] = 72,["108"] = 73,["109"] = 74,["111"] = 76,["112"] = 76,["114"] = 78,["115"] = 78,["116"] = 78,["117"] = 78,["118"] = 78,["120"] = 79,["121"] = 60,["123"] = 83,["124"] = 84,["125"] = 84,["127"] = 85,["128"] = 85,["129"] = 85,["130"] = 85,["131"] = 86,["132"] = 87,["133"] = 87,["134"] = 87,["135"] = 87,["136"] = 87,["138"] = 88,["139"] = 83,["140"] = 91,["141"] = 91,["142"] = 91,["143"] = 91,["144"] = 91,["145"] = 91,["146"] = 91,["147"] = 91,["148"] = 91,["149"] = 92,["150"] = 92,["151"] = 92,["152"] = 92,["153"] = 92,["154"] = 93,["155"] = 94,["156"] = 94,["157"] = 94,["158"] = 94,["159"] = 94,["161"] = 95,["162"] = 95,["163"] = 95,["164"] = 95,["165"] = 96,["166"] = 97,["167"] = 98,["168"] = 99,["169"] = 100,["170"] = 100,["171"] = 100,["172"] = 100,["173"] = 100,["175"] = 101,["176"] = 102,["177"] = 102,["178"] = 102,["179"] = 102,["180"] = 102,["181"] = 102,["182"] = 102,["183"] = 103,["184"] = 103,["185"] = 103,["186"] = 103,["187"] = 104,["188"] = 105,["189"] = 106,["190"] = 106,["191"] = 106,["192"] = 106,["195"] = 109,["196"] = 91,["198"] = 113,["199"] = 114,["200"] = 114,["201"] = 114,["202"] = 114,["203"] = 115,["204"] = 115,["205"] = 115,["206"] = 115,["207"] = 115,["208"] = 116,["209"] = 116,["211"] = 117,["212"] = 117,["213"] = 117,["214"] = 117,["215"] = 118,["216"] = 113});
local ____exports = {}
local forget
local config = require("config")
local db = require("cluster.db")
local ____failover = require("core.failover")
local failoverWork = ____failover.failoverWork
local planFailover = ____failover.planFailover
local ____ownership = require("core.ownership")
local goneNodes = ____ownership.goneNodes
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
local state = require("health.state")
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
    local ____pairs = {}
    local keys = {}
    for ____, e in ipairs(plan.records) do
        local key = (((e.from .. " ") .. e.to) .. " ") .. e.kind
        if ____pairs[key] == nil then
            ____pairs[key] = {from = e.from, to = e.to, kind = e.kind, ids = {}}
            keys[#keys + 1] = key
        end
        local ____pairs_key_ids_0 = ____pairs[key].ids
        ____pairs_key_ids_0[#____pairs_key_ids_0 + 1] = e.id
    end
    for ____, key in ipairs(keys) do
        affected(
            recordSql(____pairs[key].from, ____pairs[key].to, ____pairs[key].ids, ____pairs[key].kind),
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
        state.registryNodes(snapshot),
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
