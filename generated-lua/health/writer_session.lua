local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 10,["6"] = 11,["7"] = 12,["8"] = 13,["9"] = 13,["10"] = 14,["11"] = 14,["12"] = 14,["13"] = 14,["14"] = 14,["16"] = 17,["17"] = 19,["19"] = 21,["20"] = 23,["21"] = 24,["22"] = 23,["24"] = 28,["25"] = 29,["26"] = 30,["29"] = 31,["30"] = 32,["31"] = 28,["33"] = 36,["34"] = 37,["35"] = 37,["37"] = 38,["38"] = 39,["39"] = 40,["40"] = 40,["42"] = 41,["44"] = 43,["45"] = 36,["47"] = 47,["48"] = 48,["49"] = 47,["50"] = 51,["51"] = 52,["52"] = 52,["54"] = 53,["55"] = 54,["56"] = 54,["57"] = 54,["59"] = 54,["60"] = 54,["61"] = 54,["63"] = 54,["65"] = 54,["67"] = 54,["68"] = 51,["70"] = 58,["71"] = 59,["72"] = 60,["73"] = 60,["75"] = 61,["76"] = 63,["77"] = 64,["78"] = 64,["80"] = 65,["81"] = 66,["82"] = 66,["83"] = 66,["84"] = 66,["85"] = 66,["86"] = 66,["87"] = 66,["88"] = 66,["89"] = 66,["90"] = 75,["91"] = 75,["93"] = 76,["94"] = 77,["95"] = 77,["96"] = 77,["97"] = 77,["98"] = 78,["99"] = 79,["100"] = 80,["101"] = 81,["103"] = 83,["104"] = 58,["107"] = 90,["108"] = 91,["109"] = 91,["111"] = 92,["112"] = 93,["113"] = 94,["114"] = 94,["117"] = 96,["118"] = 97,["119"] = 98,["120"] = 99,["121"] = 100,["123"] = 102,["124"] = 102,["125"] = 102,["127"] = 102,["129"] = 102,["130"] = 90,["132"] = 106,["133"] = 107,["134"] = 107,["136"] = 108,["137"] = 108,["138"] = 108,["139"] = 108,["140"] = 108,["142"] = 109,["143"] = 110,["144"] = 106});
local ____exports = {}
local mysql = require("resty.mysql")
local config = require("config")
local db = require("cluster.db")
local ____resolve = require("dns.resolve")
local resolve = ____resolve.resolve
local ____registry_sql = require("health.registry_sql")
local acquireSql = ____registry_sql.acquireSql
local sessionSql = ____registry_sql.sessionSql
local stillMineSql = ____registry_sql.stillMineSql
local writerLock = ____registry_sql.writerLock
--- Seconds of silence after which the server ends a writer's session (and frees the lock).
____exports.SESSION_IDLE_S = 30
local conn
--- The session holds the lock. A standby keeps its session open and asks again later.
local held = false
function ____exports.holding()
    return held
end
--- Closes the session; the server frees the lock with it.
function ____exports.release()
    held = false
    if conn == nil then
        return
    end
    conn:close()
    conn = nil
end
--- A SQL error keeps the session (and the lock); a network or protocol error ends it.
local function run(sql)
    if conn == nil then
        return {error = "no writer session"}
    end
    local res, err, errno, sqlstate = conn:query(sql)
    if res == nil then
        if errno == nil then
            ____exports.release()
        end
        return {error = tostring(err) .. (errno ~= nil and (((" (" .. tostring(errno)) .. " ") .. tostring(sqlstate)) .. ")" or "")}
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
    local lockWaitS = math.max(
        1,
        math.floor(s.timeoutMs / 1000) - 1
    )
    local setup = run(sessionSql(____exports.SESSION_IDLE_S, lockWaitS))
    if setup.error ~= nil then
        ____exports.release()
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
    ____exports.release()
    return false
end
return ____exports
