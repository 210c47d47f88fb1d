local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 20,["6"] = 12,["7"] = 13,["8"] = 14,["9"] = 14,["10"] = 15,["11"] = 15,["12"] = 15,["13"] = 15,["14"] = 15,["15"] = 15,["16"] = 40,["17"] = 41,["18"] = 42,["21"] = 43,["22"] = 44,["25"] = 18,["26"] = 22,["28"] = 24,["29"] = 26,["30"] = 27,["31"] = 26,["34"] = 34,["35"] = 35,["36"] = 35,["38"] = 36,["39"] = 34,["41"] = 48,["42"] = 49,["43"] = 49,["45"] = 50,["46"] = 51,["47"] = 51,["49"] = 52,["50"] = 48,["52"] = 56,["53"] = 57,["54"] = 56,["55"] = 60,["56"] = 61,["57"] = 61,["59"] = 62,["60"] = 63,["61"] = 63,["62"] = 63,["64"] = 63,["65"] = 63,["66"] = 63,["68"] = 63,["70"] = 63,["72"] = 63,["73"] = 60,["75"] = 67,["76"] = 68,["77"] = 69,["78"] = 69,["80"] = 70,["81"] = 71,["82"] = 72,["83"] = 73,["84"] = 73,["85"] = 73,["86"] = 73,["87"] = 74,["88"] = 75,["89"] = 76,["90"] = 77,["92"] = 79,["93"] = 67,["96"] = 86,["97"] = 87,["98"] = 87,["100"] = 88,["101"] = 89,["102"] = 90,["103"] = 90,["106"] = 92,["107"] = 93,["108"] = 94,["109"] = 95,["110"] = 96,["112"] = 98,["113"] = 98,["114"] = 98,["116"] = 98,["118"] = 98,["119"] = 86,["121"] = 102,["122"] = 103,["123"] = 103,["125"] = 104,["126"] = 104,["127"] = 104,["128"] = 104,["129"] = 104,["131"] = 105,["132"] = 106,["133"] = 102,["134"] = 112,["135"] = 113,["137"] = 116,["138"] = 117,["139"] = 117,["141"] = 118,["142"] = 119,["143"] = 120,["144"] = 121,["145"] = 122,["147"] = 124,["148"] = 125,["151"] = 128,["152"] = 129,["153"] = 130,["154"] = 116});
local ____exports = {}
local drop, conn, held
local config = require("runtime.config")
local db = require("cluster.db")
local ____router_tables = require("core.router_tables")
local ROUTER_TABLES_DDL = ____router_tables.ROUTER_TABLES_DDL
local ____registry_sql = require("health.registry_sql")
local acquireSql = ____registry_sql.acquireSql
local releaseSql = ____registry_sql.releaseSql
local sessionSql = ____registry_sql.sessionSql
local stillMineSql = ____registry_sql.stillMineSql
local writerLock = ____registry_sql.writerLock
function drop()
    held = false
    if conn == nil then
        return
    end
    conn:close()
    conn = nil
end
--- Seconds of silence after which the server ends a writer's session (and frees the lock).
____exports.SESSION_IDLE_S = 30
held = false
--- Counts the sessions opened: work done once per session compares it.
local opened = 0
function ____exports.holding()
    return held
end
--- Gives the lock back, then closes the session. The server frees a closed session's lock only
-- once its thread notices the close, and a standby asking in between would be refused.
function ____exports.release()
    if held and conn ~= nil then
        conn:query(releaseSql(writerLock(config.get().db.database)))
    end
    drop()
end
--- A SQL error keeps the session (and the lock); a network or protocol error ends it.
local function run(sql)
    if conn == nil then
        return {error = "no writer session"}
    end
    local rows, err, errno, sqlstate = conn:query(sql)
    if rows == nil and errno == nil then
        drop()
    end
    return db.resultOf(rows, err, errno, sqlstate)
end
--- Runs one statement as the writer; refused unless the session holds the lock.
function ____exports.exec(sql)
    return held and run(sql) or ({error = "not the writer"})
end
local function firstNumber(res, column)
    if res.rows == nil or #res.rows == 0 then
        return nil
    end
    local v = db.value(res.rows[1][column])
    local ____temp_1
    if type(v) == "number" then
        ____temp_1 = v
    else
        local ____temp_0
        if v == nil then
            ____temp_0 = nil
        else
            ____temp_0 = tonumber(v)
        end
        ____temp_1 = ____temp_0
    end
    return ____temp_1
end
--- Connects under a pool name of our own (never pooled back) and sets the session up.
local function open()
    local c = db.connect("kuma-router-writer:" .. tostring(ngx.worker.pid()))
    if type(c) == "string" then
        return c
    end
    local s = config.get().db
    conn = c
    opened = opened + 1
    local lockWaitS = math.max(
        1,
        math.floor(s.timeoutMs / 1000) - 1
    )
    local setup = run(sessionSql(____exports.SESSION_IDLE_S, lockWaitS))
    if setup.error ~= nil then
        drop()
        return setup.error
    end
    return nil
end
--- Tries the lock without waiting (opening the session first if needed). True when this router
-- is the writer; false with no error when another router's session holds the lock.
function ____exports.acquire()
    if held then
        return true, nil
    end
    if conn == nil then
        local err = open()
        if err ~= nil then
            return false, err
        end
    end
    local res = run(acquireSql(writerLock(config.get().db.database)))
    local got = firstNumber(res, "got")
    if got == 1 then
        held = true
        return true, nil
    end
    local ____temp_2
    if got == 0 then
        ____temp_2 = nil
    else
        ____temp_2 = "GET_LOCK: " .. (res.error or "no answer")
    end
    return false, ____temp_2
end
--- True while the session is alive and still holds the lock (also keeps the session from idling out).
function ____exports.confirm()
    if not held then
        return false
    end
    if firstNumber(
        run(stillMineSql(writerLock(config.get().db.database))),
        "mine"
    ) == 1 then
        return true
    end
    drop()
    return false
end
local tablesReadyFor = 0
local lastTablesError
--- True once the tables exist for this session; logs a failure once until it changes.
function ____exports.ensureTables()
    if tablesReadyFor == opened then
        return true
    end
    for ____, ddl in ipairs(ROUTER_TABLES_DDL) do
        local res = ____exports.exec(ddl)
        if res.error ~= nil then
            if res.error ~= lastTablesError then
                ngx.log(ngx.ERR, "health writer: cannot create the router's tables (run kuma-cluster-node migrate, or grant CREATE): " .. res.error)
            end
            lastTablesError = res.error
            return false
        end
    end
    lastTablesError = nil
    tablesReadyFor = opened
    return true
end
return ____exports
