local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 5,["10"] = 8,["12"] = 10,["14"] = 17,["16"] = 20,["20"] = 27,["21"] = 27,["22"] = 27,["24"] = 28,["25"] = 29,["26"] = 29,["28"] = 30,["29"] = 33,["30"] = 34,["31"] = 34,["33"] = 35,["34"] = 36,["35"] = 36,["36"] = 36,["37"] = 36,["38"] = 36,["39"] = 36,["40"] = 36,["41"] = 36,["42"] = 36,["43"] = 36,["44"] = 46,["45"] = 47,["47"] = 49,["48"] = 50,["49"] = 51,["50"] = 52,["51"] = 52,["52"] = 52,["53"] = 52,["55"] = 54,["56"] = 54,["58"] = 55,["60"] = 56,["61"] = 27,["63"] = 60,["64"] = 61,["65"] = 61,["66"] = 61,["68"] = 61,["70"] = 61,["71"] = 60,["72"] = 64,["73"] = 65,["74"] = 66,["75"] = 64,["76"] = 69,["77"] = 70,["78"] = 71,["79"] = 71,["81"] = 72,["82"] = 72,["83"] = 72,["85"] = 72,["87"] = 72,["88"] = 73,["89"] = 69});
local ____exports = {}
local mysql = require("resty.mysql")
local config = require("config")
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
--- Runs one statement on a pooled connection; `oneShot` (lookups, cluster/lookup_budget.ts): on a
-- connection of its own, closed afterwards, so the router holds only the ones in use. Never
-- throws: failures come back as `error`.
function ____exports.query(sql, oneShot)
    if oneShot == nil then
        oneShot = false
    end
    local conn, newErr = mysql.new()
    if conn == nil then
        return {error = "mysql.new: " .. tostring(newErr)}
    end
    local db = config.get().db
    local address, dnsErr = resolve(db.host)
    if address == nil then
        return {error = (("resolve " .. db.host) .. ": ") .. tostring(dnsErr)}
    end
    conn:set_timeout(db.timeoutMs)
    local connected, connErr, connErrno = conn:connect({
        host = address,
        port = db.port,
        user = db.user,
        password = db.password,
        database = db.database,
        charset = "utf8mb4",
        pool_size = POOL_SIZE,
        pool = oneShot and LOOKUP_POOL or nil
    })
    if connected == nil then
        return {error = ((((("connect " .. db.host) .. ":") .. tostring(db.port)) .. ": ") .. tostring(connErr)) .. (connErrno ~= nil and (" (" .. tostring(connErrno)) .. ")" or "")}
    end
    local res, err, errno, sqlstate = conn:query(sql)
    if res == nil then
        conn:close()
        return {
            error = ("query failed: " .. tostring(err)) .. (errno ~= nil and (((" (" .. tostring(errno)) .. " ") .. tostring(sqlstate)) .. ")" or ""),
            errno = errno
        }
    end
    if oneShot then
        conn:close()
    else
        conn:set_keepalive(KEEPALIVE_MS, POOL_SIZE)
    end
    return res.affected_rows ~= nil and ({ok = res}) or ({rows = res})
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
