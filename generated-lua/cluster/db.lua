local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 3,["7"] = 4,["8"] = 5,["9"] = 5,["11"] = 8,["13"] = 10,["15"] = 17,["17"] = 20,["21"] = 27,["22"] = 28,["23"] = 29,["24"] = 29,["26"] = 30,["27"] = 33,["28"] = 34,["29"] = 34,["31"] = 35,["32"] = 36,["33"] = 37,["34"] = 38,["35"] = 39,["36"] = 40,["37"] = 41,["38"] = 42,["39"] = 36,["40"] = 45,["41"] = 45,["43"] = 46,["44"] = 27,["46"] = 50,["47"] = 56,["48"] = 56,["49"] = 56,["50"] = 56,["51"] = 56,["53"] = 57,["54"] = 50,["58"] = 65,["59"] = 65,["60"] = 65,["62"] = 66,["63"] = 67,["64"] = 67,["66"] = 68,["67"] = 69,["68"] = 70,["69"] = 71,["70"] = 72,["72"] = 74,["73"] = 74,["75"] = 75,["77"] = 76,["78"] = 65,["80"] = 80,["81"] = 81,["82"] = 81,["83"] = 81,["85"] = 81,["87"] = 81,["88"] = 80,["89"] = 84,["90"] = 85,["91"] = 86,["92"] = 84,["93"] = 89,["94"] = 90,["95"] = 91,["96"] = 91,["98"] = 92,["99"] = 92,["100"] = 92,["102"] = 92,["104"] = 92,["105"] = 93,["106"] = 89});
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
--- The pool of request-caused lookups: never idle, so it never holds a connection it is not using.
local LOOKUP_POOL = "kuma-lookup"
--- A connection to the cluster's database, or why there is none. `pool` names a pool of its own
-- (the writer's session, never pooled back; the one-shot lookups, closed after one statement);
-- without it the connection may come from the shared cosocket pool.
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
--- Runs one statement on a pooled connection; `oneShot` (lookups, cluster/lookup_budget.ts): on a
-- connection of its own, closed afterwards, so the router holds only the ones in use. Never
-- throws: failures come back as `error`.
function ____exports.query(sql, oneShot)
    if oneShot == nil then
        oneShot = false
    end
    local conn = ____exports.connect(oneShot and LOOKUP_POOL or nil)
    if type(conn) == "string" then
        return {error = conn}
    end
    local rows, err, errno, sqlstate = conn:query(sql)
    local res = ____exports.resultOf(rows, err, errno, sqlstate)
    if res.error ~= nil then
        conn:close()
        return {error = "query failed: " .. res.error, errno = res.errno}
    end
    if oneShot then
        conn:close()
    else
        conn:set_keepalive(KEEPALIVE_MS, POOL_SIZE)
    end
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
