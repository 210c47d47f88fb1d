local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 4,["9"] = 5,["10"] = 6,["11"] = 6,["12"] = 6,["13"] = 8,["14"] = 8,["15"] = 8,["16"] = 8,["17"] = 8,["18"] = 9,["19"] = 10,["20"] = 12,["21"] = 13,["22"] = 14,["23"] = 15,["24"] = 12,["26"] = 19,["27"] = 20,["28"] = 21,["29"] = 21,["30"] = 21,["31"] = 21,["32"] = 22,["33"] = 22,["35"] = 23,["36"] = 24,["37"] = 24,["39"] = 25,["40"] = 26,["41"] = 27,["42"] = 28,["43"] = 28,["45"] = 29,["46"] = 30,["47"] = 30,["48"] = 30,["49"] = 30,["50"] = 30,["53"] = 32,["54"] = 33,["55"] = 34,["56"] = 34,["58"] = 35,["59"] = 35,["60"] = 35,["61"] = 35,["62"] = 35,["63"] = 35,["64"] = 35,["65"] = 35,["66"] = 36,["67"] = 37,["68"] = 37,["70"] = 38,["71"] = 39,["72"] = 39,["74"] = 40,["75"] = 42,["76"] = 43,["77"] = 43,["79"] = 44,["80"] = 44,["82"] = 45,["83"] = 45,["84"] = 45,["85"] = 46,["86"] = 46,["87"] = 46,["88"] = 46,["89"] = 46,["91"] = 46,["93"] = 46,["94"] = 47,["95"] = 47,["97"] = 48,["98"] = 49,["99"] = 49,["100"] = 49,["101"] = 49,["103"] = 51,["104"] = 52,["105"] = 52,["106"] = 52,["107"] = 52,["110"] = 55,["111"] = 56,["112"] = 56,["114"] = 57,["115"] = 19});
local ____exports = {}
local config = require("config")
local db = require("cluster.db")
local ____failover = require("core.failover")
local failoverWork = ____failover.failoverWork
local planFailover = ____failover.planFailover
local ____registry_sql = require("health.registry_sql")
local assignSql = ____registry_sql.assignSql
local loadsSql = ____registry_sql.loadsSql
local returnSql = ____registry_sql.returnSql
local sourceMonitorsSql = ____registry_sql.sourceMonitorsSql
local session = require("health.writer_session")
local state = require("health.state")
local function rollback(why)
    session.exec("ROLLBACK")
    ngx.log(ngx.WARN, "health writer: monitor moves rolled back: " .. why)
    return {0, true}
end
--- Failover and return in one transaction on the writer's session. Returns [rows moved, failed].
function ____exports.moveMonitors(snapshot)
    local s = config.get()
    local work = failoverWork(
        state.registryNodes(snapshot),
        s.health
    )
    if #work.sources == 0 and #work.returning == 0 then
        return {0, false}
    end
    local begin = session.exec("BEGIN")
    if begin.error ~= nil then
        return {0, true}
    end
    local moved = 0
    if #work.returning > 0 then
        local res = session.exec(returnSql(work.returning))
        if res.ok == nil then
            return rollback(res.error or "return: no result")
        end
        moved = moved + res.ok.affected_rows
        if res.ok.affected_rows > 0 then
            ngx.log(
                ngx.NOTICE,
                (("health writer: " .. tostring(res.ok.affected_rows)) .. " monitors returned to ") .. table.concat(work.returning, ",")
            )
        end
    end
    if #work.sources > 0 then
        local monitorsRes = session.exec(sourceMonitorsSql(work.sources))
        if monitorsRes.rows == nil then
            return rollback(monitorsRes.error or "monitors: no rows")
        end
        local monitors = __TS__ArrayMap(
            monitorsRes.rows,
            function(____, r) return {
                id = db.num(r.id, 0),
                nodeId = db.text(r.node_id),
                assigned = db.text(r.assigned_node)
            } end
        )
        local loadsRes = session.exec(loadsSql(work.targets))
        if loadsRes.rows == nil then
            return rollback(loadsRes.error or "loads: no rows")
        end
        local loads = {}
        for ____, r in ipairs(loadsRes.rows) do
            loads[db.text(r.owner)] = db.num(r.n, 0)
        end
        local plan = planFailover(monitors, work.targets, loads, s.cluster.monitorLimitPerNode)
        local steps = {}
        if #plan.home > 0 then
            steps[#steps + 1] = {target = "", ids = plan.home}
        end
        for ____, target in ipairs(__TS__ArraySort(__TS__ObjectKeys(plan.assign))) do
            steps[#steps + 1] = {target = target, ids = plan.assign[target]}
        end
        for ____, ____value in ipairs(steps) do
            local target = ____value.target
            local ids = ____value.ids
            local ____session_exec_2 = session.exec
            local ____assignSql_1 = assignSql
            local ____temp_0
            if target == "" then
                ____temp_0 = nil
            else
                ____temp_0 = target
            end
            local res = ____session_exec_2(____assignSql_1(____temp_0, ids, work.sources))
            if res.ok == nil then
                return rollback(res.error or "assign: no result")
            end
            moved = moved + res.ok.affected_rows
            ngx.log(
                ngx.NOTICE,
                (((("health writer: " .. tostring(res.ok.affected_rows)) .. " monitors of ") .. table.concat(work.sources, ",")) .. " -> ") .. (target == "" and "their own node" or target)
            )
        end
        if #plan.stranded > 0 then
            ngx.log(
                ngx.WARN,
                (((("health writer: " .. tostring(#plan.stranded)) .. " monitors of ") .. table.concat(work.sources, ",")) .. " stay put: every healthy node is at MONITOR_LIMIT_PER_NODE=") .. tostring(s.cluster.monitorLimitPerNode)
            )
        end
    end
    local commit = session.exec("COMMIT")
    if commit.error ~= nil then
        return rollback(commit.error)
    end
    return {moved, false}
end
return ____exports
