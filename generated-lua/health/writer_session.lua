local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 21,["6"] = 11,["7"] = 12,["8"] = 13,["9"] = 14,["10"] = 14,["11"] = 15,["12"] = 15,["13"] = 16,["14"] = 16,["15"] = 16,["16"] = 16,["17"] = 16,["18"] = 16,["19"] = 41,["20"] = 42,["21"] = 43,["24"] = 44,["25"] = 45,["28"] = 19,["29"] = 23,["31"] = 25,["32"] = 27,["33"] = 28,["34"] = 27,["37"] = 35,["38"] = 36,["39"] = 36,["41"] = 37,["42"] = 35,["44"] = 49,["45"] = 50,["46"] = 50,["48"] = 51,["49"] = 52,["50"] = 53,["51"] = 53,["53"] = 54,["54"] = 54,["55"] = 54,["56"] = 54,["58"] = 56,["59"] = 49,["61"] = 60,["62"] = 61,["63"] = 60,["64"] = 64,["65"] = 65,["66"] = 65,["68"] = 66,["69"] = 67,["70"] = 67,["71"] = 67,["73"] = 67,["74"] = 67,["75"] = 67,["77"] = 67,["79"] = 67,["81"] = 67,["82"] = 64,["84"] = 71,["85"] = 72,["86"] = 73,["87"] = 73,["89"] = 74,["90"] = 76,["91"] = 77,["92"] = 77,["94"] = 78,["95"] = 79,["96"] = 79,["97"] = 79,["98"] = 79,["99"] = 79,["100"] = 79,["101"] = 79,["102"] = 79,["103"] = 79,["104"] = 88,["105"] = 88,["107"] = 89,["108"] = 90,["109"] = 91,["110"] = 91,["111"] = 91,["112"] = 91,["113"] = 92,["114"] = 93,["115"] = 94,["116"] = 95,["118"] = 97,["119"] = 71,["122"] = 104,["123"] = 105,["124"] = 105,["126"] = 106,["127"] = 107,["128"] = 108,["129"] = 108,["132"] = 110,["133"] = 111,["134"] = 112,["135"] = 113,["136"] = 114,["138"] = 116,["139"] = 116,["140"] = 116,["142"] = 116,["144"] = 116,["145"] = 104,["147"] = 120,["148"] = 121,["149"] = 121,["151"] = 122,["152"] = 122,["153"] = 122,["154"] = 122,["155"] = 122,["157"] = 123,["158"] = 124,["159"] = 120,["160"] = 130,["161"] = 131,["163"] = 134,["164"] = 135,["165"] = 135,["167"] = 136,["168"] = 137,["169"] = 138,["170"] = 139,["171"] = 140,["173"] = 142,["174"] = 143,["177"] = 146,["178"] = 147,["179"] = 148,["180"] = 134});
local ____exports = {}
local drop, conn, held
local mysql = require("resty.mysql")
local config = require("runtime.config")
local db = require("cluster.db")
local ____resolve = require("dns.resolve")
local resolve = ____resolve.resolve
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
    local res, err, errno, sqlstate = conn:query(sql)
    if res == nil then
        if errno == nil then
            drop()
        end
        return {
            error = tostring(err) .. (errno ~= nil and (((" (" .. tostring(errno)) .. " ") .. tostring(sqlstate)) .. ")" or ""),
            errno = errno
        }
    end
    return res.affected_rows ~= nil and ({ok = res}) or ({rows = res})
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
    local c, newErr = mysql.new()
    if c == nil then
        return "mysql.new: " .. tostring(newErr)
    end
    local s = config.get().db
    local address, dnsErr = resolve(s.host)
    if address == nil then
        return (("resolve " .. s.host) .. ": ") .. tostring(dnsErr)
    end
    c:set_timeout(s.timeoutMs)
    local ok, err = c:connect({
        host = address,
        port = s.port,
        user = s.user,
        password = s.password,
        database = s.database,
        charset = "utf8mb4",
        pool = "kuma-router-writer:" .. tostring(ngx.worker.pid())
    })
    if ok == nil then
        return "connect: " .. tostring(err)
    end
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
