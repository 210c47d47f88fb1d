local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 20,["6"] = 11,["7"] = 12,["8"] = 13,["9"] = 14,["10"] = 14,["11"] = 15,["12"] = 15,["13"] = 15,["14"] = 15,["15"] = 15,["16"] = 15,["17"] = 38,["18"] = 39,["19"] = 40,["22"] = 41,["23"] = 42,["26"] = 18,["27"] = 22,["28"] = 24,["29"] = 25,["30"] = 24,["33"] = 32,["34"] = 33,["35"] = 33,["37"] = 34,["38"] = 32,["40"] = 46,["41"] = 47,["42"] = 47,["44"] = 48,["45"] = 49,["46"] = 50,["47"] = 50,["49"] = 51,["51"] = 53,["52"] = 46,["54"] = 57,["55"] = 58,["56"] = 57,["57"] = 61,["58"] = 62,["59"] = 62,["61"] = 63,["62"] = 64,["63"] = 64,["64"] = 64,["66"] = 64,["67"] = 64,["68"] = 64,["70"] = 64,["72"] = 64,["74"] = 64,["75"] = 61,["77"] = 68,["78"] = 69,["79"] = 70,["80"] = 70,["82"] = 71,["83"] = 73,["84"] = 74,["85"] = 74,["87"] = 75,["88"] = 76,["89"] = 76,["90"] = 76,["91"] = 76,["92"] = 76,["93"] = 76,["94"] = 76,["95"] = 76,["96"] = 76,["97"] = 85,["98"] = 85,["100"] = 86,["101"] = 87,["102"] = 87,["103"] = 87,["104"] = 87,["105"] = 88,["106"] = 89,["107"] = 90,["108"] = 91,["110"] = 93,["111"] = 68,["114"] = 100,["115"] = 101,["116"] = 101,["118"] = 102,["119"] = 103,["120"] = 104,["121"] = 104,["124"] = 106,["125"] = 107,["126"] = 108,["127"] = 109,["128"] = 110,["130"] = 112,["131"] = 112,["132"] = 112,["134"] = 112,["136"] = 112,["137"] = 100,["139"] = 116,["140"] = 117,["141"] = 117,["143"] = 118,["144"] = 118,["145"] = 118,["146"] = 118,["147"] = 118,["149"] = 119,["150"] = 120,["151"] = 116});
local ____exports = {}
local drop, conn, held
local mysql = require("resty.mysql")
local config = require("config")
local db = require("cluster.db")
local ____resolve = require("dns.resolve")
local resolve = ____resolve.resolve
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
return ____exports
