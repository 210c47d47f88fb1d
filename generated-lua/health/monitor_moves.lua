local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__InstanceOf = ____lualib.__TS__InstanceOf
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["12"] = 26,["13"] = 6,["14"] = 7,["15"] = 8,["16"] = 8,["17"] = 8,["18"] = 9,["19"] = 9,["20"] = 9,["21"] = 9,["22"] = 11,["23"] = 11,["24"] = 11,["25"] = 11,["26"] = 11,["27"] = 11,["28"] = 12,["29"] = 12,["30"] = 12,["31"] = 12,["32"] = 13,["33"] = 14,["34"] = 15,["35"] = 30,["36"] = 31,["37"] = 32,["39"] = 32,["43"] = 33,["45"] = 36,["46"] = 37,["47"] = 37,["49"] = 64,["50"] = 65,["51"] = 65,["52"] = 65,["53"] = 65,["55"] = 26,["56"] = 26,["57"] = 27,["58"] = 27,["59"] = 27,["60"] = 40,["61"] = 41,["62"] = 41,["63"] = 41,["64"] = 41,["65"] = 41,["66"] = 41,["67"] = 41,["68"] = 41,["69"] = 41,["70"] = 41,["71"] = 41,["72"] = 40,["74"] = 52,["75"] = 53,["76"] = 54,["77"] = 55,["78"] = 55,["79"] = 55,["80"] = 55,["81"] = 56,["82"] = 57,["83"] = 57,["84"] = 57,["85"] = 57,["86"] = 57,["89"] = 59,["90"] = 60,["91"] = 52,["92"] = 68,["93"] = 69,["94"] = 69,["95"] = 69,["96"] = 69,["97"] = 69,["98"] = 69,["99"] = 70,["100"] = 71,["101"] = 71,["102"] = 71,["103"] = 71,["104"] = 71,["105"] = 71,["106"] = 69,["107"] = 69,["108"] = 68,["110"] = 76,["111"] = 77,["112"] = 78,["113"] = 79,["114"] = 79,["115"] = 79,["116"] = 79,["117"] = 80,["118"] = 81,["119"] = 81,["120"] = 81,["121"] = 81,["123"] = 84,["124"] = 85,["125"] = 86,["126"] = 87,["127"] = 88,["128"] = 89,["129"] = 90,["131"] = 92,["132"] = 92,["134"] = 94,["135"] = 94,["136"] = 94,["137"] = 94,["138"] = 94,["140"] = 95,["141"] = 76,["143"] = 99,["144"] = 100,["145"] = 100,["147"] = 101,["148"] = 101,["149"] = 101,["150"] = 101,["151"] = 102,["152"] = 103,["153"] = 103,["154"] = 103,["155"] = 103,["156"] = 103,["158"] = 104,["159"] = 99,["160"] = 107,["161"] = 107,["162"] = 107,["163"] = 107,["164"] = 107,["165"] = 107,["166"] = 107,["167"] = 107,["168"] = 107,["169"] = 108,["170"] = 108,["171"] = 108,["172"] = 108,["173"] = 108,["174"] = 109,["175"] = 110,["176"] = 110,["177"] = 110,["178"] = 110,["179"] = 110,["181"] = 111,["182"] = 111,["183"] = 111,["184"] = 111,["185"] = 112,["186"] = 113,["187"] = 114,["188"] = 115,["189"] = 116,["190"] = 116,["191"] = 116,["192"] = 116,["193"] = 116,["195"] = 117,["196"] = 118,["197"] = 118,["198"] = 118,["199"] = 118,["200"] = 118,["201"] = 118,["202"] = 118,["203"] = 119,["204"] = 119,["205"] = 119,["206"] = 119,["207"] = 120,["208"] = 121,["209"] = 122,["210"] = 122,["211"] = 122,["212"] = 122,["215"] = 125,["216"] = 107,["218"] = 129,["219"] = 130,["220"] = 130,["221"] = 130,["222"] = 130,["223"] = 131,["224"] = 131,["225"] = 131,["226"] = 131,["227"] = 131,["228"] = 132,["229"] = 132,["231"] = 133,["232"] = 133,["234"] = 134,["235"] = 134,["237"] = 135,["240"] = 140,["241"] = 141,["242"] = 141,["243"] = 141,["244"] = 141,["245"] = 142,["248"] = 137,["249"] = 138,["255"] = 136,["258"] = 144,["259"] = 129});
local ____exports = {}
local run, affected, forget, MoveError
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
local session = require("health.writer_session")
local state = require("health.state")
local tables = require("health.tables")
function run(sql, what)
    local res = session.exec(sql)
    if res.error ~= nil or res.ok == nil and res.rows == nil then
        error(
            __TS__New(MoveError, (what .. ": ") .. (res.error or "no result")),
            0
        )
    end
    return res
end
function affected(sql, what)
    local ____opt_0 = run(sql, what).ok
    return ____opt_0 and ____opt_0.affected_rows or 0
end
function forget(ids)
    return #ids == 0 and 0 or affected(
        forgetSql(ids),
        "forget"
    )
end
MoveError = __TS__Class()
MoveError.name = "MoveError"
function MoveError.prototype.____constructor(self, why)
    self.why = why
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
        local ____pairs_key_ids_2 = ____pairs[key].ids
        ____pairs_key_ids_2[#____pairs_key_ids_2 + 1] = e.id
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
    if not tables.ensure() then
        return {moved = 0, dropped = 0, failed = true}
    end
    if session.exec("BEGIN").error ~= nil then
        return {moved = 0, dropped = 0, failed = true}
    end
    local outcome
    do
        local function ____catch(e)
            session.exec("ROLLBACK")
            ngx.log(
                ngx.WARN,
                "health writer: monitor moves rolled back: " .. (__TS__InstanceOf(e, MoveError) and e.why or tostring(e))
            )
            return true, {moved = 0, dropped = 0, failed = true}
        end
        local ____try, ____hasReturned, ____returnValue = pcall(function()
            outcome = transaction(work, gone)
            run("COMMIT", "commit")
        end)
        if not ____try then
            ____hasReturned, ____returnValue = ____catch(____hasReturned)
        end
        if ____hasReturned then
            return ____returnValue
        end
    end
    return __TS__ObjectAssign({}, outcome, {failed = false})
end
return ____exports
