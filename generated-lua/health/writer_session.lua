local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 20,["6"] = 11,["7"] = 12,["8"] = 13,["9"] = 14,["10"] = 14,["11"] = 15,["12"] = 15,["13"] = 15,["14"] = 15,["15"] = 15,["16"] = 15,["17"] = 45,["18"] = 46,["19"] = 47,["22"] = 48,["23"] = 49,["26"] = 18,["27"] = 22,["29"] = 24,["31"] = 27,["32"] = 28,["33"] = 27,["34"] = 31,["35"] = 32,["36"] = 31,["39"] = 39,["40"] = 40,["41"] = 40,["43"] = 41,["44"] = 39,["46"] = 53,["47"] = 54,["48"] = 54,["50"] = 55,["51"] = 56,["52"] = 57,["53"] = 57,["55"] = 58,["56"] = 58,["57"] = 58,["58"] = 58,["60"] = 60,["61"] = 53,["63"] = 64,["64"] = 65,["65"] = 64,["66"] = 68,["67"] = 69,["68"] = 69,["70"] = 70,["71"] = 71,["72"] = 71,["73"] = 71,["75"] = 71,["76"] = 71,["77"] = 71,["79"] = 71,["81"] = 71,["83"] = 71,["84"] = 68,["86"] = 75,["87"] = 76,["88"] = 77,["89"] = 77,["91"] = 78,["92"] = 80,["93"] = 81,["94"] = 81,["96"] = 82,["97"] = 83,["98"] = 83,["99"] = 83,["100"] = 83,["101"] = 83,["102"] = 83,["103"] = 83,["104"] = 83,["105"] = 83,["106"] = 92,["107"] = 92,["109"] = 93,["110"] = 94,["111"] = 95,["112"] = 95,["113"] = 95,["114"] = 95,["115"] = 96,["116"] = 97,["117"] = 98,["118"] = 99,["120"] = 101,["121"] = 75,["124"] = 108,["125"] = 109,["126"] = 109,["128"] = 110,["129"] = 111,["130"] = 112,["131"] = 112,["134"] = 114,["135"] = 115,["136"] = 116,["137"] = 117,["138"] = 118,["140"] = 120,["141"] = 120,["142"] = 120,["144"] = 120,["146"] = 120,["147"] = 108,["149"] = 124,["150"] = 125,["151"] = 125,["153"] = 126,["154"] = 126,["155"] = 126,["156"] = 126,["157"] = 126,["159"] = 127,["160"] = 128,["161"] = 124});
local ____exports = {}
local drop, conn, held
local mysql = require("resty.mysql")
local config = require("runtime.config")
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
--- Counts the sessions opened: work done once per session compares it.
local opened = 0
--- Which session this is (moves on at every reconnect).
function ____exports.sessionNumber()
    return opened
end
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
return ____exports
