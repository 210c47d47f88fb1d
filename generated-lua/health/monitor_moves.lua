local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__New = ____lualib.__TS__New
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__InstanceOf = ____lualib.__TS__InstanceOf
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["12"] = 28,["13"] = 6,["14"] = 7,["15"] = 8,["16"] = 8,["17"] = 8,["18"] = 9,["19"] = 9,["20"] = 9,["21"] = 11,["22"] = 11,["23"] = 11,["24"] = 11,["25"] = 11,["26"] = 12,["27"] = 12,["28"] = 12,["29"] = 12,["30"] = 13,["31"] = 14,["32"] = 32,["33"] = 33,["34"] = 34,["36"] = 34,["40"] = 35,["42"] = 38,["43"] = 39,["44"] = 39,["46"] = 66,["47"] = 67,["48"] = 67,["49"] = 67,["50"] = 67,["53"] = 17,["54"] = 28,["55"] = 28,["56"] = 29,["57"] = 29,["58"] = 29,["59"] = 42,["60"] = 43,["61"] = 43,["62"] = 43,["63"] = 43,["64"] = 43,["65"] = 43,["66"] = 43,["67"] = 43,["68"] = 43,["69"] = 43,["70"] = 43,["71"] = 42,["73"] = 54,["74"] = 55,["75"] = 56,["76"] = 57,["77"] = 57,["78"] = 57,["79"] = 57,["80"] = 58,["81"] = 59,["82"] = 59,["83"] = 59,["84"] = 59,["85"] = 59,["88"] = 61,["89"] = 62,["90"] = 54,["91"] = 70,["92"] = 71,["93"] = 71,["94"] = 71,["95"] = 71,["96"] = 71,["97"] = 71,["98"] = 72,["99"] = 73,["100"] = 73,["101"] = 73,["102"] = 73,["103"] = 73,["104"] = 73,["105"] = 71,["106"] = 71,["107"] = 70,["109"] = 78,["110"] = 79,["111"] = 80,["112"] = 81,["113"] = 81,["114"] = 81,["115"] = 81,["116"] = 82,["117"] = 83,["118"] = 83,["119"] = 83,["120"] = 83,["122"] = 86,["123"] = 87,["124"] = 88,["125"] = 89,["126"] = 90,["127"] = 91,["128"] = 92,["130"] = 94,["131"] = 94,["133"] = 96,["134"] = 96,["135"] = 96,["136"] = 96,["137"] = 96,["139"] = 97,["140"] = 78,["141"] = 100,["142"] = 101,["143"] = 101,["144"] = 101,["145"] = 101,["146"] = 102,["147"] = 103,["148"] = 103,["149"] = 103,["150"] = 103,["151"] = 103,["153"] = 104,["154"] = 104,["155"] = 104,["156"] = 104,["157"] = 105,["158"] = 106,["159"] = 107,["160"] = 108,["161"] = 108,["162"] = 108,["163"] = 108,["164"] = 108,["166"] = 109,["167"] = 110,["168"] = 111,["169"] = 111,["170"] = 111,["171"] = 111,["172"] = 112,["173"] = 113,["174"] = 114,["175"] = 114,["176"] = 114,["177"] = 114,["180"] = 117,["181"] = 100,["183"] = 121,["184"] = 122,["185"] = 122,["186"] = 122,["187"] = 122,["188"] = 123,["189"] = 123,["191"] = 124,["192"] = 124,["194"] = 125,["195"] = 125,["197"] = 126,["200"] = 131,["201"] = 132,["202"] = 132,["203"] = 132,["204"] = 132,["205"] = 133,["208"] = 128,["209"] = 129,["215"] = 127,["218"] = 135,["219"] = 121});
local ____exports = {}
local run, affected, forget, MoveError
local config = require("runtime.config")
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
local verdicts = require("health.verdicts")
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
--- The only kind of move so far (the column leaves room for rebalance and drain).
local FAILOVER = "failover"
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
        local key = (e.from .. " ") .. e.to
        if ____pairs[key] == nil then
            ____pairs[key] = {from = e.from, to = e.to, ids = {}}
            keys[#keys + 1] = key
        end
        local ____pairs_key_ids_2 = ____pairs[key].ids
        ____pairs_key_ids_2[#____pairs_key_ids_2 + 1] = e.id
    end
    for ____, key in ipairs(keys) do
        affected(
            recordSql(____pairs[key].from, ____pairs[key].to, ____pairs[key].ids, FAILOVER),
            "record"
        )
    end
    return moved
end
local function transaction(sources, targets, returning)
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
        local plan = planFailover(monitors, targets, loads, limit)
        moved = moved + applyReturns(
            plan.home,
            ("their temporary owner " .. table.concat(sources, ",")) .. " is down"
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
    if #work.sources == 0 and #work.returning == 0 then
        return {moved = 0, dropped = 0, failed = false}
    end
    if not session.ensureTables() then
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
            outcome = transaction(work.sources, work.targets, work.returning)
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
