local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 3,["7"] = 4,["8"] = 5,["9"] = 5,["11"] = 8,["13"] = 10,["15"] = 17,["19"] = 24,["20"] = 25,["21"] = 26,["22"] = 26,["24"] = 27,["25"] = 30,["26"] = 31,["27"] = 31,["29"] = 32,["30"] = 33,["31"] = 34,["32"] = 35,["33"] = 36,["34"] = 37,["35"] = 38,["36"] = 39,["37"] = 33,["38"] = 42,["39"] = 42,["41"] = 43,["42"] = 24,["44"] = 47,["45"] = 48,["46"] = 48,["47"] = 48,["48"] = 48,["49"] = 48,["51"] = 49,["52"] = 47,["54"] = 53,["55"] = 54,["56"] = 55,["57"] = 55,["59"] = 56,["60"] = 57,["61"] = 58,["62"] = 59,["63"] = 60,["65"] = 62,["66"] = 63,["67"] = 53,["69"] = 67,["70"] = 68,["71"] = 68,["72"] = 68,["74"] = 68,["76"] = 68,["77"] = 67,["78"] = 71,["79"] = 72,["80"] = 73,["81"] = 71,["82"] = 76,["83"] = 77,["84"] = 78,["85"] = 78,["87"] = 79,["88"] = 79,["89"] = 79,["91"] = 79,["93"] = 79,["94"] = 80,["95"] = 76});
local ____exports = {}
local mysql = require("resty.mysql")
local config = require("runtime.config")
local ____resolve = require("dns.resolve")
local resolve = ____resolve.resolve
--- Idle pooled connections live this long, so a 1 s sync reuses its connection.
local KEEPALIVE_MS = 60000
--- Per worker: the sync, the prober and a few missing-key lookups at once.
local POOL_SIZE = 8
--- MariaDB's "table doesn't exist" (ER_NO_SUCH_TABLE).
____exports.NO_SUCH_TABLE = 1146
--- A connection to the cluster's database, or why there is none. `pool` names a pool of its own
-- (the writer's session, never pooled back); without it the connection may come from the shared
-- cosocket pool.
function ____exports.connect(pool)
    local conn, newErr = mysql.new()
    if conn == nil then
        return "mysql.new: " .. tostring(newErr)
    end
    local db = config.get().db
    local address, dnsErr = resolve(db.host)
    if address == nil then
        return (("resolve " .. db.host) .. ": ") .. tostring(dnsErr)
    end
    conn:set_timeout(db.timeoutMs)
    local connected, connErr, connErrno = conn:connect(__TS__ObjectAssign({
        host = address,
        port = db.port,
        user = db.user,
        password = db.password,
        database = db.database,
        charset = "utf8mb4"
    }, pool == nil and ({pool_size = POOL_SIZE}) or ({pool = pool})))
    if connected == nil then
        return ((((("connect " .. db.host) .. ":") .. tostring(db.port)) .. ": ") .. tostring(connErr)) .. (connErrno ~= nil and (" (" .. tostring(connErrno)) .. ")" or "")
    end
    return conn
end
--- One statement's answer: rows, an OK packet, or the error (with the server's number when it sent one).
function ____exports.resultOf(rows, err, errno, sqlstate)
    if rows == nil then
        return {
            error = tostring(err) .. (errno ~= nil and (((" (" .. tostring(errno)) .. " ") .. tostring(sqlstate)) .. ")" or ""),
            errno = errno
        }
    end
    return rows.affected_rows ~= nil and ({ok = rows}) or ({rows = rows})
end
--- Runs one statement on a pooled connection. Never throws: failures come back as `error`.
function ____exports.query(sql)
    local conn = ____exports.connect()
    if type(conn) == "string" then
        return {error = conn}
    end
    local rows, err, errno, sqlstate = conn:query(sql)
    local res = ____exports.resultOf(rows, err, errno, sqlstate)
    if res.error ~= nil then
        conn:close()
        return {error = "query failed: " .. res.error, errno = res.errno}
    end
    conn:set_keepalive(KEEPALIVE_MS, POOL_SIZE)
    return res
end
--- ngx.null and missing values become undefined; everything else is kept.
function ____exports.value(v)
    local ____temp_0
    if v == nil or v == ngx.null then
        ____temp_0 = nil
    else
        ____temp_0 = v
    end
    return ____temp_0
end
function ____exports.text(v)
    local x = ____exports.value(v)
    return x == nil and "" or tostring(x)
end
function ____exports.num(v, fallback)
    local x = ____exports.value(v)
    if type(x) == "number" then
        return x
    end
    local ____temp_1
    if x == nil then
        ____temp_1 = nil
    else
        ____temp_1 = tonumber(x)
    end
    local n = ____temp_1
    return n or fallback
end
return ____exports
