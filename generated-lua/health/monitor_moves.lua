local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__InstanceOf = ____lualib.__TS__InstanceOf
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["12"] = 26,["13"] = 6,["14"] = 7,["15"] = 8,["16"] = 8,["17"] = 8,["18"] = 9,["19"] = 9,["20"] = 9,["21"] = 11,["22"] = 11,["23"] = 11,["24"] = 11,["25"] = 11,["26"] = 12,["27"] = 12,["28"] = 12,["29"] = 12,["30"] = 13,["31"] = 14,["32"] = 15,["33"] = 30,["34"] = 31,["35"] = 32,["37"] = 32,["41"] = 33,["43"] = 36,["44"] = 37,["45"] = 37,["47"] = 64,["48"] = 65,["49"] = 65,["50"] = 65,["51"] = 65,["53"] = 26,["54"] = 26,["55"] = 27,["56"] = 27,["57"] = 27,["58"] = 40,["59"] = 41,["60"] = 41,["61"] = 41,["62"] = 41,["63"] = 41,["64"] = 41,["65"] = 41,["66"] = 41,["67"] = 41,["68"] = 41,["69"] = 41,["70"] = 40,["72"] = 52,["73"] = 53,["74"] = 54,["75"] = 55,["76"] = 55,["77"] = 55,["78"] = 55,["79"] = 56,["80"] = 57,["81"] = 57,["82"] = 57,["83"] = 57,["84"] = 57,["87"] = 59,["88"] = 60,["89"] = 52,["90"] = 68,["91"] = 69,["92"] = 69,["93"] = 69,["94"] = 69,["95"] = 69,["96"] = 69,["97"] = 70,["98"] = 71,["99"] = 71,["100"] = 71,["101"] = 71,["102"] = 71,["103"] = 71,["104"] = 69,["105"] = 69,["106"] = 68,["108"] = 76,["109"] = 77,["110"] = 78,["111"] = 79,["112"] = 79,["113"] = 79,["114"] = 79,["115"] = 80,["116"] = 81,["117"] = 81,["118"] = 81,["119"] = 81,["121"] = 84,["122"] = 85,["123"] = 86,["124"] = 87,["125"] = 88,["126"] = 89,["127"] = 90,["129"] = 92,["130"] = 92,["132"] = 94,["133"] = 94,["134"] = 94,["135"] = 94,["136"] = 94,["138"] = 95,["139"] = 76,["140"] = 98,["141"] = 98,["142"] = 98,["143"] = 98,["144"] = 98,["145"] = 98,["146"] = 98,["147"] = 98,["148"] = 98,["149"] = 99,["150"] = 99,["151"] = 99,["152"] = 99,["153"] = 100,["154"] = 101,["155"] = 101,["156"] = 101,["157"] = 101,["158"] = 101,["160"] = 102,["161"] = 102,["162"] = 102,["163"] = 102,["164"] = 103,["165"] = 104,["166"] = 105,["167"] = 106,["168"] = 106,["169"] = 106,["170"] = 106,["171"] = 106,["173"] = 107,["174"] = 108,["175"] = 108,["176"] = 108,["177"] = 108,["178"] = 108,["179"] = 108,["180"] = 108,["181"] = 109,["182"] = 109,["183"] = 109,["184"] = 109,["185"] = 110,["186"] = 111,["187"] = 112,["188"] = 112,["189"] = 112,["190"] = 112,["193"] = 115,["194"] = 98,["196"] = 119,["197"] = 120,["198"] = 120,["199"] = 120,["200"] = 120,["201"] = 121,["202"] = 121,["204"] = 122,["205"] = 122,["207"] = 123,["208"] = 123,["210"] = 124,["213"] = 129,["214"] = 130,["215"] = 130,["216"] = 130,["217"] = 130,["218"] = 131,["221"] = 126,["222"] = 127,["228"] = 125,["231"] = 133,["232"] = 119});
local ____exports = {}
local run, affected, forget, MoveError
local config = require("config")
local db = require("cluster.db")
local ____failover = require("core.failover")
local failoverWork = ____failover.failoverWork
local planFailover = ____failover.planFailover
local ____ownership = require("core.ownership")
local idsOf = ____ownership.idsOf
local planRecords = ____ownership.planRecords
local ____move_sql = require("health.move_sql")
local RECORDS_SQL = ____move_sql.RECORDS_SQL
local forgetSql = ____move_sql.forgetSql
local recordSql = ____move_sql.recordSql
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
local function transaction(____bindingPattern0)
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
        returning
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
    if #work.sources == 0 and #work.returning == 0 then
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
            outcome = transaction(work)
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
